import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api, Page } from '../../shared/api';
import { VoucherApplication } from '../../shared/api-types';
import { Program } from '../../shared/api-types';
import { yuan } from '../../shared/money';
import { useAction, useDialogClose } from '../../shared/actions';
import { applyApiErrors } from '../../shared/errors';
import { label } from '../../shared/labels';
import { PROGRAM_KIND, REDEMPTION_SHORT } from '../../shared/labels/voucher';
import { PROGRAM_STATUS } from '../../shared/labels/voucher';
import { APPLICATION_STATUS } from '../../shared/labels/voucher';
import { useLoad } from '../../shared/useLoad';
import { ProgramFormModal, LOCKED_TEXT } from './ProgramFormModal';
import { ProgramDetail, ruleText } from './program-form';
import { REDEMPTION_OPTIONS } from '../../shared/labels/voucher';
import { LoadedTable } from '../../shared/LoadedTable';
import { Link } from 'react-router-dom';
import { NoticeItem, noticeUrl, PublicNoticeTable } from './PublicNoticePage';

/** An application as the bureau's list shows it: with the applicant's name. */
type ApplicationRow = VoucherApplication & { smeOrgName?: string; failedSpotChecks?: number };

/** The bureau's own programs (every status). */
export function useBureauPrograms() {
  return useLoad(() => api<Page<ProgramDetail>>('/voucher-programs', { query: { limit: 100 } }), []);
}

