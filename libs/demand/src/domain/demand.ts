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
