import { Alert, Descriptions } from 'antd';
import type { Demand } from '../../shared/api-types';
import { yuan } from '../../shared/money';

/** A CHALLENGE demand as its owner sees it: the reward, the deadline and the award window after it. */
export type ChallengeTerms = Pick<
  Demand,
  'mode' | 'status' | 'rewardFen' | 'challengeDeadline' | 'awardWindowDays' | 'awardBy' | 'challengePhase'
>;

/**
 * Whether the SME may still award a challenge (accept a proposal), and if not, why — by the phase the API
 * computed on its own calendar (a browser's clock may be off). Null: it may.
 */
export function awardRefusal(demand: ChallengeTerms): string | null {
  if (demand.mode !== 'CHALLENGE' || !demand.challengeDeadline) return null;
  const awardBy = demand.awardBy ?? demand.challengeDeadline;
  if (demand.status === 'EXPIRED' || (demand.status === 'OPEN' && demand.challengePhase === 'OVER')) {
    return `择优确定期已于 ${awardBy} 结束，未在期内选定方案，不能再选定；如仍有需要，请重新发布需求。`;
  }
  return null;
}

/**
 * 揭榜挂帅 (SPEC §4): "platforms submit proposals until the deadline, then the SME has an award window,
 * default 30 days, to pick one". Tells the SME which phase the challenge is in and until when.
 */
export function ChallengeNotice({ demand }: { demand: ChallengeTerms }) {
  if (demand.mode !== 'CHALLENGE' || !demand.challengeDeadline) return null;
  const awardBy = demand.awardBy ?? demand.challengeDeadline;
  const refusal = awardRefusal(demand);
  const phase =
    demand.status !== 'OPEN'
      ? null
      : demand.challengePhase === 'SUBMISSIONS'
        ? `揭榜进行中：平台可在 ${demand.challengeDeadline} 前（含当日）提交方案；截止后请在 ${awardBy} 前（含当日）选定一家。`
        : demand.challengePhase === 'AWARD'
          ? `揭榜已截止，不再接收新方案；请在 ${awardBy} 前（含当日）从已收到的方案中择优选定一家，逾期需求将过期。`
          : null;
  return (
    <div data-testid="challenge-terms" style={{ marginTop: 12 }}>
      <Descriptions size="small" column={{ xs: 1, sm: 3 }} title="揭榜挂帅">
        <Descriptions.Item label="揭榜奖励">{yuan(demand.rewardFen ?? 0)}</Descriptions.Item>
        <Descriptions.Item label="揭榜截止">{demand.challengeDeadline}</Descriptions.Item>
        <Descriptions.Item label="择优确定截止">
          {awardBy}（截止后 {demand.awardWindowDays ?? 30} 天）
        </Descriptions.Item>
      </Descriptions>
      {phase && <Alert type="info" showIcon message={phase} data-testid="challenge-phase" />}
      {refusal && <Alert type="warning" showIcon message={refusal} data-testid="challenge-phase" />}
    </div>
  );
}