/** Bureau: voucher applications to its programs — approve (possibly less) or reject with a reason. */
export function ApplicationsReview() {
  const closeDialog = useDialogClose();
  const programs = useBureauPrograms();
  const [status, setStatus] = useState<string>('PENDING');
  const applications = useLoad(
    () => api<Page<ApplicationRow>>('/voucher-applications', { query: { status: status || undefined, limit: 100 } }),
    [status],
  );
  const [deciding, setDeciding] = useState<{ app: ApplicationRow; approve: boolean }>();
  const names = new Map((programs.data?.items ?? []).map((p) => [p.id, p.name]));
  return (
    <Card
      size="small"
      title="服务券申请"
      extra={
        <Radio.Group
          size="small"
          optionType="button"
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          options={[
            { value: 'PENDING', label: '待审核' },
            { value: 'APPROVED', label: '已批准' },
            { value: 'REJECTED', label: '未批准' },
            { value: '', label: '全部' },
          ]}
        />
      }
    >
      <LoadedTable
        load={applications}
        rows={applications.data?.items ?? []}
        empty="暂无服务券申请"
        data-testid="applications"
        scroll={{ x: 820 }}
        columns={[
          {
            title: '申请企业',
            dataIndex: 'smeOrgName',
            render: (n: string | undefined, a: ApplicationRow) => (
              <>
                {n || '—'}
                {(a.failedSpotChecks ?? 0) > 0 && (
                  <Tag color="red" style={{ marginLeft: 4 }}>
                    抽查不合格 {a.failedSpotChecks} 次，请重点审核
                  </Tag>
                )}
              </>
            ),
          },
          { title: '项目', dataIndex: 'programId', render: (id: string) => names.get(id) ?? '—' },
          { title: '用途', dataIndex: 'purpose' },
          { title: '申请金额', dataIndex: 'requestedFen', render: (f: number) => yuan(f) },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: string, a: ApplicationRow) => (
              <Space direction="vertical" size={0}>
                <Tag>{label(APPLICATION_STATUS, s)}</Tag>
                {a.approvedFen !== null && <span>批准 {yuan(a.approvedFen)}</span>}
                {a.reason && <Typography.Text type="secondary">{a.reason}</Typography.Text>}
              </Space>
            ),
          },
          { title: '申请时间', dataIndex: 'createdAt', render: (d: string) => new Date(d).toLocaleString('zh-CN') },
          {
            title: '操作',
            render: (_: unknown, a: ApplicationRow) =>
              a.status === 'PENDING' ? (
                <Space>
                  <Button size="small" type="primary" onClick={() => setDeciding({ app: a, approve: true })}>
                    批准
                  </Button>
                  <Button size="small" danger onClick={() => setDeciding({ app: a, approve: false })}>
                    驳回
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      {deciding && (
        <DecisionModal
          {...deciding}
          onClose={closeDialog(
            () => setDeciding(undefined),
            deciding.approve ? '已批准，服务券已发放' : '已驳回',
            applications.reload,
          )}
        />
      )}
    </Card>
  );
}

function DecisionModal({
  app,
  approve,
  onClose,
}: {
  app: ApplicationRow;
  approve: boolean;
  onClose: (done: boolean) => void;
}) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (values: { amountYuan?: number; reason?: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await api(`/voucher-applications/${app.id}/${approve ? 'approve' : 'reject'}`, {
        method: 'POST',
        idempotent: true,
        body: approve ? { amountFen: Math.round((values.amountYuan ?? 0) * 100) } : { reason: values.reason },
      });
      onClose(true);
    } catch (e) {
      setError(applyApiErrors(form, e, { amountFen: 'amountYuan' }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={approve ? '批准服务券申请' : '驳回服务券申请'}
      onCancel={() => onClose(false)}
      footer={null}
      destroyOnClose
    >
      <Typography.Paragraph type="secondary">
        {app.smeOrgName ? `${app.smeOrgName} · ` : ''}用途：{app.purpose} · 申请 {yuan(app.requestedFen)}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ amountYuan: app.requestedFen / 100 }}>
        {approve ? (
          <Form.Item
            name="amountYuan"
            label="批准金额（元）"
            extra="可少于申请金额；从项目预算中发券"
            rules={[{ required: true, message: '请输入批准金额' }]}
          >
            <InputNumber min={0.01} max={app.requestedFen / 100} style={{ width: '100%' }} />
          </Form.Item>
        ) : (
          <Form.Item name="reason" label="驳回理由" rules={[{ required: true, message: '请填写驳回理由' }]}>
            <Input.TextArea rows={3} placeholder="如：申请材料不全：缺少科技型中小企业入库证明" />
          </Form.Item>
        )}
        <Button type="primary" danger={!approve} htmlType="submit" loading={busy} block>
          {approve ? '确认批准' : '确认驳回'}
        </Button>
      </Form>
    </Modal>
  );
}

/**
 * Bureau: its programs — create with every rule, change the rules until the first voucher is issued
 * (then they are locked: only budget top-ups and closing remain), open, close, and the public notice.
 */
export function ProgramsAdmin() {
  const run = useAction();
  const programs = useBureauPrograms();
  const [editing, setEditing] = useState<{ program?: ProgramDetail; readOnly?: boolean }>();
  const [topUp, setTopUp] = useState<Program>();
  const [notice, setNotice] = useState<Program>();
  const act = async (p: Program, action: 'open' | 'close') => {
    if (
      await run(
        () => api(`/voucher-programs/${p.id}/${action}`, { method: 'POST', body: {} }),
        action === 'open' ? '项目已开放申报' : '项目已关闭',
      )
    )
      programs.reload();
  };
  return (
    <Card
      size="small"
      title="服务券项目"
      extra={
        <Button type="primary" size="small" onClick={() => setEditing({})}>
          新建项目
        </Button>
      }
    >
      <LoadedTable
        load={programs}
        rows={programs.data?.items ?? []}
        empty="尚未创建服务券项目"
        data-testid="programs"
        scroll={{ x: 1100 }}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '类型', dataIndex: 'kind', render: (k: string) => label(PROGRAM_KIND, k) },
          { title: '申报期', render: (_: unknown, p: ProgramDetail) => `${p.applyFrom} 至 ${p.applyUntil}` },
          { title: '补贴规则', dataIndex: 'rule', render: (r: Program['rule']) => ruleText(r) },
          { title: '单券上限', dataIndex: 'maxVoucherFen', render: (f: number) => yuan(f) },
          { title: '预算', dataIndex: 'budgetFen', render: (f: number) => yuan(f) },
          {
            title: '兑付方式',
            dataIndex: 'redemptionMode',
            render: (m: string) => (
              <Tooltip title={REDEMPTION_OPTIONS.find((o) => o.value === m)?.label}>
                {label(REDEMPTION_SHORT, m)}
              </Tooltip>
            ),
          },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: string, p: ProgramDetail) => (
              <Space wrap size={2}>
                <Tag>{label(PROGRAM_STATUS, s)}</Tag>
                {p.rulesLocked && (
                  <Tooltip title={LOCKED_TEXT}>
                    <Tag color="gold">规则已锁定</Tag>
                  </Tooltip>
                )}
              </Space>
            ),
          },
          {
            title: '操作',
            render: (_: unknown, p: ProgramDetail) => {
              const locked = p.rulesLocked || p.status === 'CLOSED';
              return (
                <Space wrap size={4}>
                  {locked ? (
                    <Button size="small" onClick={() => setEditing({ program: p, readOnly: true })}>
                      查看规则
                    </Button>
                  ) : (
                    <Button size="small" onClick={() => setEditing({ program: p })}>
                      修改规则
                    </Button>
                  )}
                  {p.status === 'DRAFT' && (
                    <Button size="small" type="primary" onClick={() => act(p, 'open')}>
                      开放申报
                    </Button>
                  )}
                  {p.status === 'OPEN' && (
                    <Button size="small" onClick={() => act(p, 'close')}>
                      关闭
                    </Button>
                  )}
                  {p.status !== 'CLOSED' && (
                    <Button size="small" onClick={() => setTopUp(p)}>
                      追加预算
                    </Button>
                  )}
                  <Button size="small" onClick={() => setNotice(p)}>
                    公示
                  </Button>
                </Space>
              );
            },
          },
        ]}
      />
      {editing && (
        <ProgramFormModal
          program={editing.program}
          readOnly={editing.readOnly}
          onClose={(changed) => {
            setEditing(undefined);
            if (changed) programs.reload();
          }}
        />
      )}
      {topUp && (
        <TopUpModal
          program={topUp}
          onClose={(done) => {
            setTopUp(undefined);
            if (done) programs.reload();
          }}
        />
      )}
      {notice && <PublicNoticeModal program={notice} onClose={() => setNotice(undefined)} />}
    </Card>
  );
}

