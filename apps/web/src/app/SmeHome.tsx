import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Radio,
  Row,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, Page, RequestBody } from '../shared/api';
import { VoucherApplication } from '../shared/api-types';
import { Program } from '../shared/api-types';
import { Voucher } from '../shared/api-types';
import { Order } from '../shared/api-types';
import { Quote } from '../shared/api-types';
import { DemandMatch } from '../shared/api-types';
import { Demand } from '../shared/api-types';
import { yuan } from '../shared/money';
import { applyApiErrors, errorText } from '../shared/errors';
import { useLoad } from '../shared/useLoad';
import { ChallengeNotice, ChallengeTerms } from '../features/demand/ChallengeNotice';
import { SurvivingHolds } from '../features/voucher/SurvivingHolds';
import { WithdrawButton } from '../features/voucher/WithdrawButton';
import { label } from '../shared/labels';
import { REDEMPTION_MODE } from '../shared/labels/voucher';
import { APPLICATION_STATUS } from '../shared/labels/voucher';
import { VOUCHER_STATUS } from '../shared/labels/voucher';
import { ORDER_STATUS } from '../shared/labels/booking';
import { STAGE } from '../shared/labels/demand';
import { CONFIDENTIALITY } from '../shared/labels/demand';
import { QUOTE_STATUS } from '../shared/labels/demand';
import { DEMAND_STATUS } from '../shared/labels/demand';
import { LoadedTable } from '../shared/LoadedTable';
import { fieldTree, useIndustryFields } from '../shared/fieldTree';

