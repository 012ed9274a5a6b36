import { Alert, Button, Card, Empty, Input, List, Space, Tag } from 'antd';
import { useState } from 'react';
import { api, Schema } from '../../shared/api';
import { Demand } from '../../shared/api-types';
import { label } from '../../shared/labels';
import { CONFIDENTIALITY, STAGE } from '../../shared/labels/demand';
import { yuan } from '../../shared/money';
import { useLoad } from '../../shared/useLoad';
import { DemandDetailModal } from './DemandDetailModal';
import { PlatformRow, QuoteModal } from './QuoteModal';
import { LinkedDemand } from './LinkedDemand';

/**
 * Platform: the demands it may see (search), each to quote on from one of its listed platforms. A 揭榜挂帅
 * challenge shows its reward and deadline and takes proposals (提交方案) until then, by the API's calendar.
 */
export function DemandHall({ listed, onQuoted }: { listed: PlatformRow[]; onQuoted?: () => void }) {
  const [q, setQ] = useState('');
  const demands = useLoad(
    () => api<Schema<'DemandSearchPageDto'>>('/search/demands', { query: { q, limit: 20 } }),
    [q],
  );
  const [quoting, setQuoting] = useState<Demand>();
  const [viewing, setViewing] = useState<string>();
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
            <Empty description="暂无可见的需求：企业发布公开或仅公开摘要的需求后会出现在这里；可在下方“订阅”中设置领域和关键词，有新需求时通知您" />
          ),
        }}
        renderItem={(d) => {
          const challenge = d.mode === 'CHALLENGE';
          const closed = challenge && d.challengePhase !== undefined && d.challengePhase !== 'SUBMISSIONS';
          return (
            <List.Item
              actions={[
                <Button key="view" size="small" onClick={() => setViewing(d.id)}>
                  {d.view === 'SUMMARY' ? '查看 / 签署保密协议' : '查看详情'}
                </Button>,
                <Button
                  key="quote"
                  type="primary"
                  size="small"
                  disabled={listed.length === 0 || closed}
                  onClick={() => setQuoting(d)}
                >
                  {closed ? '揭榜已截止' : challenge ? '提交方案' : '报价'}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={d.title}
                description={
                  <Space wrap size={4}>
                    <Tag>{label(STAGE, d.stage)}</Tag>
                    <Tag>{CONFIDENTIALITY[d.confidentiality]?.label ?? d.confidentiality}</Tag>
                    {challenge && <Tag color="volcano">揭榜挂帅</Tag>}
                    {d.budgetMaxFen ? <span>预算至 {yuan(d.budgetMaxFen)}</span> : null}
                    {challenge && d.rewardFen ? <span>奖励 {yuan(d.rewardFen)}</span> : null}
                    {challenge && d.challengeDeadline ? <span>揭榜截止 {d.challengeDeadline}</span> : null}
                  </Space>
                }
              />
            </List.Item>
          );
        }}
      />
      {viewing && <DemandDetailModal demandId={viewing} onClose={() => setViewing(undefined)} />}
      {quoting && (
        <QuoteModal demand={quoting} platforms={listed} onClose={() => setQuoting(undefined)} onSubmitted={onQuoted} />
      )}
    </Card>
  );
}
