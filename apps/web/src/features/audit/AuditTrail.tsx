import { Button, Card, DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, Schema } from '../../shared/api';
import { time } from '../../shared/dates';
import { applyApiErrors } from '../../shared/errors';
import { label, options } from '../../shared/labels';
import { AUDIT_ACTION, AUDIT_ENTITY } from '../../shared/labels/audit';
import { LoadedTable } from '../../shared/LoadedTable';
import { useLoad } from '../../shared/useLoad';
import { useSession } from '../../shared/session';
import { AuditDiff } from './AuditDiff';

type AuditEvent = Schema<'AuditEventResponseDto'>;
interface Filters {
  entityType?: string;
  entityId?: string;
  actorOrgId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}
const PAGE = 20;

/** The audit trail (bureau: its jurisdiction; admin: everything), filtered, each event's before/after as a diff. */
export function AuditTrail() {
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  // Names of this org's own people, so the trail says who approved and who paid (maker-checker).
  const myOrgId = useSession()?.org.id;
  const people = useLoad(
    () =>
      myOrgId
        ? api<Schema<'UserPageDto'>>(`/orgs/${myOrgId}/members`, { query: { limit: 100 } })
        : Promise.resolve(undefined),
    [myOrgId],
  );
  const nameOf = new Map((people.data?.items ?? []).map((u) => [u.id, u.displayName]));
  const events = useLoad(async () => {
    const [start, end] = filters.range ?? [];
    try {
      return await api<Schema<'AuditEventPageDto'>>('/audit-events', {
        query: {
          entityType: filters.entityType,
          entityId: filters.entityId?.trim() || undefined,
          actorOrgId: filters.actorOrgId?.trim() || undefined,
          from: start ? start.startOf('day').toISOString() : undefined,
          to: end ? end.add(1, 'day').startOf('day').toISOString() : undefined,
          page,
          limit: PAGE,
        },
      });
    } catch (e) {
      throw new Error(applyApiErrors(form, e));
    }
  }, [filters, page]);
  const search = (values: Filters) => {
    setPage(1);
    setFilters(values);
  };
  return (
    <Card title="审计日志" size="small" data-testid="audit-trail">
      <Typography.Paragraph type="secondary">
        记录每一次变更：谁、何时、对什么对象、变更前后的内容。可按对象类型与编号、操作机构和日期筛选。
      </Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={search} style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item name="entityType" label="对象类型">
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 160 }}
            placeholder="全部"
            options={options(AUDIT_ENTITY)}
          />
        </Form.Item>
        <Form.Item name="entityId" label="对象编号">
          <Input allowClear style={{ width: 240 }} placeholder="如服务券项目编号" />
        </Form.Item>
        <Form.Item name="actorOrgId" label="操作机构编号">
          <Input allowClear style={{ width: 240 }} placeholder="机构编号（UUID）" />
        </Form.Item>
        <Form.Item name="range" label="日期">
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            查询
          </Button>
          <Button onClick={() => (form.resetFields(), search({}))}>重置</Button>
        </Space>
      </Form>
      <LoadedTable<AuditEvent>
        load={events}
        rows={events.data?.items ?? []}
        empty="没有符合条件的审计记录，可放宽筛选条件后重试"
        scroll={{ x: 900 }}
        pagination={{
          current: page,
          pageSize: PAGE,
          total: events.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
        expandable={{ expandedRowRender: (e) => <AuditDiff before={e.before} after={e.after} /> }}
        columns={[
          { title: '时间', dataIndex: 'occurredAt', render: time, width: 170 },
          { title: '对象类型', dataIndex: 'entityType', render: (t: string) => label(AUDIT_ENTITY, t) },
          {
            title: '对象编号',
            dataIndex: 'entityId',
            render: (id: string) => <Typography.Text copyable={{ text: id }}>{id.slice(0, 8)}</Typography.Text>,
          },
          {
            title: '操作',
            dataIndex: 'action',
            render: (a: string) => (
              <Space size={4} wrap>
                {AUDIT_ACTION[a] && <span>{AUDIT_ACTION[a]}</span>}
                <Typography.Text code>{a}</Typography.Text>
              </Space>
            ),
          },
          {
            title: '操作人',
            dataIndex: 'actorUserId',
            render: (id: string | null) =>
              id
                ? (nameOf.get(id) ?? <Typography.Text copyable={{ text: id }}>{id.slice(0, 8)}</Typography.Text>)
                : '—',
          },
          {
            title: '操作机构',
            dataIndex: 'actorOrgId',
            render: (id: string | null) =>
              id === myOrgId ? (
                '本机构'
              ) : id ? (
                <Typography.Text copyable={{ text: id }}>{id.slice(0, 8)}</Typography.Text>
              ) : (
                '系统或公众'
              ),
          },
        ]}
      />
    </Card>
  );
}
