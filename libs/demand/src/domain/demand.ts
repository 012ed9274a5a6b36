import { TransitionTable } from '@pilotlink/core';

export const DEMAND_MODES = ['OPEN', 'CHALLENGE'] as const;
export type DemandMode = (typeof DEMAND_MODES)[number];

/**
 * SPEC §4: PUBLIC — every verified platform sees everything; SUMMARY — others see the summary,
 * invited or NDA-accepting platforms the whole demand; PRIVATE — only invited platforms see it.
 */
export const CONFIDENTIALITY_LEVELS = ['PUBLIC', 'SUMMARY', 'PRIVATE'] as const;
export type Confidentiality = (typeof CONFIDENTIALITY_LEVELS)[number];

export const DEMAND_STATUSES = ['DRAFT', 'OPEN', 'AWARDED', 'CLOSED', 'CANCELLED', 'EXPIRED'] as const;
export type DemandStatus = (typeof DEMAND_STATUSES)[number];

export const DEMAND_TRANSITIONS: TransitionTable<DemandStatus> = {
  DRAFT: ['OPEN', 'CANCELLED'],
  OPEN: ['AWARDED', 'CLOSED', 'CANCELLED', 'EXPIRED'],
  AWARDED: [],
  CLOSED: [],
  CANCELLED: [],
  EXPIRED: [],
};

export const QUOTE_STATUSES = [
  'SUBMITTED',
  'REVISION_REQUESTED',
  'ACCEPTED',
  'DECLINED',
  'WITHDRAWN',
  'EXPIRED',
] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

/** The SME asks for a revision, accepts or declines; the platform revises or withdraws; validity lapses. */
export const QUOTE_TRANSITIONS: TransitionTable<QuoteStatus> = {
  SUBMITTED: ['REVISION_REQUESTED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'EXPIRED'],
  REVISION_REQUESTED: ['SUBMITTED', 'DECLINED', 'WITHDRAWN', 'EXPIRED'],
  ACCEPTED: [],
  DECLINED: [],
  WITHDRAWN: [],
  EXPIRED: [],
};

/** Budget bands shown instead of the exact budget to platforms that see only a SUMMARY. */
export const BUDGET_BANDS = [
  { code: 'UNDER_50K', label: '5万元以下', maxFen: 5_000_000 - 1 },
  { code: '50K_200K', label: '5–20万元', maxFen: 20_000_000 - 1 },
  { code: '200K_1M', label: '20–100万元', maxFen: 100_000_000 - 1 },
  { code: 'OVER_1M', label: '100万元以上', maxFen: Number.MAX_SAFE_INTEGER },
] as const;
export type BudgetBandCode = (typeof BUDGET_BANDS)[number]['code'];

/** The band of a budget range, by its upper bound (what the SME is prepared to pay at most). */
export function budgetBandOf(budgetMaxFen: number): BudgetBandCode {
  return BUDGET_BANDS.find((band) => budgetMaxFen <= band.maxFen)!.code;
}

/**
 * 揭榜挂帅 (SPEC §4): "platforms submit proposals until the deadline, then the SME has an award window,
 * default 30 days, to pick one". The deadline closes submissions; the demand expires only once the award
 * window has passed without an award.
 */
export const DEFAULT_AWARD_WINDOW_DAYS = 30;

export type ChallengePhase = 'SUBMISSIONS' | 'AWARD' | 'OVER';

function plusDays(date: string, days: number): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The last day the SME may accept a proposal: the deadline + the award window (China calendar days). */
export function awardBy(challengeDeadline: string, awardWindowDays: number): string {
  if (!Number.isInteger(awardWindowDays) || awardWindowDays < 0) throw new RangeError('awardWindowDays must be ≥ 0');
  return plusDays(challengeDeadline, awardWindowDays);
}

/** Submissions through the deadline day; then the award window through awardBy; then over. */
export function challengePhase(challengeDeadline: string, awardWindowDays: number, today: string): ChallengePhase {
  if (today <= challengeDeadline) return 'SUBMISSIONS';
  return today <= awardBy(challengeDeadline, awardWindowDays) ? 'AWARD' : 'OVER';
}

/** Why an SME declines a quote (structured, so platforms learn what lost them the work). */
export const DECLINE_REASONS = [
  'PRICE_TOO_HIGH',
  'TIMELINE_TOO_LONG',
  'SCOPE_MISMATCH',
  'CHOSE_ANOTHER',
  'NO_LONGER_NEEDED',
  'OTHER',
] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];
