import { Button, Card, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, Schema } from '../../shared/api';
import { useAction } from '../../shared/actions';
import { time } from '../../shared/dates';
import { label, options } from '../../shared/labels';
import { DECLINE_REASON, QUOTE_STATUS } from '../../shared/labels/demand';
import { LoadedTable } from '../../shared/LoadedTable';
import { yuan } from '../../shared/money';
import { useLoad } from '../../shared/useLoad';

type MyQuote = Schema<'MyQuoteResponseDto'>;
type Status = NonNullable<MyQuote['status']>;

const LIVE: Status[] = ['SUBMITTED', 'REVISION_REQUESTED'];
const STATUS_COLOR: Partial<Record<Status, string>> = {
  SUBMITTED: 'processing',
  REVISION_REQUESTED: 'warning',
  ACCEPTED: 'success',
  DECLINED: 'error',
};

/**
 * 我的报价: the platform's quotes on every demand, newest change first — the live ones to withdraw, the
 * declined ones with the SME's reason and comment.
 */
export function MyQuotes() {
  const [status, setStatus] = useState<Status>();
  const quotes = useLoad(() => api<Schema<'MyQuotePageDto'>>('/quotes', { query: { limit: 50, status } }), [status]);
  const run = useAction();
  const withdraw = async (q: MyQuote) => {
    if (await run(() => api(`/quotes/${q.id}/withdraw`, { method: 'POST' }), '报价已撤回')) quotes.reload();
  };
  return (
    <Card
      size="small"
      title="我的报价"
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
        empty={status ? '没有该状态的报价' : '您还没有报价：在上方需求大厅找到合适的需求，点击“报价”提交方案'}
        scroll={{ x: 880 }}
        columns={[
          { title: '需求', dataIndex: 'demandTitle' },
          { title: '报价', render: (_, q) => yuan(q.priceFen) },
          { title: '周期', render: (_, q) => `${q.timelineDays} 天` },
          {
            title: '状态',
            render: (_, q) => <Tag color={STATUS_COLOR[q.status]}>{label(QUOTE_STATUS, q.status)}</Tag>,
          },
          {
            title: '企业反馈',
            render: (_, q) =>
              q.status === 'DECLINED' && q.declineReason ? (
                <Space direction="vertical" size={0}>
                  <Typography.Text type="danger">婉拒原因：{label(DECLINE_REASON, q.declineReason)}</Typography.Text>
                  {q.declineComment && <Typography.Text type="secondary">{q.declineComment}</Typography.Text>}
                </Space>
              ) : q.status === 'REVISION_REQUESTED' && q.revisionNote ? (
                <Typography.Text>修改要求：{q.revisionNote}</Typography.Text>
              ) : (
                '—'
              ),
          },
          { title: '更新时间', render: (_, q) => time(q.updatedAt) },
          {
            title: '操作',
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
