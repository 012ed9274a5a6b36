import { Alert, App as AntApp, Button, Card, Descriptions, Space, Steps, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { api } from '../shared/api';
import { Order } from '../shared/api-types';
import { yuan } from '../shared/money';
import { errorText } from '../shared/errors';
import { label } from '../shared/labels';
import { ORDER_ACTION, ORDER_STATUS } from '../shared/labels/booking';
import { useSession } from '../shared/session';
import { useLoad } from '../shared/useLoad';
import { Payments } from '../features/booking/Payments';
import { VoucherCheckout } from '../features/voucher/VoucherCheckout';
import { ClaimCard } from '../features/voucher/ClaimCard';
import { ReviewCard } from '../features/booking/ReviewCard';
import { ipTermsText } from '../shared/ipTerms';
import { OrderOutcome } from '../features/booking/OrderOutcome';
import { OrderReasonModal } from '../features/booking/OrderReasonModal';
import { KeyProjectTracking } from '../features/governance/KeyProjectTracking';

const FLOW = ['REQUESTED', 'ACCEPTED', 'CONTRACTED', 'IN_PROGRESS', 'DELIVERED', 'COMPLETED'];

/** Actions that ask for a reason first (the API requires the dispute's). */
const REASONED = ['cancel', 'dispute'] as const;
type ReasonedAction = (typeof REASONED)[number];
const isReasoned = (a: string): a is ReasonedAction => (REASONED as readonly string[]).includes(a);

/** One order, for either party: status, the actions allowed, payments, voucher and claim (SME). */
export function OrderPage() {
  const { id } = useParams();
  const session = useSession();
  const { message } = AntApp.useApp();
  const order = useLoad(() => api<Order>(`/orders/${id}`), [id]);
  const [busy, setBusy] = useState<string>();
  const [reasonFor, setReasonFor] = useState<ReasonedAction>();
  const isSme = session?.org.kind === 'SME';
  // The buyer's side: an SME, or an institute that ordered its result's verification (科技成果中试验证).
  const isBuyer = isSme || session?.org.kind === 'INSTITUTE';
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
  const myConfirmed = o && (isBuyer ? o.smeConfirmedAt : o.platformConfirmedAt);
  // Only what the API says this party may do now (the order's availableActions); deliver has its upload.
  const allowed = o?.availableActions ?? [];
  const actions = allowed
    .filter((a) => a !== 'deliver')
    .map((action) => ({
      action,
      label: action === 'start' && o?.status === 'DISPUTED' ? '返工（重新开始服务）' : ORDER_ACTION[action],
    }));
  const danger = (a: string) => a === 'reject' || isReasoned(a);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {o && <KeyProjectTracking subjectType="ORDER" subjectId={o.id} />}
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
              <Descriptions.Item label="知识产权归属" span={2}>
                {ipTermsText(o.ipTerms)}
              </Descriptions.Item>
              {o.challengeRewardFen ? (
                <Descriptions.Item label="揭榜挂帅奖励">{yuan(o.challengeRewardFen)}</Descriptions.Item>
              ) : null}
            </Descriptions>
            <Space wrap>
              {actions.map((a) => (
                <Button
                  key={a.action}
                  type={danger(a.action) ? 'default' : 'primary'}
                  danger={danger(a.action)}
                  loading={busy === a.action}
                  data-testid={`order-action-${a.action}`}
                  onClick={() => (isReasoned(a.action) ? setReasonFor(a.action) : act(a.action))}
                >
                  {a.label}
                </Button>
              ))}
              {o.status === 'ACCEPTED' && myConfirmed && (
                <Typography.Text type="secondary">已确认合同，等待对方确认</Typography.Text>
              )}
              {allowed.includes('deliver') && (
                <Upload
                  accept=".pdf,.png,.jpg,.docx,.xlsx"
                  showUploadList={false}
                  beforeUpload={(file) => {
                    void deliver(file);
                    return false;
                  }}
                >
                  <Button type="primary" loading={busy === 'deliver'}>
                    {ORDER_ACTION.deliver}
                  </Button>
                </Upload>
              )}
              {o.yourParty && actions.length === 0 && !allowed.includes('deliver') && o.status !== 'ACCEPTED' && (
                <Typography.Text type="secondary" data-testid="order-no-actions">
                  {['COMPLETED', 'CANCELLED', 'REJECTED'].includes(o.status)
                    ? '订单已结束，无需操作'
                    : '当前无需您操作，等待对方处理'}
                </Typography.Text>
              )}
            </Space>
            <OrderOutcome order={o} />
          </Space>
        )}
      </Card>
      {o && reasonFor && (
        <OrderReasonModal
          orderId={o.id}
          action={reasonFor}
          onClose={(done) => {
            setReasonFor(undefined);
            if (done) {
              message.success(reasonFor === 'cancel' ? '订单已取消' : '已提交异议');
              order.reload();
            }
          }}
        />
      )}
      {o && isBuyer && <Payments orderId={o.id} owedFen={o.owedFen ?? 0} onPaid={order.reload} />}
      {o && isBuyer && !['COMPLETED', 'CANCELLED', 'REJECTED'].includes(o.status) && (
        <VoucherCheckout orderId={o.id} onHeld={order.reload} />
      )}
      {/* The payee files the claim: the SME when it paid in full (REIMBURSE), the platform for a deduction (DEDUCT). */}
      {o && o.status === 'COMPLETED' && (isSme || !isBuyer) && isSme === !((o.voucherDeductionFen ?? 0) > 0) && (
        <ClaimCard order={o} deduct={!isSme} />
      )}
      {o && isSme && o.status === 'COMPLETED' && o.platformId && (
        <ReviewCard orderId={o.id} platformId={o.platformId} />
      )}
    </Space>
  );
}
