import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Radio,
  Rate,
  Space,
  Steps,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { api, Page, itemsOf } from '../../shared/api';
import { Claim } from '../../shared/api-types';
import { VoucherOptions } from '../../shared/api-types';
import { Order } from '../../shared/api-types';
import { yuan } from '../../shared/money';
import { applyApiErrors, errorText } from '../../shared/errors';
import { label } from '../../shared/labels';
import { CLAIM_STATUS, REASON_TEXT } from '../../shared/labels/voucher';
import { ORDER_STATUS } from '../../shared/labels/booking';
import { useSession } from '../../shared/session';
import { useLoad } from '../../shared/useLoad';

const FLOW = ['REQUESTED', 'ACCEPTED', 'CONTRACTED', 'IN_PROGRESS', 'DELIVERED', 'COMPLETED'];

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** One order, for either party: status, the actions allowed, payments, voucher and claim (SME). */
export function OrderPage() {
  const { id } = useParams();
  const session = useSession();
  const { message } = AntApp.useApp();
  const order = useLoad(
    () => api<Order & { platformConfirmedAt?: string | null; smeConfirmedAt?: string | null }>(`/orders/${id}`),
    [id],
  );
  const [busy, setBusy] = useState<string>();
  const isSme = session?.org.kind === 'SME';
  const o = order.data;

  const act = async (action: string) => {
    setBusy(action);
    try {
      await api(`/orders/${id}/${action}`, { method: 'POST', body: {} });
      message.success('操作成功');
      order.reload();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(undefined);
    }
  };
  const deliver = async (file: File) => {
    setBusy('deliver');
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      await api(`/orders/${id}/deliver`, { method: 'POST', form });
      message.success('已提交交付报告');
      order.reload();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(undefined);
    }
  };

  if (order.error) return <Alert type="error" message={order.error} />;
  const step = o ? Math.max(0, FLOW.indexOf(o.status)) : 0;
  const myConfirmed = o && (isSme ? o.smeConfirmedAt : o.platformConfirmedAt);
  const actions: { action: string; label: string }[] = [];
  if (o && !isSme && o.status === 'REQUESTED') actions.push({ action: 'accept', label: '接单' });
  if (o && !isSme && o.status === 'REQUESTED') actions.push({ action: 'reject', label: '拒绝接单' });
  if (o && o.status === 'ACCEPTED' && !myConfirmed) actions.push({ action: 'contract', label: '确认合同' });
  if (o && !isSme && o.status === 'CONTRACTED') actions.push({ action: 'start', label: '开始服务' });
  if (o && isSme && o.status === 'DELIVERED') actions.push({ action: 'complete', label: '确认验收' });

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        loading={order.loading}
        title={`订单 ${o?.contractNumber ?? ''}`}
        extra={
          o && (
            <Tag color="blue" data-testid="order-status">
              {label(ORDER_STATUS, o.status)}
            </Tag>
          )
        }
      >
        {o && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Steps
              size="small"
              current={step}
              responsive
              items={FLOW.map((s) => ({ title: label(ORDER_STATUS, s) }))}
            />
            <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }}>
              <Descriptions.Item label="合同金额">{yuan(o.agreedAmountFen)}</Descriptions.Item>
              <Descriptions.Item label="已付">{yuan(o.paidFen ?? 0)}</Descriptions.Item>
              <Descriptions.Item label="待付">{yuan(o.owedFen ?? 0)}</Descriptions.Item>
              <Descriptions.Item label="服务券抵扣">{yuan(o.voucherDeductionFen ?? 0)}</Descriptions.Item>
              {o.challengeRewardFen ? (
                <Descriptions.Item label="揭榜挂帅奖励">{yuan(o.challengeRewardFen)}</Descriptions.Item>
              ) : null}
            </Descriptions>
            <Space wrap>
              {actions.map((a) => (
                <Button
                  key={a.action}
                  type={a.action === 'reject' ? 'default' : 'primary'}
                  danger={a.action === 'reject'}
                  loading={busy === a.action}
                  onClick={() => act(a.action)}
                >
                  {a.label}
                </Button>
              ))}
              {o.status === 'ACCEPTED' && myConfirmed && (
                <Typography.Text type="secondary">已确认合同，等待对方确认</Typography.Text>
              )}
              {!isSme && o.status === 'IN_PROGRESS' && (
                <Upload
                  accept=".pdf,.png,.jpg,.docx,.xlsx"
                  showUploadList={false}
                  beforeUpload={(file) => {
                    void deliver(file);
                    return false;
                  }}
                >
                  <Button type="primary" loading={busy === 'deliver'}>
                    上传验收报告并交付
                  </Button>
                </Upload>
              )}
            </Space>
          </Space>
        )}
      </Card>
      {o && isSme && <Payments orderId={o.id} owedFen={o.owedFen ?? 0} onPaid={order.reload} />}
      {o && isSme && !['COMPLETED', 'CANCELLED', 'REJECTED'].includes(o.status) && (
        <VoucherCheckout orderId={o.id} onHeld={order.reload} />
      )}
      {/* The payee files the claim: the SME when it paid in full (REIMBURSE), the platform for a deduction (DEDUCT). */}
      {o && o.status === 'COMPLETED' && isSme === !((o.voucherDeductionFen ?? 0) > 0) && (
        <ClaimCard order={o} deduct={!isSme} />
      )}
      {o && isSme && o.status === 'COMPLETED' && o.platformId && (
        <ReviewCard orderId={o.id} platformId={o.platformId} />
      )}
    </Space>
  );
}

