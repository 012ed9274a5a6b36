import { Alert, App as AntApp, Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, Schema } from '../../shared/api';
import type { Demand, Quote, QuotePage } from '../../shared/api-types';
import { errorText } from '../../shared/errors';
import { ipTermsText } from '../../shared/ipTerms';
import { label } from '../../shared/labels';
import { DECLINE_REASON, QUOTE_STATUS } from '../../shared/labels/demand';
import { yuan } from '../../shared/money';
import { useLoad } from '../../shared/useLoad';
import type { PublicPlatform } from '../catalogue/types';
import { awardRefusal } from './ChallengeNotice';
import { QuoteActionModal } from './QuoteActionModal';

/** Minutes to a first quote, as an SME reads it. */
function responseTime(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined) return '暂无数据';
  if (minutes < 60) return `${minutes} 分钟`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 6) / 10} 小时`;
  return `${Math.round(minutes / 144) / 10} 天`;
}

/**
 * The quotes on one demand side by side: price, the subsidy the SME's best voucher would give, timeline, scope,
 * the platform's rating and response time; from here the SME accepts, asks for a revision (while the demand is
 * open) or declines with a reason. A 揭榜挂帅 challenge's proposals are awarded (选定) until its award window
 * ends — then the card says why not; revisions are asked only while proposals are taken (the platforms cannot
 * revise after the deadline).
 */
export function QuoteCompare({ demandId, demand }: { demandId: string; demand?: Demand }) {
  const open = demand?.status === 'OPEN';
  const challenge = demand?.mode === 'CHALLENGE';
  const refusal = demand ? awardRefusal(demand) : null;
  const canAccept = open && !refusal;
  const canRevise = open && (!challenge || demand?.challengePhase === 'SUBMISSIONS');
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const quotes = useLoad(() => api<QuotePage>(`/demands/${demandId}/quotes`, { query: { limit: 100 } }), [demandId]);
  const platformIds = [...new Set((quotes.data?.items ?? []).map((q) => q.platformId))].sort().join(',');
  const platforms = useLoad(async () => {
    const ids = platformIds ? platformIds.split(',') : [];
    const rows = await Promise.all(ids.map((pid) => api<PublicPlatform>(`/platforms/${pid}`)));
    return new Map(rows.map((p) => [p.id, p]));
  }, [platformIds]);
  // What the SME's best voucher would pay on each quote (the quote-level preview; nothing is held).
  const quoteIds = (quotes.data?.items ?? []).map((q) => q.id).join(',');
  const subsidies = useLoad(async () => {
    const ids = quoteIds ? quoteIds.split(',') : [];
    const rows = await Promise.all(
      ids.map((qid) => api<Schema<'QuoteVoucherOptionsDto'>>(`/quotes/${qid}/voucher-options`)),
    );
    return new Map(rows.map((r) => [r.quoteId, r]));
  }, [quoteIds]);
  const [acting, setActing] = useState<{ quote: Quote; action: 'revise' | 'decline' }>();
  const nameOf = (q: Quote) => platforms.data?.get(q.platformId)?.name ?? '平台';
  const accept = async (quote: Quote) => {
    try {
      const accepted = await api<Quote>(`/quotes/${quote.id}/accept`, { method: 'POST' });
      message.success(challenge ? '已选定方案，订单已生成' : '已接受报价，订单已生成');
      navigate(`/orders/${accepted.orderId}`);
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const items = quotes.data?.items ?? [];
  const cheapest = items.length ? Math.min(...items.map((q) => q.priceFen)) : 0;
  const fastest = items.length ? Math.min(...items.map((q) => q.timelineDays)) : 0;
  return (
    <Card
      title={challenge ? '揭榜方案对比' : '报价对比'}
      size="small"
      extra={
        <Button size="small" onClick={quotes.reload}>
          刷新
        </Button>
      }
    >
      {(quotes.error || platforms.error) && <Alert type="error" message={quotes.error ?? platforms.error} />}
      {refusal && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={refusal} data-testid="award-closed" />
      )}
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message="“预计补贴”按您现有服务券的规则与额度估算（就高不重复），不占用额度；接受报价后在订单页选择服务券时按当时余额与限额确定。"
      />
      <Table
        rowKey="id"
        size="small"
        data-testid="quotes"
        loading={quotes.loading || platforms.loading}
        dataSource={items}
        pagination={false}
        scroll={{ x: 1080 }}
        locale={{
          emptyText: (
            <Empty
              description={
                challenge
                  ? '暂无方案：平台可在揭榜截止日前提交方案，也可在上方匹配结果中邀请平台揭榜'
                  : '暂无报价：可在上方匹配结果中邀请平台报价'
              }
            />
          ),
        }}
        columns={[
          { title: '平台', key: 'platform', render: (_: unknown, q: Quote) => nameOf(q) },
          {
            title: '报价',
            dataIndex: 'priceFen',
            render: (f: number) => (
              <Space size={4}>
                {yuan(f)}
                {items.length > 1 && f === cheapest && <Tag color="green">最低</Tag>}
              </Space>
            ),
          },
          {
            title: '周期',
            dataIndex: 'timelineDays',
            render: (n: number) => (
              <Space size={4}>
                {`${n} 天`}
                {items.length > 1 && n === fastest && <Tag color="green">最快</Tag>}
              </Space>
            ),
          },
          { title: '服务范围', dataIndex: 'scope', width: 220 },
          {
            title: '预计补贴',
            key: 'subsidy',
            render: (_: unknown, q: Quote) => {
              const preview = subsidies.data?.get(q.id);
              if (subsidies.error) return <Typography.Text type="secondary">暂不可估算</Typography.Text>;
              if (!preview) return '…';
              if (preview.options.length === 0) return <Typography.Text type="secondary">暂无服务券</Typography.Text>;
              return preview.estimatedSubsidyFen > 0 ? (
                <Space direction="vertical" size={0} data-testid="quote-subsidy">
                  <Typography.Text strong>{yuan(preview.estimatedSubsidyFen)}</Typography.Text>
                  <Typography.Text type="secondary">{preview.bestProgramName}</Typography.Text>
                </Space>
              ) : (
                <Typography.Text type="secondary" data-testid="quote-subsidy">
                  不可用券
                </Typography.Text>
              );
            },
          },
          {
            title: '平台评分',
            key: 'rating',
            render: (_: unknown, q: Quote) => {
              const r = platforms.data?.get(q.platformId)?.ratingAvg;
              return typeof r === 'number' ? `${r.toFixed(1)} 分` : '暂无评价';
            },
          },
          {
            title: '平均响应',
            key: 'response',
            render: (_: unknown, q: Quote) => responseTime(platforms.data?.get(q.platformId)?.medianFirstQuoteMinutes),
          },
          { title: '知识产权', key: 'ip', render: (_: unknown, q: Quote) => ipTermsText(q.ipTerms) },
          {
            title: '状态',
            key: 'status',
            render: (_: unknown, q: Quote) => (
              <Space direction="vertical" size={0}>
                <Space size={4}>
                  <Tag>{label(QUOTE_STATUS, q.status)}</Tag>
                  {q.revision > 1 && <Typography.Text type="secondary">修改后第 {q.revision} 版</Typography.Text>}
                </Space>
                {q.status === 'REVISION_REQUESTED' && q.revisionNote && (
                  <Typography.Text type="secondary">修改要求：{q.revisionNote}</Typography.Text>
                )}
                {q.status === 'DECLINED' && q.declineReason && (
                  <Typography.Text type="secondary">
                    婉拒原因：{label(DECLINE_REASON, q.declineReason)}
                    {q.declineComment ? `（${q.declineComment}）` : ''}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: '操作',
            key: 'actions',
            fixed: 'right',
            render: (_: unknown, q: Quote) =>
              q.orderId ? (
                <Link to={`/orders/${q.orderId}`}>查看订单</Link>
              ) : q.status === 'SUBMITTED' && open ? (
                <Space wrap size={4}>
                  {canAccept && (
                    <Button type="primary" size="small" onClick={() => accept(q)}>
                      {challenge ? '选定该方案' : '接受报价'}
                    </Button>
                  )}
                  {canRevise && (
                    <Button size="small" onClick={() => setActing({ quote: q, action: 'revise' })}>
                      请求修改
                    </Button>
                  )}
                  <Button size="small" danger onClick={() => setActing({ quote: q, action: 'decline' })}>
                    婉拒
                  </Button>
                </Space>
              ) : q.status === 'REVISION_REQUESTED' && open ? (
                <Button size="small" danger onClick={() => setActing({ quote: q, action: 'decline' })}>
                  婉拒
                </Button>
              ) : null,
          },
        ]}
      />
      {acting && (
        <QuoteActionModal
          quote={acting.quote}
          platformName={nameOf(acting.quote)}
          action={acting.action}
          onClose={(done) => {
            setActing(undefined);
            if (done) quotes.reload();
          }}
        />
      )}
    </Card>
  );
}
