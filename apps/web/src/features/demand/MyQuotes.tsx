import { Button, Card, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useAction } from '../../shared/actions';
import { api } from '../../shared/api';
import type { MyQuote, MyQuotePage } from '../../shared/api-types';
import { time } from '../../shared/dates';
import { label, options } from '../../shared/labels';
import { DECLINE_REASON, DEMAND_STATUS, QUOTE_STATUS } from '../../shared/labels/demand';
import { LoadedTable } from '../../shared/LoadedTable';
import { yuan } from '../../shared/money';
import { useLoad } from '../../shared/useLoad';

type Status = MyQuote['status'];

const LIVE: Status[] = ['SUBMITTED', 'REVISION_REQUESTED'];
const STATUS_COLOR: Partial<Record<Status, string>> = {
  SUBMITTED: 'processing',
  REVISION_REQUESTED: 'warning',
  ACCEPTED: 'success',
  DECLINED: 'error',
};

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
      <Space direction="vertical" size={0}>
        <Typography.Text type="danger">婉拒原因：{label(DECLINE_REASON, q.declineReason)}</Typography.Text>
        {q.declineComment && <Typography.Text type="secondary">{q.declineComment}</Typography.Text>}
      </Space>
    );
  }
  if (q.status === 'REVISION_REQUESTED' && q.revisionNote) {
    return <Typography.Text>修改要求：{q.revisionNote}</Typography.Text>;
  }
  if (q.status === 'SUBMITTED') {
    return (
      <Typography.Text type="secondary">等待企业决定（需求{label(DEMAND_STATUS, q.demand.status)}）</Typography.Text>
    );
  }
  return null;
}

/**
 * 我的报价与揭榜方案: the platform's quotes and 揭榜 proposals on every demand, latest change first (GET /quotes) —
 * the live ones to withdraw, an accepted one with its order, a declined one with the SME's reason and comment.
 * A new `refreshKey` (the hall's quote went out) reloads it.
 */
export function MyQuotes({ refreshKey = 0 }: { refreshKey?: number }) {
  const [status, setStatus] = useState<Status>();
  const quotes = useLoad(() => api<MyQuotePage>('/quotes', { query: { limit: 50, status } }), [status, refreshKey]);
  const run = useAction();
  const withdraw = async (q: MyQuote) => {
    if (await run(() => api(`/quotes/${q.id}/withdraw`, { method: 'POST' }), '报价已撤回')) quotes.reload();
  };
  return (
    <Card
      size="small"
      title="我的报价与揭榜方案"
      data-testid="my-quotes"
      extra={
        <Space>
          <Select
            size="small"
            allowClear
            placeholder="全部状态"
            style={{ width: 120 }}
            value={status}
            onChange={setStatus}
            options={options(QUOTE_STATUS)}
            aria-label="按状态筛选报价"
          />
          <Button size="small" onClick={quotes.reload}>
            刷新
          </Button>
        </Space>
      }
    >
      <LoadedTable<MyQuote>
        load={quotes}
        rows={quotes.data?.items ?? []}
        empty={status ? '没有该状态的报价' : '您还没有报价：在需求大厅中找到合适的需求后，点击“报价”或“提交方案”'}
        scroll={{ x: 880 }}
        columns={[
          {
            title: '需求',
            key: 'demand',
            render: (_, q) => (
              <Space size={4} wrap>
                {q.demand.title}
                {q.demand.mode === 'CHALLENGE' && <Tag color="volcano">揭榜挂帅</Tag>}
              </Space>
            ),
          },
          { title: '报价', key: 'price', render: (_, q) => yuan(q.priceFen) },
          { title: '周期', key: 'timeline', render: (_, q) => `${q.timelineDays} 天` },
          {
            title: '状态',
            key: 'status',
            render: (_, q) => <Tag color={STATUS_COLOR[q.status]}>{label(QUOTE_STATUS, q.status)}</Tag>,
          },
          { title: '结果与企业反馈', key: 'outcome', render: (_, q) => <Outcome q={q} /> },
          { title: '更新时间', key: 'updated', render: (_, q) => time(q.updatedAt) },
          {
            title: '操作',
            key: 'actions',
            render: (_, q) =>
              LIVE.includes(q.status) ? (
                <Popconfirm
                  title="撤回该报价？"
                  description="撤回后企业将看不到该报价，可再次报价。"
                  okText="撤回"
                  cancelText="取消"
                  onConfirm={() => withdraw(q)}
                >
                  <Button size="small" danger>
                    撤回
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
