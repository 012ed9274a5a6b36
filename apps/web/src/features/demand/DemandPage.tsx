import { Alert, App as AntApp, Button, Card, Descriptions, Empty, List, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { api, Schema } from '../../shared/api';
import type { DemandMatch, Demand } from '../../shared/api-types';
import { yuan } from '../../shared/money';
import { errorText } from '../../shared/errors';
import { useLoad } from '../../shared/useLoad';
import { ChallengeNotice } from './ChallengeNotice';
import { label } from '../../shared/labels';
import { STAGE, CONFIDENTIALITY, DEMAND_STATUS } from '../../shared/labels/demand';
import { EndDemandModal } from './EndDemandModal';
import { QuoteCompare } from './QuoteCompare';
import { KeyProjectTracking } from '../governance/KeyProjectTracking';

export const REASON_TAGS: [keyof DemandMatch['reasons'], string][] = [
  ['field', '领域匹配'],
  ['stage', '阶段匹配'],
  ['region', '地区匹配'],
  ['budget', '价格在预算内'],
];

/** A demand: its matches with the reasons, and the quotes to accept. */
export function DemandPage() {
  const { id } = useParams();
  const { message } = AntApp.useApp();
  const demand = useLoad(() => api<Demand>(`/demands/${id}`), [id]);
  const matches = useLoad(
    () => api<Schema<'DemandMatchesDto'>>(`/demands/${id}/matches`, { query: { limit: 10 } }),
    [id],
  );
  const [inviting, setInviting] = useState<string>();
  // Invitations are not listed by the API; the platforms invited from this page are remembered here.
  const [invited, setInvited] = useState<Set<string>>(new Set());
  const invite = async (m: DemandMatch) => {
    setInviting(m.platform.id);
    try {
      await api(`/demands/${id}/invitations`, { method: 'POST', body: { platformId: m.platform.id } });
      setInvited((prev) => new Set(prev).add(m.platform.id));
      message.success(`已邀请 ${m.platform.name} 报价`);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setInviting(undefined);
    }
  };
  const [ending, setEnding] = useState<'close' | 'cancel'>();
  const d = demand.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {demand.error && <Alert type="error" message={demand.error} />}
      {d && d.status !== 'DRAFT' && <KeyProjectTracking subjectType="DEMAND" subjectId={d.id} />}
      <Card
        loading={demand.loading}
        title={d?.title ?? '需求'}
        extra={
          d && (
            <Space wrap>
              <Tag data-testid="demand-status">{label(DEMAND_STATUS, d.status)}</Tag>
              {d.status === 'OPEN' && (
                <Button size="small" onClick={() => setEnding('close')} data-testid="demand-close">
                  关闭需求
                </Button>
              )}
              {(d.status === 'OPEN' || d.status === 'DRAFT') && (
                <Button size="small" danger onClick={() => setEnding('cancel')} data-testid="demand-cancel">
                  取消需求
                </Button>
              )}
            </Space>
          )
        }
      >
        {d && (
          <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
            <Descriptions.Item label="阶段">{label(STAGE, d.stage)}</Descriptions.Item>
            <Descriptions.Item label="保密级别">
              {CONFIDENTIALITY[d.confidentiality]?.label ?? d.confidentiality}
            </Descriptions.Item>
            <Descriptions.Item label="预算上限">{d.budgetMaxFen ? yuan(d.budgetMaxFen) : '未填写'}</Descriptions.Item>
            {d.statusReason && (
              <Descriptions.Item label={d.status === 'CANCELLED' ? '取消原因' : '关闭原因'}>
                <span data-testid="demand-status-reason">{d.statusReason}</span>
              </Descriptions.Item>
            )}
          </Descriptions>
        )}
        {d && <ChallengeNotice demand={d} />}
      </Card>
      {ending && (
        <EndDemandModal
          demandId={id!}
          action={ending}
          onClose={(done) => {
            setEnding(undefined);
            if (done) demand.reload();
          }}
        />
      )}
      <Card
        title="匹配的中试服务"
        size="small"
        extra={
          <Button size="small" onClick={matches.reload}>
            刷新
          </Button>
        }
      >
        {matches.error && <Alert type="error" message={matches.error} />}
        <Spin spinning={matches.loading}>
          <List
            data-testid="matches"
            dataSource={matches.data?.items ?? []}
            locale={{ emptyText: <Empty description="暂未找到匹配的服务" /> }}
            renderItem={(m) => (
              <List.Item
                actions={
                  d?.status === 'OPEN'
                    ? [
                        invited.has(m.platform.id) ? (
                          <Button key="invite" size="small" disabled>
                            已邀请
                          </Button>
                        ) : (
                          <Button
                            key="invite"
                            size="small"
                            loading={inviting === m.platform.id}
                            onClick={() => invite(m)}
                          >
                            邀请报价
                          </Button>
                        ),
                      ]
                    : []
                }
              >
                <Space direction="vertical" size={2}>
                  <Space wrap>
                    <Typography.Text strong>
                      {m.rank}. {m.service.title}
                    </Typography.Text>
                    <Typography.Text type="secondary">{m.platform.name}</Typography.Text>
                    {m.service.voucherEligible && <Tag color="green">可用服务券</Tag>}
                    <Tag color="blue">匹配度 {Math.round(m.score * 100)}%</Tag>
                  </Space>
                  <Space wrap size={4}>
                    <span>匹配理由：</span>
                    {m.reasons.terms.length > 0 && <Tag>关键词：{m.reasons.terms.join('、')}</Tag>}
                    {REASON_TAGS.filter(([k]) => m.reasons[k]).map(([k, t]) => (
                      <Tag key={k}>{t}</Tag>
                    ))}
                  </Space>
                </Space>
              </List.Item>
            )}
          />
        </Spin>
      </Card>
      <QuoteCompare demandId={id!} demand={d} />
    </Space>
  );
}
