import { Button, Card, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../shared/api';
import type { MyQuote, MyQuotePage } from '../../shared/api-types';
import { label } from '../../shared/labels';
import { DECLINE_REASON, DEMAND_STATUS, QUOTE_STATUS } from '../../shared/labels/demand';
import { LoadedTable } from '../../shared/LoadedTable';
import { yuan } from '../../shared/money';
import { useLoad } from '../../shared/useLoad';

const STATUS_COLOR: Record<string, string> = { ACCEPTED: 'green', DECLINED: 'red', REVISION_REQUESTED: 'orange' };

/** What became of a quote, as the platform reads it: its order, the SME's reason, or what to change. */
function Outcome({ q }: { q: MyQuote }) {
  const proposal = q.demand.mode === 'CHALLENGE';
  if (q.status === 'ACCEPTED') {
    return (
      <Space direction="vertical" size={0}>
        <Typography.Text type="success">{proposal ? '方案已被选定（中榜）' : '报价已被接受'}</Typography.Text>
        {q.orderId && <Link to={`/orders/${q.orderId}`}>查看订单</Link>}
      </Space>
    );
  }
  if (q.status === 'DECLINED' && q.declineReason) {
    return (
      <Typography.Text type="secondary">
        婉拒原因：{label(DECLINE_REASON, q.declineReason)}
        {q.declineComment ? `（${q.declineComment}）` : ''}
      </Typography.Text>
    );
  }
  if (q.status === 'REVISION_REQUESTED' && q.revisionNote) {
    return <Typography.Text type="secondary">修改要求：{q.revisionNote}</Typography.Text>;
  }
  if (q.status === 'SUBMITTED') {
    return (
      <Typography.Text type="secondary">等待企业决定（需求{label(DEMAND_STATUS, q.demand.status)}）</Typography.Text>
    );
  }
  return null;
}

/**
 * Platform: its quotes and 揭榜 proposals on every demand, latest change first, with the outcome — the order of
 * an accepted one, the SME's reason for a declined one (GET /quotes).
 */
export function MyQuotes() {
  const quotes = useLoad(() => api<MyQuotePage>('/quotes', { query: { limit: 50 } }), []);
  return (
    <Card
      title="我的报价与揭榜方案"
      size="small"
      extra={
        <Button size="small" onClick={quotes.reload}>
          刷新
        </Button>
      }
    >
      <LoadedTable
        load={quotes}
        rows={quotes.data?.items ?? []}
        data-testid="my-quotes"
        empty="还没有报价：在需求大厅中找到合适的需求后报价或提交揭榜方案"
        scroll={{ x: 640 }}
        columns={[
          {
            title: '需求',
            key: 'demand',
            render: (_: unknown, q: MyQuote) => (
              <Space size={4} wrap>
                {q.demand.title}
                {q.demand.mode === 'CHALLENGE' && <Tag color="volcano">揭榜挂帅</Tag>}
              </Space>
            ),
          },
          { title: '报价', dataIndex: 'priceFen', render: (f: number) => yuan(f) },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: string) => <Tag color={STATUS_COLOR[s]}>{label(QUOTE_STATUS, s)}</Tag>,
          },
          { title: '结果', key: 'outcome', render: (_: unknown, q: MyQuote) => <Outcome q={q} /> },
        ]}
      />
    </Card>
  );
}
