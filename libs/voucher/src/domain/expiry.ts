import { addCalendarDays } from './voucher-state';

/**
 * SPEC §6 releases: "A hold on an order contracted before the voucher expired survives expiry until its
 * claim window (program setting, default 90 days after completion) ends; only holds on orders not yet
 * contracted are released at expiry."
 */
export const DEFAULT_CLAIM_WINDOW_DAYS = 90;

export interface HoldAtExpiry {
  /** China date the order was contracted (both parties confirmed), null if it never was. */
  contractedOn: string | null;
  /** China date the order was completed, null if not yet. */
  completedOn: string | null;
  voucherValidUntil: string;
  claimWindowDays: number;
  today: string;
}

/** The last day a claim may be filed for a surviving hold: completion + the claim window; null until completed. */
export function claimBy(completedOn: string | null, claimWindowDays: number): string | null {
  return completedOn === null ? null : addCalendarDays(completedOn, claimWindowDays);
}

/** Whether a surviving hold's claim window has passed on `today`. */
export function claimWindowLapsed(completedOn: string | null, claimWindowDays: number, today: string): boolean {
  const last = claimBy(completedOn, claimWindowDays);
  return last !== null && today > last;
}

/**
 * What expiry does to an unclaimed hold: SURVIVE if its order was contracted on or before the voucher's
 * last valid day and its claim window (if the order is completed) has not passed; else RELEASE.
 */
export function holdFateAtExpiry(h: HoldAtExpiry): 'SURVIVE' | 'RELEASE' {
  if (h.contractedOn === null || h.contractedOn > h.voucherValidUntil) return 'RELEASE';
  return claimWindowLapsed(h.completedOn, h.claimWindowDays, h.today) ? 'RELEASE' : 'SURVIVE';
}
