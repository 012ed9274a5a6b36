import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, Page, Program, VoucherApplication, yuan } from '../api';
import { useAction } from '../actions';
import { applyApiErrors } from '../errors';
import { APPLICATION_STATUS, label, PROGRAM_KIND, PROGRAM_STATUS, REDEMPTION_MODE } from '../labels';
import { useSession } from '../session';
import { useLoad } from './Sme';

/** The bureau's own programs (every status). */
export function useBureauPrograms() {
  return useLoad(() => api<Page<Program>>('/voucher-programs', { query: { limit: 100 } }), []);
}

/** Bureau: voucher applications to its programs — approve (possibly less) or reject with a reason. */
export function ApplicationsReview() {
  const { message } = AntApp.useApp();
  const programs = useBureauPrograms();
  const [status, setStatus] = useState<string>('PENDING');
  const applications = useLoad(
    () =>
      api<Page<VoucherApplication>>('/voucher-applications', { query: { status: status || undefined, limit: 100 } }),
    [status],
  );
  const [deciding, setDeciding] = useState<{ app: VoucherApplication; approve: boolean }>();
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
      {applications.error && <Alert type="error" message={applications.error} />}
      <Table
        rowKey="id"
        size="small"
        data-testid="applications"
        loading={applications.loading}
        dataSource={applications.data?.items ?? []}
        pagination={false}
        scroll={{ x: 720 }}
        locale={{ emptyText: <Empty description="暂无服务券申请" /> }}
        columns={[
          { title: '项目', dataIndex: 'programId', render: (id: string) => names.get(id) ?? '—' },
          { title: '用途', dataIndex: 'purpose' },
          { title: '申请金额', dataIndex: 'requestedFen', render: (f: number) => yuan(f) },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: string, a: VoucherApplication) => (
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
            render: (_: unknown, a: VoucherApplication) =>
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
          onClose={(done) => {
            setDeciding(undefined);
            if (done) {
              message.success(deciding.approve ? '已批准，服务券已发放' : '已驳回');
              applications.reload();
            }
          }}
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
  app: VoucherApplication;
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
        用途：{app.purpose} · 申请 {yuan(app.requestedFen)}
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

/** Bureau: its programs — create (main fields), open, close, budget top-up, and the public notice. */
export function ProgramsAdmin() {
  const run = useAction();
  const programs = useBureauPrograms();
  const [creating, setCreating] = useState(false);
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
        <Button type="primary" size="small" onClick={() => setCreating(true)}>
          新建项目
        </Button>
      }
    >
      {programs.error && <Alert type="error" message={programs.error} />}
      <Table
        rowKey="id"
        size="small"
        data-testid="programs"
        loading={programs.loading}
        dataSource={programs.data?.items ?? []}
        pagination={false}
        scroll={{ x: 820 }}
        locale={{ emptyText: <Empty description="尚未创建服务券项目" /> }}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '类型', dataIndex: 'kind', render: (k: string) => label(PROGRAM_KIND, k) },
          { title: '申报期', render: (_: unknown, p: Program) => `${p.applyFrom} 至 ${p.applyUntil}` },
          { title: '单券上限', dataIndex: 'maxVoucherFen', render: (f: number) => yuan(f) },
          { title: '预算', dataIndex: 'budgetFen', render: (f: number) => yuan(f) },
          { title: '兑付方式', dataIndex: 'redemptionMode', render: (m: string) => label(REDEMPTION_MODE, m) },
          { title: '状态', dataIndex: 'status', render: (s: string) => <Tag>{label(PROGRAM_STATUS, s)}</Tag> },
          {
            title: '操作',
            render: (_: unknown, p: Program) => (
              <Space wrap size={4}>
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
                <Button size="small" onClick={() => setTopUp(p)}>
                  追加预算
                </Button>
                <Button size="small" onClick={() => setNotice(p)}>
                  公示
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {creating && (
        <CreateProgramModal
          onClose={(done) => {
            setCreating(false);
            if (done) programs.reload();
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

interface ProgramForm {
  kind: string;
  name: string;
  year: number;
  ratioPercent: number;
  maxVoucherYuan: number;
  budgetYuan?: number;
  apply: [Dayjs, Dayjs];
  validityDays: number;
  redemptionMode: string;
  noticeDays: number;
}

function CreateProgramModal({ onClose }: { onClose: (done: boolean) => void }) {
  const [form] = Form.useForm<ProgramForm>();
  const session = useSession();
  const { message } = AntApp.useApp();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: ProgramForm) => {
    setBusy(true);
    setError(undefined);
    try {
      await api('/voucher-programs', {
        method: 'POST',
        body: {
          kind: v.kind,
          name: v.name,
          year: v.year,
          rule: { kind: 'RATIO', ratioBp: Math.round(v.ratioPercent * 100) },
          maxVoucherFen: Math.round(v.maxVoucherYuan * 100),
          budgetFen: v.budgetYuan ? Math.round(v.budgetYuan * 100) : 0,
          applyFrom: v.apply[0].format('YYYY-MM-DD'),
          applyUntil: v.apply[1].format('YYYY-MM-DD'),
          validityDays: v.validityDays,
          redemptionMode: v.redemptionMode,
          noticeDays: v.noticeDays,
          cofunders: [{ key: 'local', name: session?.org.name ?? '科技主管部门', shareBp: 10_000 }],
        },
      });
      message.success('项目已创建（草稿），开放申报后企业即可申请');
      onClose(true);
    } catch (e) {
      setError(
        applyApiErrors(form, e, {
          'rule.ratioBp': 'ratioPercent',
          maxVoucherFen: 'maxVoucherYuan',
          budgetFen: 'budgetYuan',
          applyFrom: 'apply',
          applyUntil: 'apply',
        }),
      );
    } finally {
      setBusy(false);
    }
  };
  const year = new Date().getFullYear();
  return (
    <Modal open title="新建服务券项目" onCancel={() => onClose(false)} footer={null} destroyOnClose width={640}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          kind: 'PILOT_SERVICE',
          year,
          ratioPercent: 40,
          validityDays: 365,
          redemptionMode: 'REIMBURSE',
          noticeDays: 7,
          apply: [dayjs(), dayjs().endOf('year')],
        }}
      >
        <Form.Item name="name" label="项目名称" rules={[{ required: true, message: '请填写项目名称' }]}>
          <Input placeholder={`如：${year} 年晋江市中试服务券`} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="kind" label="类型">
              <Select options={Object.entries(PROGRAM_KIND).map(([value, l]) => ({ value, label: l }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
              <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="ratioPercent" label="补贴比例（%）" rules={[{ required: true, message: '请填写比例' }]}>
              <InputNumber min={0.01} max={100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="maxVoucherYuan"
              label="单券上限（元）"
              rules={[{ required: true, message: '请填写单券上限' }]}
            >
              <InputNumber min={0.01} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="budgetYuan" label="初始预算（元）">
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="validityDays" label="有效天数" rules={[{ required: true, message: '请填写有效天数' }]}>
              <InputNumber min={1} max={3660} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="apply" label="申报期" rules={[{ required: true, message: '请选择申报期' }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={16}>
            <Form.Item name="redemptionMode" label="兑付方式">
              <Radio.Group options={Object.entries(REDEMPTION_MODE).map(([value, l]) => ({ value, label: l }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="noticeDays" label="公示天数">
              <InputNumber min={0} max={90} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={busy} block>
          创建项目
        </Button>
      </Form>
    </Modal>
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

interface NoticeItem {
  claimId: string;
  smeName: string;
  platformName: string;
  amountFen: number;
  approvedOn: string;
  noticeUntil: string;
}

/** 公示: approved claims within their public-notice period (public data). */
function PublicNoticeModal({ program, onClose }: { program: Program; onClose: () => void }) {
  const notice = useLoad(() => api<NoticeItem[]>(`/voucher-programs/${program.id}/public-notice`), [program.id]);
  return (
    <Modal open title={`公示：${program.name}`} onCancel={onClose} footer={null} width={760}>
      <PublicNoticeTable notice={notice} />
    </Modal>
  );
}

export function PublicNoticeTable({ notice }: { notice: { data?: NoticeItem[]; loading: boolean; error?: string } }) {
  return (
    <>
      {notice.error && <Alert type="error" message={notice.error} />}
      <Table
        rowKey="claimId"
        size="small"
        data-testid="public-notice"
        loading={notice.loading}
        dataSource={notice.data ?? []}
        pagination={false}
        scroll={{ x: 600 }}
        locale={{ emptyText: <Empty description="当前没有公示中的兑付" /> }}
        columns={[
          { title: '受益企业', dataIndex: 'smeName' },
          { title: '服务平台', dataIndex: 'platformName' },
          { title: '兑付金额', dataIndex: 'amountFen', render: (f: number) => yuan(f) },
          { title: '批准日期', dataIndex: 'approvedOn' },
          { title: '公示截止', dataIndex: 'noticeUntil' },
        ]}
      />
    </>
  );
}
