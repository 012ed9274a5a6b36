import { Alert, Button, Card, Empty, Input, List, Space, Tag } from 'antd';
import { useState } from 'react';
import { api, Schema } from '../../shared/api';
import { Demand } from '../../shared/api-types';
import { label } from '../../shared/labels';
import { CONFIDENTIALITY, STAGE } from '../../shared/labels/demand';
import { yuan } from '../../shared/money';
import { useLoad } from '../../shared/useLoad';
import { PlatformRow, QuoteModal } from './QuoteModal';
import { LinkedDemand } from './LinkedDemand';

/** Platform: the demands it may see (search), each to quote on from one of its listed platforms. */
export function DemandHall({ listed }: { listed: PlatformRow[] }) {
  const [q, setQ] = useState('');
  const demands = useLoad(
    () => api<Schema<'DemandSearchPageDto'>>('/search/demands', { query: { q, limit: 20 } }),
    [q],
  );
  const [quoting, setQuoting] = useState<Demand>();
  return (
    <Card
      title="需求大厅"
      size="small"
      extra={<Input.Search placeholder="搜索需求" allowClear onSearch={setQ} style={{ width: 200 }} />}
    >
      <LinkedDemand canQuote={listed.length > 0} onQuote={setQuoting} />
      {demands.error && <Alert type="error" message={demands.error} />}
      <List
        data-testid="demand-hall"
        loading={demands.loading}
        dataSource={demands.data?.items ?? []}
        locale={{
          emptyText: (
            <Empty
              description={
                q
                  ? '没有符合搜索条件的需求，换个关键词试试'
                  : '暂无可见的需求。发布服务并完善其领域与类别后，匹配的需求会出现在这里'
              }
            />
          ),
        }}
        renderItem={(d) => (
          <List.Item
            actions={[
              <Button
                key="quote"
                type="primary"
                size="small"
                disabled={listed.length === 0}
                onClick={() => setQuoting(d)}
              >
                报价
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={d.title}
              description={
                <Space wrap size={4}>
                  <Tag>{label(STAGE, d.stage)}</Tag>
                  <Tag>{CONFIDENTIALITY[d.confidentiality]?.label ?? d.confidentiality}</Tag>
                  {d.budgetMaxFen ? <span>预算至 {yuan(d.budgetMaxFen)}</span> : null}
                </Space>
              }
            />
          </List.Item>
        )}
      />
      {quoting && <QuoteModal demand={quoting} platforms={listed} onClose={() => setQuoting(undefined)} />}
    </Card>
  );
}
