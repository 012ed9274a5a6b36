import { Empty, Space, Table, Tag } from 'antd';
import { yuan } from '../../shared/money';
import { RevenueRow } from './revenue';
import { REVENUE_FLAG, REVENUE_STATUS } from '../../shared/labels/governance';

/** Declared figure beside the marketplace's, status, flags and the bureau's note; `actions` per row. */
export function RevenueTable({
  rows,
  loading,
  testId,
  actions,
}: {
  rows: RevenueRow[];
  loading: boolean;
  testId: string;
  actions?: (row: RevenueRow) => React.ReactNode;
}) {
  return (
    <Table
      rowKey="year"
      size="small"
      data-testid={testId}
      loading={loading}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 640 }}
      locale={{ emptyText: <Empty description="尚未申报服务性收入" /> }}
      columns={[
        { title: '年度', dataIndex: 'year', width: 60 },
        { title: '申报收入', dataIndex: 'serviceRevenueFen', render: (f: number) => yuan(f) },
        { title: '平台内完成订单收入', dataIndex: 'marketplaceRevenueFen', render: (f: number) => yuan(f) },
        {
          title: '状态',
          dataIndex: 'status',
          width: 150,
          render: (s: string, r: RevenueRow) => (
            <Space direction="vertical" size={0}>
              <Tag color={REVENUE_STATUS[s]?.[1]}>{REVENUE_STATUS[s]?.[0] ?? s}</Tag>
              {r.flags.map((f) => (
                <Tag key={f} color="red">
                  {REVENUE_FLAG[f] ?? f}
                </Tag>
              ))}
            </Space>
          ),
        },
        {
          title: '佐证材料 / 局方意见',
          render: (_: unknown, r: RevenueRow) =>
            r.decisionNote ? `${r.evidence}（局方：${r.decisionNote}）` : r.evidence,
        },
        ...(actions ? [{ title: '', width: 140, render: (_: unknown, r: RevenueRow) => actions(r) }] : []),
      ]}
    />
  );
}