/** SME home: demands, orders and the voucher wallet. */
export function SmePage() {
  const demands = useLoad(() => api<Page<Demand>>('/demands', { query: { limit: 50 } }), []);
  const orders = useLoad(() => api<Page<Order>>('/orders', { query: { limit: 50 } }), []);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Row justify="space-between" align="middle">
        <Typography.Title level={3} style={{ margin: 0 }}>
          企业工作台
        </Typography.Title>
        <Link to="/sme/demands/new">
          <Button type="primary">发布中试需求</Button>
        </Link>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title="我的需求" size="small">
            <LoadedTable
              load={demands}
              rows={demands.data?.items ?? []}
              empty="还没有需求，点击右上角发布"
              scroll={{ x: 480 }}
              columns={[
                {
                  title: '需求',
                  dataIndex: 'title',
                  render: (t: string, d: Demand) => <Link to={`/sme/demands/${d.id}`}>{t}</Link>,
                },
                { title: '阶段', dataIndex: 'stage', render: (s: string) => label(STAGE, s) },
                { title: '状态', dataIndex: 'status', render: (s: string) => <Tag>{label(DEMAND_STATUS, s)}</Tag> },
              ]}
            />
          </Card>
          <Card title="我的订单" size="small" style={{ marginTop: 16 }}>
            <Table
              rowKey="id"
              size="small"
              loading={orders.loading}
              dataSource={orders.data?.items ?? []}
              pagination={false}
              scroll={{ x: 480 }}
              locale={{ emptyText: <Empty description="暂无订单" /> }}
              columns={[
                {
                  title: '合同编号',
                  dataIndex: 'contractNumber',
                  render: (c: string, o: Order) => <Link to={`/orders/${o.id}`}>{c}</Link>,
                },
                { title: '金额', dataIndex: 'agreedAmountFen', render: (f: number) => yuan(f) },
                { title: '状态', dataIndex: 'status', render: (s: string) => <Tag>{label(ORDER_STATUS, s)}</Tag> },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <VoucherWallet />
            <VoucherApply />
          </Space>
        </Col>
      </Row>
    </Space>
  );
}

export function VoucherWallet() {
  const wallet = useLoad(() => api<Page<Voucher>>('/vouchers', { query: { limit: 50 } }), []);
  return (
    <Card title="服务券钱包" size="small" data-testid="voucher-wallet">
      {wallet.error && <Alert type="error" message={wallet.error} />}
      <Spin spinning={wallet.loading}>
        <List
          dataSource={wallet.data?.items ?? []}
          locale={{ emptyText: <Empty description="暂无服务券。可向科技主管部门申请中试服务券。" /> }}
          renderItem={(v) => (
            <List.Item>
              <Space direction="vertical" size={2} style={{ width: '100%' }}>
                <Space wrap>
                  <Typography.Text strong>{v.code}</Typography.Text>
                  <Tag color={v.status === 'ACTIVE' ? 'green' : 'default'}>{label(VOUCHER_STATUS, v.status)}</Tag>
                  {v.status === 'ACTIVE' && (
                    <Tag color={v.daysLeft <= 30 ? 'orange' : 'blue'}>剩余 {v.daysLeft} 天到期</Tag>
                  )}
                </Space>
                <Typography.Text>
                  面额 {yuan(v.faceValueFen)} · 可用 {yuan(v.availableFen)} · 冻结 {yuan(v.heldFen)}
                </Typography.Text>
                <Typography.Text type="secondary">
                  有效期 {v.validFrom} 至 {v.validUntil}
                </Typography.Text>
                <SurvivingHolds voucher={v} />
              </Space>
            </List.Item>
          )}
        />
      </Spin>
    </Card>
  );
}

/** Open programs to apply to, and the SME's applications with their decisions. */
export function VoucherApply() {
  const programs = useLoad(() => api<Page<Program>>('/voucher-programs', { query: { status: 'OPEN', limit: 50 } }), []);
  const applications = useLoad(
    () => api<Page<VoucherApplication>>('/voucher-applications', { query: { limit: 50 } }),
    [],
  );
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
        rows={applications.data?.items ?? []}
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

function ApplyModal({ program, onClose }: { program: Program; onClose: (done: boolean) => void }) {
  const [form] = Form.useForm();
  const { message } = AntApp.useApp();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (values: { amountYuan: number; purpose: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await api(`/voucher-programs/${program.id}/applications`, {
        method: 'POST',
        body: {
          amountFen: Math.round(values.amountYuan * 100),
          purpose: values.purpose,
        } satisfies RequestBody<'ApplyDto'>,
      });
      message.success('申请已提交，等待主管部门审核');
      onClose(true);
    } catch (e) {
      setError(applyApiErrors(form, e, { amountFen: 'amountYuan' }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={`申请：${program.name}`} onCancel={() => onClose(false)} footer={null} destroyOnClose>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ amountYuan: program.maxVoucherFen / 100 }}>
        <Form.Item
          name="amountYuan"
          label="申请金额（元）"
          extra={`单张服务券最高 ${yuan(program.maxVoucherFen)}`}
          rules={[{ required: true, message: '请输入申请金额' }]}
        >
          <InputNumber min={0.01} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="purpose" label="用途" rules={[{ required: true, message: '请填写用途' }]}>
          <Input.TextArea rows={3} placeholder="如：石墨烯改性EVA鞋底中试放大及性能检测" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          提交申请
        </Button>
      </Form>
    </Modal>
  );
}

/** Post a demand: draft then publish; confidentiality explained where it is chosen. */
export function NewDemandPage() {
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const fields = useIndustryFields();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const confidentiality = Form.useWatch('confidentiality', form) as string | undefined;
  const submit = async (values: Record<string, unknown> & { budgetMaxYuan?: number }) => {
    setBusy(true);
    setError(undefined);
    const { budgetMaxYuan, ...rest } = values;
    try {
      const demand = await api<Demand>('/demands', {
        method: 'POST',
        body: { ...rest, mode: 'OPEN', budgetMaxFen: budgetMaxYuan ? Math.round(budgetMaxYuan * 100) : undefined },
      });
      await api(`/demands/${demand.id}/publish`, { method: 'POST' });
      navigate(`/sme/demands/${demand.id}`);
    } catch (e) {
      setError(applyApiErrors(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="发布中试需求" style={{ maxWidth: 760, margin: '0 auto' }}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ stage: 'PILOT', confidentiality: 'SUMMARY' }}
      >
        <Form.Item name="title" label="需求标题" rules={[{ required: true, message: '请填写需求标题' }]}>
          <Input placeholder="如：石墨烯改性EVA鞋底中试放大" />
        </Form.Item>
        <Form.Item name="description" label="详细描述">
          <Input.TextArea rows={4} placeholder="工艺、指标、批量等" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="fieldCode" label="行业领域" rules={[{ required: true, message: '请选择行业领域' }]}>
              <TreeSelect
                treeData={fieldTree(fields.data)}
                loading={fields.loading}
                placeholder="请选择"
                showSearch
                treeNodeFilterProp="title"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="stage" label="阶段">
              <Select options={Object.entries(STAGE).map(([value, l]) => ({ value, label: l }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="budgetMaxYuan" label="预算上限（元）">
          <InputNumber min={1} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="confidentiality"
          label="保密级别"
          extra={confidentiality ? CONFIDENTIALITY[confidentiality]?.help : undefined}
        >
          <Radio.Group
            optionType="button"
            options={Object.entries(CONFIDENTIALITY).map(([value, c]) => ({ value, label: c.label }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          发布需求
        </Button>
      </Form>
    </Card>
  );
}

const REASON_TAGS: [keyof DemandMatch['reasons'], string][] = [
  ['field', '领域匹配'],
  ['stage', '阶段匹配'],
  ['region', '地区匹配'],
  ['budget', '价格在预算内'],
];

/** A demand: its matches with the reasons, and the quotes to accept. */
export function DemandPage() {
  const { id } = useParams();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const demand = useLoad(() => api<Demand & ChallengeTerms & { statusReason?: string | null }>(`/demands/${id}`), [id]);
  const matches = useLoad(
    () => api<{ total: number; items: DemandMatch[] }>(`/demands/${id}/matches`, { query: { limit: 10 } }),
    [id],
  );
  const quotes = useLoad(() => api<Page<Quote>>(`/demands/${id}/quotes`), [id]);
  const accept = async (quote: Quote) => {
    try {
      const accepted = await api<Quote>(`/quotes/${quote.id}/accept`, { method: 'POST' });
      message.success('已接受报价，订单已生成');
      navigate(`/orders/${accepted.orderId}`);
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const [inviting, setInviting] = useState<string>();
  // Invitations are not listed by the API; the platforms invited from this page are remembered here.
  const [invited, setInvited] = useState<Set<string>>(new Set());
  const invite = async (m: DemandMatch) => {
    setInviting(m.platform.id);
    try {
      await api(`/demands/${id}/invitations`, { method: 'POST', body: { platformId: m.platform.id } });
      setInvited((prev) => new Set(prev).add(m.platform.id));
      message.success(`已邀请 ${m.platform.name} 报价`);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setInviting(undefined);
    }
  };
  const [ending, setEnding] = useState<'close' | 'cancel'>();
  const d = demand.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {demand.error && <Alert type="error" message={demand.error} />}
      <Card
        loading={demand.loading}
        title={d?.title ?? '需求'}
        extra={
          d && (
            <Space wrap>
              <Tag data-testid="demand-status">{label(DEMAND_STATUS, d.status)}</Tag>
              {d.status === 'OPEN' && (
                <Button size="small" onClick={() => setEnding('close')} data-testid="demand-close">
                  关闭需求
                </Button>
              )}
              {(d.status === 'OPEN' || d.status === 'DRAFT') && (
                <Button size="small" danger onClick={() => setEnding('cancel')} data-testid="demand-cancel">
                  取消需求
                </Button>
              )}
            </Space>
          )
        }
      >
        {d && (
          <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
            <Descriptions.Item label="阶段">{label(STAGE, d.stage)}</Descriptions.Item>
            <Descriptions.Item label="保密级别">
              {CONFIDENTIALITY[d.confidentiality]?.label ?? d.confidentiality}
            </Descriptions.Item>
            <Descriptions.Item label="预算上限">{d.budgetMaxFen ? yuan(d.budgetMaxFen) : '未填写'}</Descriptions.Item>
            {d.statusReason && (
              <Descriptions.Item label={d.status === 'CANCELLED' ? '取消原因' : '关闭原因'}>
                <span data-testid="demand-status-reason">{d.statusReason}</span>
              </Descriptions.Item>
            )}
          </Descriptions>
        )}
        {d && <ChallengeNotice demand={d} />}
      </Card>
      {ending && (
        <EndDemandModal
          demandId={id!}
          action={ending}
          onClose={(done) => {
            setEnding(undefined);
            if (done) demand.reload();
          }}
        />
      )}
      <Card
        title="匹配的中试服务"
        size="small"
        extra={
          <Button size="small" onClick={matches.reload}>
            刷新
          </Button>
        }
      >
        {matches.error && <Alert type="error" message={matches.error} />}
        <Spin spinning={matches.loading}>
          <List
            data-testid="matches"
            dataSource={matches.data?.items ?? []}
            locale={{ emptyText: <Empty description="暂未找到匹配的服务" /> }}
            renderItem={(m) => (
              <List.Item
                actions={
                  d?.status === 'OPEN'
                    ? [
                        invited.has(m.platform.id) ? (
                          <Button key="invite" size="small" disabled>
                            已邀请
                          </Button>
                        ) : (
                          <Button
                            key="invite"
                            size="small"
                            loading={inviting === m.platform.id}
                            onClick={() => invite(m)}
                          >
                            邀请报价
                          </Button>
                        ),
                      ]
                    : []
                }
              >
                <Space direction="vertical" size={2}>
                  <Space wrap>
                    <Typography.Text strong>
                      {m.rank}. {m.service.title}
                    </Typography.Text>
                    <Typography.Text type="secondary">{m.platform.name}</Typography.Text>
                    {m.service.voucherEligible && <Tag color="green">可用服务券</Tag>}
                    <Tag color="blue">匹配度 {Math.round(m.score * 100)}%</Tag>
                  </Space>
                  <Space wrap size={4}>
                    <span>匹配理由：</span>
                    {m.reasons.terms.length > 0 && <Tag>关键词：{m.reasons.terms.join('、')}</Tag>}
                    {REASON_TAGS.filter(([k]) => m.reasons[k]).map(([k, t]) => (
                      <Tag key={k}>{t}</Tag>
                    ))}
                  </Space>
                </Space>
              </List.Item>
            )}
          />
        </Spin>
      </Card>
      <Card
        title="收到的报价"
        size="small"
        extra={
          <Button size="small" onClick={quotes.reload}>
            刷新
          </Button>
        }
      >
        <Table
          rowKey="id"
          size="small"
          data-testid="quotes"
          loading={quotes.loading}
          dataSource={quotes.data?.items ?? []}
          pagination={false}
          scroll={{ x: 560 }}
          locale={{ emptyText: <Empty description="暂无报价" /> }}
          columns={[
            { title: '报价', dataIndex: 'priceFen', render: (f: number) => yuan(f) },
            { title: '周期', dataIndex: 'timelineDays', render: (n: number) => `${n} 天` },
            { title: '服务范围', dataIndex: 'scope' },
            { title: '状态', dataIndex: 'status', render: (s: string) => <Tag>{label(QUOTE_STATUS, s)}</Tag> },
            {
              title: '操作',
              render: (_: unknown, q: Quote) =>
                q.status === 'SUBMITTED' ? (
                  <Button type="primary" size="small" onClick={() => accept(q)}>
                    接受报价
                  </Button>
                ) : q.orderId ? (
                  <Link to={`/orders/${q.orderId}`}>查看订单</Link>
                ) : null,
            },
          ]}
        />
      </Card>
    </Space>
  );
}

const END_DEMAND = {
  close: {
    title: '关闭需求',
    help: '关闭后不再接收新报价，已收到的报价仍可查看。',
    ok: '确认关闭',
    done: '需求已关闭',
  },
  cancel: { title: '取消需求', help: '取消后平台将看不到该需求，且不能恢复。', ok: '确认取消', done: '需求已取消' },
};

/** Close or cancel a demand, with an optional reason the SME keeps on record. */
function EndDemandModal({
  demandId,
  action,
  onClose,
}: {
  demandId: string;
  action: 'close' | 'cancel';
  onClose: (done: boolean) => void;
}) {
  const [form] = Form.useForm();
  const { message } = AntApp.useApp();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const text = END_DEMAND[action];
  const submit = async (values: { reason?: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      const reason = values.reason?.trim();
      await api(`/demands/${demandId}/${action}`, { method: 'POST', body: reason ? { reason } : {} });
      message.success(text.done);
      onClose(true);
    } catch (e) {
      setError(applyApiErrors(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={text.title} onCancel={() => onClose(false)} footer={null} destroyOnClose>
      <Typography.Paragraph type="secondary">{text.help}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="reason" label="原因（选填）" rules={[{ min: 2, max: 500, message: '原因需为 2 至 500 个字' }]}>
          <Input.TextArea rows={3} placeholder="如：已通过其他渠道解决" />
        </Form.Item>
        <Button type="primary" danger={action === 'cancel'} htmlType="submit" loading={busy} block>
          {text.ok}
        </Button>
      </Form>
    </Modal>
  );
}
