import { Space, Tag, Typography } from 'antd';
import type { Claim } from '../../shared/api-types';
import { time } from '../../shared/dates';

type Recorded = NonNullable<Claim['spotCheckRecord']>;

/** A sampled claim's recorded spot check (抽查): the result, the reviewer's note and evidence, when. */
export function SpotCheckRecord({ record }: { record: Recorded }) {
  return (
    <Space direction="vertical" size={0} data-testid="spot-check-record">
      <span>
        <Tag color={record.result === 'PASS' ? 'green' : 'red'}>
          {record.result === 'PASS' ? '抽查合格' : '抽查不合格'}
        </Tag>
        {record.voucherRevoked && <Tag color="red">服务券已作废</Tag>}
      </span>
      <Typography.Text type="secondary">核查意见：{record.note}</Typography.Text>
      {record.evidence && <Typography.Text type="secondary">核查材料：{record.evidence}</Typography.Text>}
      <Typography.Text type="secondary">记录于 {time(record.createdAt)}</Typography.Text>
    </Space>
  );
}
