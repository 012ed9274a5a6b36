import { Alert, Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { listItems } from '../../shared/api';
import type { Program, VoucherApplication } from '../../shared/api-types';
import { yuan } from '../../shared/money';
import { useLoad } from '../../shared/useLoad';
import { usePagedLoad } from '../../shared/usePagedLoad';
import { WithdrawButton } from './WithdrawButton';
import { label } from '../../shared/labels';
import { REDEMPTION_MODE, APPLICATION_STATUS } from '../../shared/labels/voucher';
import { LoadedTable } from '../../shared/LoadedTable';
import { ApplyModal } from './ApplyModal';

/** Open programs to apply to, and the SME's applications with their decisions. */
export function VoucherApply() {
  // Every open program (its name also labels the SME's applications to it).
  const programs = useLoad(
    async () => ({ items: await listItems<'ProgramPageDto'>('/voucher-programs', { status: 'OPEN' }) }),
    [],
  );
  const applications = usePagedLoad<'ApplicationPageDto'>('/voucher-applications');
  const [applying, setApplying] = useState<Program>();
  const names = new Map((programs.data?.items ?? []).map((p) => [p.id, p.name]));
  return (
    <Card title="申请服务券" size="small" data-testid="voucher-apply">
      {programs.error && <Alert type="error" message={programs.error} />}
      <List
        size="small"
        loading={programs.loading}
        dataSource={programs.data?.items ?? []}
        locale={{ emptyText: <Empty description="当前没有开放申报的服务券项目" /> }}
        renderItem={(p) => (
          <List.Item
            actions={[
              <Button key="apply" size="small" type="primary" onClick={() => setApplying(p)}>
                申请
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={p.name}
              description={`单券最高 ${yuan(p.maxVoucherFen)} · 申报期 ${p.applyFrom} 至 ${p.applyUntil} · ${label(REDEMPTION_MODE, p.redemptionMode)}`}
            />
          </List.Item>
        )}
      />
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        我的申请
      </Typography.Title>
      <LoadedTable
        load={applications}
        rows={applications.rows}
        empty="还没有申请"
        data-testid="my-applications"
        columns={[
          { title: '项目', dataIndex: 'programId', render: (id: string) => names.get(id) ?? '服务券项目' },
          { title: '申请金额', dataIndex: 'requestedFen', render: (f: number) => yuan(f) },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: string, a: VoucherApplication) => (
              <Space direction="vertical" size={0}>
                <Tag color={s === 'APPROVED' ? 'green' : s === 'REJECTED' ? 'red' : 'blue'}>
                  {label(APPLICATION_STATUS, s)}
                </Tag>
                {a.approvedFen !== null && <span>批准 {yuan(a.approvedFen)}</span>}
                {a.reason && <Typography.Text type="secondary">理由：{a.reason}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: '操作',
            key: 'withdraw',
            render: (_: unknown, a: VoucherApplication) => (
              <WithdrawButton application={a} onDone={applications.reload} />
            ),
          },
        ]}
      />
      {applying && (
        <ApplyModal
          program={applying}
          onClose={(done) => {
            setApplying(undefined);
            if (done) applications.reload();
          }}
        />
      )}
    </Card>
  );
}
