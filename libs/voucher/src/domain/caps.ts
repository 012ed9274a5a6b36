import { assertFen } from '@pilotlink/core';
import { ReimbursementRule, ruleAmountFen } from './rule';

/** The bounds on one hold besides the rule; each is what is still left (null = no such cap). */
export interface HoldCaps {
  /** The program's cap per order. */
  perOrderFen: number | null;
  /** The per-SME-per-year cap minus what this SME already holds or was paid under the program. */
  smeYearRemainingFen: number | null;
  /** The per-platform-per-year cap minus what is already held or paid for this platform. */
  platformYearRemainingFen: number | null;
  /** The voucher's balance not held by other orders. */
  voucherAvailableFen: number;
}

/** In tie-break order: when two bounds give the same amount, the earlier one is reported. */
export const HOLD_LIMITS = ['RULE', 'VOUCHER_BALANCE', 'PER_ORDER_CAP', 'SME_YEAR_CAP', 'PLATFORM_YEAR_CAP'] as const;
export type HoldLimit = (typeof HOLD_LIMITS)[number];

export interface HoldAmount {
  amountFen: number;
  limitedBy: HoldLimit;
}

/** The hold for an order: the rule's amount, limited by the voucher balance and every cap (SPEC §6). */
export function holdAmount(rule: ReimbursementRule, orderAmountFen: number, caps: HoldCaps): HoldAmount {
  const bounds: [HoldLimit, number | null][] = [
    ['RULE', ruleAmountFen(rule, orderAmountFen)],
    ['VOUCHER_BALANCE', caps.voucherAvailableFen],
    ['PER_ORDER_CAP', caps.perOrderFen],
    ['SME_YEAR_CAP', caps.smeYearRemainingFen],
    ['PLATFORM_YEAR_CAP', caps.platformYearRemainingFen],
  ];
  let best: HoldAmount | null = null;
  for (const [limit, value] of bounds) {
    if (value === null) continue;
    assertFen(value);
    // an overdrawn cap (already used past it) allows nothing, never a negative hold
    const amountFen = Math.max(0, value);
    if (best === null || amountFen < best.amountFen) best = { amountFen, limitedBy: limit };
  }
  return best as HoldAmount; // RULE is never null
}
