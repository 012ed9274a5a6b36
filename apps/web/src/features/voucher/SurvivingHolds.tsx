import { Alert, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { Voucher } from '../../shared/api-types';
import { yuan } from '../../shared/money';

/**
 * SPEC §6 releases: "A hold on an order contracted before the voucher expired survives expiry until its
 * claim window (program setting, default 90 days after completion) ends". The wallet says which holds of a
 * voucher survive and until when a claim may be filed for them.
 */
export function SurvivingHolds({ voucher }: { voucher: Voucher }) {
  const kept = (voucher.holds ?? []).filter((h) => h.survivesExpiry && (h.status === 'HELD' || h.status === 'CLAIMED'));
  if (!kept.length) return null;
  const window = voucher.claimWindowDays ?? 90;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="surviving-holds"
      message="服务券已到期，以下到期前已签约订单的占用金额继续保留"
      description={kept.map((h) => (
        <div key={h.holdId}>
          <Link to={`/orders/${h.orderId}`}>订单</Link> 保留 {yuan(h.amountFen)}：
          {h.status === 'CLAIMED' ? (
            <Typography.Text>已申请兑付，等待审核</Typography.Text>
          ) : h.claimBy ? (
            <Typography.Text strong>请于 {h.claimBy} 前申请兑付，逾期释放</Typography.Text>
          ) : (
            <Typography.Text>订单完成后 {window} 天内申请兑付，逾期释放</Typography.Text>
          )}
        </div>
      ))}
    />
  );
}
