import { Alert } from 'antd';
import dayjs from 'dayjs';
import type { Order } from '../../shared/api-types';

/**
 * The outcome of a cancellation or a dispute: who did it, when and why (the history's last such line),
 * and for a dispute what comes next for each side.
 */
export function OrderOutcome({ order }: { order: Order }) {
  if (order.status !== 'CANCELLED' && order.status !== 'DISPUTED') return null;
  const action = order.status === 'CANCELLED' ? 'order.cancel' : 'order.dispute';
  const event = [...(order.history ?? [])].reverse().find((e) => e.action === action);
  const by = !event
    ? ''
    : event.actorOrgId === order.smeOrgId
      ? '企业'
      : event.actorOrgId === order.platformOrgId
        ? '平台'
        : '';
  const when = event ? dayjs(event.at).format('YYYY-MM-DD HH:mm') : '';
  const reason = event?.note ? `原因：${event.note}` : '未填写原因';
  if (order.status === 'CANCELLED') {
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="order-outcome"
        message={`订单已由${by || '一方'}取消${when ? `（${when}）` : ''}`}
        description={`${reason}。订单已终止，占用的服务券额度已退回。`}
      />
    );
  }
  const next =
    order.yourParty === 'PLATFORM'
      ? '请与企业沟通后返工：点击“返工（重新开始服务）”，完成后再次上传报告交付。'
      : '等待平台返工后再次交付；若协商解决，您也可以直接确认验收。';
  return (
    <Alert
      type="error"
      showIcon
      data-testid="order-outcome"
      message={`${by || '企业'}已对交付提出异议${when ? `（${when}）` : ''}`}
      description={`${reason}。${next}`}
    />
  );
}