function Payments({ orderId, owedFen, onPaid }: { orderId: string; owedFen: number; onPaid: () => void }) {
  const [form] = Form.useForm();
  const payments = useLoad(
    () =>
      api<
        | { items?: { id: string; amountFen: number; paidOn: string; reference: string }[] }
        | { id: string; amountFen: number; paidOn: string; reference: string }[]
      >(`/orders/${orderId}/payments`),
    [orderId],
  );
  const [error, setError] = useState<string>();
  const rows = itemsOf(payments.data);
  const submit = async (values: { amountYuan: number; reference: string }) => {
    setError(undefined);
    try {
      await api(`/orders/${orderId}/payments`, {
        method: 'POST',
        idempotent: true,
        body: {
          amountFen: Math.round(values.amountYuan * 100),
          paidOn: today(),
          method: 'BANK_TRANSFER',
          reference: values.reference,
        },
      });
      form.resetFields();
      payments.reload();
      onPaid();
    } catch (e) {
      setError(applyApiErrors(form, e));
    }
  };
  return (
    <Card title="付款记录" size="small">
      <List
        size="small"
        loading={payments.loading}
        dataSource={rows}
        locale={{ emptyText: <Empty description="暂无付款记录" /> }}
        renderItem={(p) => (
          <List.Item>
            {p.paidOn} · {yuan(p.amountFen)} · 凭证 {p.reference}
          </List.Item>
        )}
      />
      {owedFen > 0 && (
        <Form
          form={form}
          layout="inline"
          onFinish={submit}
          style={{ marginTop: 12, rowGap: 8 }}
          initialValues={{ amountYuan: owedFen / 100 }}
        >
          {error && <Alert type="error" message={error} style={{ width: '100%', marginBottom: 8 }} />}
          <Form.Item name="amountYuan" label="金额（元）" rules={[{ required: true, message: '请输入金额' }]}>
            <InputNumber min={0.01} />
          </Form.Item>
          <Form.Item name="reference" label="付款凭证号" rules={[{ required: true, message: '请输入凭证号' }]}>
            <Input />
          </Form.Item>
          <Button htmlType="submit">登记付款</Button>
        </Form>
      )}
    </Card>
  );
}

