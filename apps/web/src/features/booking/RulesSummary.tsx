import { Button, Descriptions } from 'antd';
import { yuan } from '../../shared/money';
import { BookingRules, cancellationRule, percent } from './schedule';

export function RulesSummary({ rules, onEdit }: { rules: BookingRules; onEdit: () => void }) {
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} data-testid="booking-rules">
      <Descriptions.Item label="机时费">{`${yuan(rules.hourlyRateFen)}/小时（按刻钟计）`}</Descriptions.Item>
      <Descriptions.Item label="取消规则">{cancellationRule(rules)}</Descriptions.Item>
      <Descriptions.Item label="未到场">
        {`收取预约费用的 ${percent(rules.noShowFeeBp)}`}{' '}
        <Button size="small" type="link" onClick={onEdit}>
          修改预约规则
        </Button>
      </Descriptions.Item>
    </Descriptions>
  );
}
