import { Table, Tag } from 'antd';
import { yuan } from '../../shared/money';
import { label } from '../../shared/labels';
import { reasonText } from './common';
import { OVERLAP } from '../../shared/labels/governance';
import { AssessmentRow, RuleAssessment } from './assessment';

/** Per rule: computed, capped, the 就高不重复 decision, granted and its split over the funders. */
export function RuleTable({ result, testId }: { result: AssessmentRow['result']; testId: string }) {
  const funders = new Map(result.funderTotals.map((f) => [f.funderKey, f.name]));
  const names = new Map(result.rules.map((r) => [r.code, r.name]));
  return (
    <Table
      rowKey="ruleId"
      size="small"
      data-testid={testId}
      dataSource={result.rules}
      pagination={false}
      tableLayout="fixed"
      scroll={{ x: 1240 }}
      columns={[
        { title: '规则', dataIndex: 'name', width: 170 },
        { title: '计算额', dataIndex: 'computedFen', width: 120, render: (f: number) => yuan(f) },
        {
          title: '适用上限',
          dataIndex: 'capFen',
          width: 120,
          render: (f: number | null, r: RuleAssessment) => (!r.applies ? '—' : f === null ? '无' : yuan(f)),
        },
        { title: '封顶后', dataIndex: 'cappedFen', width: 120, render: (f: number) => yuan(f) },
        {
          title: '就高不重复',
          dataIndex: 'overlapDecision',
          width: 150,
          render: (d: string) => (
            <Tag color={d === 'HIGHEST_IN_GROUP' ? 'green' : d === 'LOWER_IN_GROUP_DROPPED' ? 'orange' : undefined}>
              {label(OVERLAP, d)}
            </Tag>
          ),
        },
        { title: '核定金额', dataIndex: 'amountFen', width: 120, render: (f: number) => <b>{yuan(f)}</b> },
        {
          title: '分担',
          dataIndex: 'split',
          width: 190,
          render: (split: RuleAssessment['split']) =>
            split.map((s) => `${funders.get(s.funderKey) ?? s.funderKey} ${yuan(s.amountFen)}`).join('；') || '—',
        },
        { title: '说明', dataIndex: 'reason', width: 250, render: (r: string) => reasonText(r, names) },
      ]}
    />
  );
}
