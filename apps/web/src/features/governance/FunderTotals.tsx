import { Space, Statistic } from 'antd';
import { yuan } from '../../shared/money';
import { AssessmentRow } from './assessment';

export function FunderTotals({ result, title }: { result: AssessmentRow['result']; title: string }) {
  return (
    <Space wrap size="large">
      <Statistic title={title} value={yuan(result.totalFen)} />
      {result.funderTotals.map((f) => (
        <Statistic key={f.funderKey} title={f.name} value={yuan(f.amountFen)} />
      ))}
    </Space>
  );
}
