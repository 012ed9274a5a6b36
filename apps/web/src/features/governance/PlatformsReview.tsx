import {
  Alert,
  Button,
  Card,
  DatePicker,
  Drawer,
  Empty,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, itemsOf, Page, Schema } from '../../shared/api';
import { yuan } from '../../shared/money';
import { useAction, useDialogClose } from '../../shared/actions';
import { applyApiErrors } from '../../shared/errors';
import { label } from '../../shared/labels';
import { useLoad } from '../../shared/useLoad';
import { Subsidies } from './Subsidies';
import { yearOptions } from './common';
import { pct } from '../../shared/money';
import { GRADE } from '../../shared/labels/governance';
import { RECOGNITION_LEVEL } from '../../shared/labels/catalogue';
import { Evaluation } from './Evaluation';
import { RevenueReview } from './RevenueReview';
import { SubsidyRules } from './SubsidyRules';
import { LoadedTable } from '../../shared/LoadedTable';
import { PLATFORM_STATUS } from '../../shared/labels/catalogue';
import { RECOGNITION_STATUS } from '../../shared/labels/governance';


interface PlatformItem {
  id: string;
  name: string;
  status: string;
  regionCode: string;
  recognitionLevel?: string;
  typeLabel?: string;
}

/** Bureau: platforms in its jurisdiction — list/suspend/delist, recognitions, evaluations, subsidies. */
export function PlatformsReview() {
  const closeDialog = useDialogClose();
  const run = useAction();
  const [status, setStatus] = useState('PENDING_REVIEW');
  const platforms = useLoad(() => api<Page<PlatformItem>>('/platforms', { query: { status, limit: 100 } }), [status]);
  const [reasonFor, setReasonFor] = useState<{ platform: PlatformItem; action: 'suspend' | 'delist' }>();
  const [open, setOpen] = useState<PlatformItem>();
  const list = async (p: PlatformItem) => {
    if (await run(() => api(`/platforms/${p.id}/list`, { method: 'POST' }), `已上架：${p.name}`)) platforms.reload();
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        size="small"
        title="平台审核与监管"
        extra={
          <Select
            size="small"
            value={status}
            onChange={setStatus}
            style={{ width: 120 }}
            options={['PENDING_REVIEW', 'LISTED', 'SUSPENDED', 'DELISTED'].map((s) => ({
              value: s,
              label: PLATFORM_STATUS[s],
            }))}
          />
        }
      >
        <LoadedTable
          load={platforms}
          rows={platforms.data?.items ?? []}
          empty="没有该状态的平台"
          data-testid="platforms-review"
          scroll={{ x: 720 }}
          columns={[
            { title: '平台', dataIndex: 'name' },
            { title: '地区', dataIndex: 'regionCode' },
            { title: '认定级别', dataIndex: 'recognitionLevel', render: (l: string) => label(RECOGNITION_LEVEL, l) },
            { title: '状态', dataIndex: 'status', render: (s: string) => <Tag>{label(PLATFORM_STATUS, s)}</Tag> },
            {
              title: '操作',
              render: (_: unknown, p: PlatformItem) => (
                <Space wrap size={4}>
                  {(p.status === 'PENDING_REVIEW' || p.status === 'SUSPENDED') && (
                    <Button size="small" type="primary" onClick={() => list(p)}>
                      {p.status === 'SUSPENDED' ? '恢复上架' : '审核通过并上架'}
                    </Button>
                  )}
                  {p.status === 'LISTED' && (
                    <Button size="small" onClick={() => setReasonFor({ platform: p, action: 'suspend' })}>
                      暂停
                    </Button>
                  )}
                  {(p.status === 'LISTED' || p.status === 'SUSPENDED') && (
                    <Button size="small" danger onClick={() => setReasonFor({ platform: p, action: 'delist' })}>
                      下架
                    </Button>
                  )}
                  <Button size="small" onClick={() => setOpen(p)}>
                    认定·评价·补贴
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <IndicatorsTable />
      <SubsidyRules />
      {reasonFor && (
        <ReasonModal
          title={`${reasonFor.action === 'suspend' ? '暂停' : '下架'}：${reasonFor.platform.name}`}
          path={`/platforms/${reasonFor.platform.id}/${reasonFor.action}`}
          onClose={closeDialog(() => setReasonFor(undefined), '已处理', platforms.reload)}
        />
      )}
      {open && <PlatformGovernance platform={open} onClose={() => setOpen(undefined)} onChanged={platforms.reload} />}
    </Space>
  );
}

/** A POST taking { reason } (suspend, delist, reject). */
function ReasonModal({ title, path, onClose }: { title: string; path: string; onClose: (done: boolean) => void }) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: { reason: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await api(path, { method: 'POST', body: v });
      onClose(true);
    } catch (e) {
      setError(applyApiErrors(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={title} onCancel={() => onClose(false)} footer={null} destroyOnClose>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="reason" label="理由" rules={[{ required: true, message: '请填写理由' }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          确认
        </Button>
      </Form>
    </Modal>
  );
}

/** GET /reports/platforms?year=: each listed platform's indicators, score and suggested grade. */
function IndicatorsTable() {
  const [year, setYear] = useState(new Date().getFullYear());
  const report = useLoad(() => api<Schema<'PlatformReportDto'>>('/reports/platforms', { query: { year } }), [year]);
  return (
    <Card
      size="small"
      title="平台年度指标"
      extra={<Select size="small" value={year} onChange={setYear} options={yearOptions()} style={{ width: 100 }} />}
    >
      {report.error && <Alert type="error" message={report.error} />}
      <Table
        rowKey="platformId"
        size="small"
        data-testid="platform-indicators"
        loading={report.loading}
        dataSource={report.data?.rows ?? []}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: <Empty description="辖区内暂无已上架平台" /> }}
        columns={[
          { title: '平台', dataIndex: 'name', fixed: 'left' },
          { title: '认定', dataIndex: 'recognitionLevel', render: (l: string) => label(RECOGNITION_LEVEL, l) },
          { title: '完成订单', dataIndex: 'ordersCompleted' },
          { title: '服务收入', dataIndex: 'serviceRevenueFen', render: (f: number) => yuan(f) },
          { title: '服务企业', dataIndex: 'smesServed' },
          { title: '外部用户占比', dataIndex: 'externalUserShareBp', render: pct },
          { title: '评分', dataIndex: 'ratingAvg', render: (r: number | null) => (r === null ? '—' : r.toFixed(1)) },
          {
            title: '首次报价用时',
            dataIndex: 'medianFirstQuoteMinutes',
            render: (m: number | null) => (m === null ? '—' : `${m} 分钟`),
          },
          { title: '设备共享率', dataIndex: 'sharingRateBp', render: pct },
          { title: '被驳回兑付', dataIndex: 'claimsRejected' },
          { title: '得分', dataIndex: 'score' },
          { title: '建议等级', dataIndex: 'suggestedGrade', render: (g: string) => <Tag>{label(GRADE, g)}</Tag> },
        ]}
      />
    </Card>
  );
}

interface Recognition {
  id: string;
  level: string;
  status: string;
  evidence: string;
  evidenceUrls: string[];
  validFrom: string | null;
  validUntil: string | null;
  reason: string | null;
  createdAt: string;
}

function PlatformGovernance({
  platform,
  onClose,
  onChanged,
}: {
  platform: PlatformItem;
  onClose: () => void;
  onChanged: () => void;
}) {
  return (
    <Drawer open title={platform.name} width={Math.min(860, window.innerWidth)} onClose={onClose} destroyOnClose>
      <Tabs
        items={[
          { key: 'rec', label: '认定申请', children: <Recognitions platformId={platform.id} /> },
          { key: 'eval', label: '年度评价', children: <Evaluation platformId={platform.id} onChanged={onChanged} /> },
          { key: 'rev', label: '收入申报', children: <RevenueReview platformId={platform.id} /> },
          { key: 'sub', label: '补贴测算', children: <Subsidies platformId={platform.id} /> },
        ]}
      />
    </Drawer>
  );
}

function Recognitions({ platformId }: { platformId: string }) {
  const closeDialog = useDialogClose();
  const recs = useLoad(
    () => api<Recognition[] | Page<Recognition>>(`/platforms/${platformId}/recognitions`),
    [platformId],
  );
  const rows = itemsOf(recs.data);
  const [approving, setApproving] = useState<Recognition>();
  const [rejecting, setRejecting] = useState<Recognition>();
  return (
    <>
      <LoadedTable
        load={recs}
        rows={rows}
        empty="暂无认定申请"
        columns={[
          { title: '申请级别', dataIndex: 'level', render: (l: string) => label(RECOGNITION_LEVEL, l) },
          { title: '佐证材料', dataIndex: 'evidence' },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: string, r: Recognition) => (
              <Space direction="vertical" size={0}>
                <Tag>{label(RECOGNITION_STATUS, s)}</Tag>
                {r.validUntil && (
                  <span>
                    {r.validFrom} 至 {r.validUntil}
                  </span>
                )}
                {r.reason && <Typography.Text type="secondary">{r.reason}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: '操作',
            render: (_: unknown, r: Recognition) =>
              r.status === 'PENDING' ? (
                <Space>
                  <Button size="small" type="primary" onClick={() => setApproving(r)}>
                    认定
                  </Button>
                  <Button size="small" danger onClick={() => setRejecting(r)}>
                    不予认定
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      {approving && (
        <ApproveRecognitionModal
          recognition={approving}
          onClose={closeDialog(() => setApproving(undefined), '已认定', recs.reload)}
        />
      )}
      {rejecting && (
        <ReasonModal
          title="不予认定"
          path={`/recognitions/${rejecting.id}/reject`}
          onClose={(done) => {
            setRejecting(undefined);
            if (done) recs.reload();
          }}
        />
      )}
    </>
  );
}

function ApproveRecognitionModal({
  recognition,
  onClose,
}: {
  recognition: Recognition;
  onClose: (done: boolean) => void;
}) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string>();
  const submit = async (v: { validFrom: Dayjs; validUntil: Dayjs }) => {
    setError(undefined);
    try {
      await api(`/recognitions/${recognition.id}/approve`, {
        method: 'POST',
        body: { validFrom: v.validFrom.format('YYYY-MM-DD'), validUntil: v.validUntil.format('YYYY-MM-DD') },
      });
      onClose(true);
    } catch (e) {
      setError(applyApiErrors(form, e));
    }
  };
  return (
    <Modal
      open
      title={`认定为${label(RECOGNITION_LEVEL, recognition.level)}平台`}
      onCancel={() => onClose(false)}
      footer={null}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ validFrom: dayjs(), validUntil: dayjs().add(3, 'year').endOf('year') }}
      >
        <Form.Item name="validFrom" label="生效日期" rules={[{ required: true, message: '请选择' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="validUntil" label="有效期至" rules={[{ required: true, message: '请选择' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block>
          确认认定
        </Button>
      </Form>
    </Modal>
  );
}