function TopUpModal({ program, onClose }: { program: Program; onClose: (done: boolean) => void }) {
  const [form] = Form.useForm();
  const { message } = AntApp.useApp();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: { amountYuan: number }) => {
    setBusy(true);
    setError(undefined);
    try {
      await api(`/voucher-programs/${program.id}/budget`, {
        method: 'POST',
        idempotent: true,
        body: { amountFen: Math.round(v.amountYuan * 100) },
      });
      message.success('预算已追加');
      onClose(true);
    } catch (e) {
      setError(applyApiErrors(form, e, { amountFen: 'amountYuan' }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={`追加预算：${program.name}`} onCancel={() => onClose(false)} footer={null} destroyOnClose>
      <Typography.Paragraph type="secondary">当前预算 {yuan(program.budgetFen)}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="amountYuan" label="追加金额（元）" rules={[{ required: true, message: '请输入金额' }]}>
          <InputNumber min={0.01} style={{ width: '100%' }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          确认追加
        </Button>
      </Form>
    </Modal>
  );
}

/** 公示: approved claims within their public-notice period (public data), and the public page's address. */
function PublicNoticeModal({ program, onClose }: { program: Program; onClose: () => void }) {
  const notice = useLoad(() => api<NoticeItem[]>(`/voucher-programs/${program.id}/public-notice`), [program.id]);
  return (
    <Modal open title={`公示：${program.name}`} onCancel={onClose} footer={null} width={760}>
      <Typography.Paragraph type="secondary">
        公开公示页（任何人可查看并提出异议）：<Link to={noticeUrl(program.id)}>{noticeUrl(program.id)}</Link>
      </Typography.Paragraph>
      <PublicNoticeTable notice={notice} />
    </Modal>
  );
}