/** At checkout: what each voucher would pay (the best first), and the hold. */
function VoucherCheckout({ orderId, onHeld }: { orderId: string; onHeld: () => void }) {
  const { message } = AntApp.useApp();
  const options = useLoad(() => api<VoucherOptions>(`/orders/${orderId}/voucher-options`), [orderId]);
  const [chosen, setChosen] = useState<string>();
  const [busy, setBusy] = useState(false);
  const data = options.data;
  const hold = async () => {
    const voucherId = chosen ?? data?.options.find((o) => o.best)?.voucherId;
    if (!voucherId) return;
    setBusy(true);
    try {
      await api(`/orders/${orderId}/voucher-hold`, { method: 'POST', idempotent: true, body: { voucherId } });
      message.success('服务券已冻结用于本订单');
      options.reload();
      onHeld();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="使用服务券" size="small" loading={options.loading} data-testid="voucher-checkout">
      {options.error && <Alert type="error" message={options.error} />}
      {data?.currentHold ? (
        <Alert
          type="success"
          showIcon
          message={`已使用服务券，冻结 ${yuan(data.currentHold.amountFen)}，订单完成并付款后可申请兑付`}
        />
      ) : data && data.options.length === 0 ? (
        <Empty description="没有可用的服务券" />
      ) : (
        data && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Radio.Group
              value={chosen ?? data.options.find((o) => o.best)?.voucherId}
              onChange={(e) => setChosen(e.target.value)}
            >
              <Space direction="vertical">
                {data.options.map((o) => (
                  <Radio key={o.voucherId} value={o.voucherId} disabled={o.reasons.length > 0}>
                    {o.code}（{o.programName}）可抵 {yuan(o.amountFen)}
                    {o.best && (
                      <Tag color="green" style={{ marginLeft: 8 }}>
                        推荐
                      </Tag>
                    )}
                    {o.reasons.length > 0 && (
                      <Typography.Text type="danger">
                        {' '}
                        不可用：{o.reasons.map((r) => REASON_TEXT[r] ?? r).join('、')}
                      </Typography.Text>
                    )}
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
            <Typography.Text type="secondary" data-testid="voucher-rounding">
              {ROUNDING_NOTE}
            </Typography.Text>
            <Button
              type="primary"
              loading={busy}
              onClick={hold}
              disabled={!data.options.some((o) => o.reasons.length === 0)}
            >
              使用服务券
            </Button>
          </Space>
        )
      )}
    </Card>
  );
}

/** SPEC §6 rounding as the SME sees it at checkout (the API states it in the rule and hold schemas). */
export const ROUNDING_NOTE =
  '抵扣金额按项目补贴规则逐档计算，每档金额舍去不足 1 分的部分（向下取整到分）后相加，并受服务券余额及各项上限限制。';

/** After completion and payment: file the voucher claim (REIMBURSE: the SME is the payee; DEDUCT: the platform). */
function ClaimCard({ order, deduct }: { order: Order; deduct: boolean }) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string>();
  const [filed, setClaim] = useState<Claim>();
  const claims = useLoad(() => api<Page<Claim>>('/claims', { query: { limit: 100 } }), [order.id]);
  const claim = filed ?? claims.data?.items.find((c) => c.orderId === order.id);
  const submit = async (values: { invoiceNumber: string; invoiceAmountYuan: number; paymentReference: string }) => {
    setError(undefined);
    try {
      const filed = await api<Claim>('/claims', {
        method: 'POST',
        idempotent: true,
        body: {
          orderId: order.id,
          contractNumber: order.contractNumber,
          invoiceNumber: values.invoiceNumber,
          invoiceAmountFen: Math.round(values.invoiceAmountYuan * 100),
          paymentReference: values.paymentReference,
        },
      });
      setClaim(filed);
    } catch (e) {
      setError(applyApiErrors(form, e));
    }
  };
  return (
    <Card title={deduct ? '服务券抵扣兑付（平台申请）' : '申请服务券兑付'} size="small" loading={claims.loading}>
      {deduct && !claim && (
        <Typography.Paragraph type="secondary">
          本订单由服务券直接抵扣 {yuan(order.voucherDeductionFen ?? 0)}
          ，企业自付部分付清后，由平台凭发票和付款凭证申请兑付抵扣金额。
        </Typography.Paragraph>
      )}
      {claim ? (
        <Alert
          type="success"
          showIcon
          data-testid="claim-filed"
          message={`兑付申请已提交（${label(CLAIM_STATUS, claim.status)}），金额 ${yuan(claim.amountFen)}`}
        />
      ) : (
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ invoiceAmountYuan: order.agreedAmountFen / 100 }}
          style={{ maxWidth: 480 }}
        >
          {error && <Alert type="error" message={error} style={{ marginBottom: 8 }} />}
          <Form.Item name="invoiceNumber" label="发票号码" rules={[{ required: true, message: '请输入发票号码' }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="invoiceAmountYuan"
            label="发票金额（元）"
            rules={[{ required: true, message: '请输入发票金额' }]}
          >
            <InputNumber min={0.01} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="paymentReference"
            label="付款凭证号"
            rules={[{ required: true, message: '请输入付款凭证号' }]}
          >
            <Input />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            提交兑付申请
          </Button>
        </Form>
      )}
    </Card>
  );
}

interface Review {
  id: string;
  orderId: string;
  quality: number;
  timeliness: number;
  communication: number;
  comment: string;
  reply: string | null;
}

/** After completion the SME rates the platform once (quality, timeliness, communication). */
function ReviewCard({ orderId, platformId }: { orderId: string; platformId: string }) {
  const [form] = Form.useForm();
  const { message } = AntApp.useApp();
  const reviews = useLoad(
    () => api<Page<Review>>(`/platforms/${platformId}/reviews`, { query: { limit: 100 } }),
    [platformId],
  );
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const mine = reviews.data?.items.find((r) => r.orderId === orderId);
  const submit = async (values: { quality: number; timeliness: number; communication: number; comment?: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await api(`/orders/${orderId}/review`, { method: 'POST', body: values });
      message.success('感谢您的评价');
      reviews.reload();
    } catch (e) {
      setError(applyApiErrors(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="评价服务" size="small" loading={reviews.loading} data-testid="order-review">
      {mine ? (
        <Space direction="vertical">
          <span>
            服务质量 <Rate disabled value={mine.quality} /> 及时性 <Rate disabled value={mine.timeliness} /> 沟通{' '}
            <Rate disabled value={mine.communication} />
          </span>
          {mine.comment && <Typography.Text>“{mine.comment}”</Typography.Text>}
          {mine.reply && <Typography.Text type="secondary">平台回复：{mine.reply}</Typography.Text>}
        </Space>
      ) : (
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ quality: 5, timeliness: 5, communication: 5 }}
          style={{ maxWidth: 480 }}
        >
          {error && <Alert type="error" message={error} style={{ marginBottom: 8 }} />}
          <Form.Item name="quality" label="服务质量" rules={[{ required: true, message: '请评分' }]}>
            <Rate />
          </Form.Item>
          <Form.Item name="timeliness" label="及时性" rules={[{ required: true, message: '请评分' }]}>
            <Rate />
          </Form.Item>
          <Form.Item name="communication" label="沟通" rules={[{ required: true, message: '请评分' }]}>
            <Rate />
          </Form.Item>
          <Form.Item name="comment" label="评价内容">
            <Input.TextArea rows={3} placeholder="如：数据完整，沟通及时" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            提交评价
          </Button>
        </Form>
      )}
    </Card>
  );
}
