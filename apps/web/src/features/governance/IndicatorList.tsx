import { Descriptions } from 'antd';
import { yuan, pct } from '../../shared/money';
import { label } from '../../shared/labels';
import { GRADE } from '../../shared/labels/governance';
import { IndicatorValues, Score } from './Evaluation';

export function IndicatorList({ i, s }: { i: IndicatorValues; s: Score }) {
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
      <Descriptions.Item label="完成订单">{i.ordersCompleted}</Descriptions.Item>
      <Descriptions.Item label="服务收入">{yuan(i.serviceRevenueFen)}</Descriptions.Item>
      <Descriptions.Item label="服务企业">{i.smesServed}</Descriptions.Item>
      <Descriptions.Item label="外部用户占比">{pct(i.externalUserShareBp)}</Descriptions.Item>
      <Descriptions.Item label="评分">{i.ratingAvg ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="首次报价用时">
        {i.medianFirstQuoteMinutes === null ? '—' : `${i.medianFirstQuoteMinutes} 分钟`}
      </Descriptions.Item>
      <Descriptions.Item label="设备共享率">{pct(i.sharingRateBp)}</Descriptions.Item>
      <Descriptions.Item label="被驳回兑付">{i.claimsRejected}</Descriptions.Item>
      <Descriptions.Item label="得分">
        {s.total}（扣分 {s.penalty}）
      </Descriptions.Item>
      <Descriptions.Item label="建议等级">{label(GRADE, s.suggestedGrade)}</Descriptions.Item>
    </Descriptions>
  );
}
