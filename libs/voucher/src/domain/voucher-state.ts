import { assertFen, assertTransition, TransitionTable } from '@pilotlink/core';

/** SPEC §6: ACTIVE → EXHAUSTED | EXPIRED | REVOKED. EXHAUSTED goes back to ACTIVE if its balance does. */
export const VOUCHER_STATUSES = ['ACTIVE', 'EXHAUSTED', 'EXPIRED', 'REVOKED'] as const;
export type VoucherStatus = (typeof VOUCHER_STATUSES)[number];

export const VOUCHER_TRANSITIONS: TransitionTable<VoucherStatus> = {
  ACTIVE: ['EXHAUSTED', 'EXPIRED', 'REVOKED'],
  EXHAUSTED: ['ACTIVE', 'EXPIRED', 'REVOKED'],
  EXPIRED: [],
  REVOKED: [],
};

export function assertVoucherTransition(from: VoucherStatus, to: VoucherStatus): void {
  assertTransition('Voucher', VOUCHER_TRANSITIONS, from, to);
}

/**
 * The status a voucher should have for its balance (available + held): nothing left is EXHAUSTED,
 * anything left is ACTIVE; EXPIRED and REVOKED are final whatever the balance.
 */
export function voucherStatusFor(balanceFen: number, current: VoucherStatus): VoucherStatus {
  assertFen(balanceFen);
  if (balanceFen < 0) throw new RangeError(`a voucher balance cannot be negative: ${balanceFen}`);
  if (current === 'EXPIRED' || current === 'REVOKED') return current;
  return balanceFen > 0 ? 'ACTIVE' : 'EXHAUSTED';
}

export const APPLICATION_STATUSES = ['PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** The SME may withdraw a pending application (then, or after a rejection, apply again). */
export const APPLICATION_TRANSITIONS: TransitionTable<ApplicationStatus> = {
  PENDING: ['APPROVED', 'REJECTED', 'WITHDRAWN'],
  APPROVED: [],
  REJECTED: [],
  WITHDRAWN: [],
};

/**
 * Issue 16: "One open application per SME per program (409 APPLICATION_EXISTS); a rejected or withdrawn
 * one may be followed by a new one." Open = PENDING, awaiting the bureau: an approved application is
 * decided (its voucher's use is bounded by the program's caps per SME), so it does not block a new one.
 */
export function blocksNewApplication(status: ApplicationStatus): boolean {
  return status === 'PENDING';
}

export function assertApplicationTransition(from: ApplicationStatus, to: ApplicationStatus): void {
  assertTransition('VoucherApplication', APPLICATION_TRANSITIONS, from, to);
}

/**
 * A hold is HELD on an order, CLAIMED once a claim is filed, CONVERTED into a payable when the claim
 * is approved; a rejected claim, a cancelled order or an expired voucher RELEASE it.
 */
export const HOLD_STATUSES = ['HELD', 'CLAIMED', 'CONVERTED', 'RELEASED'] as const;
export type HoldStatus = (typeof HOLD_STATUSES)[number];

export const HOLD_TRANSITIONS: TransitionTable<HoldStatus> = {
  HELD: ['CLAIMED', 'RELEASED'],
  CLAIMED: ['CONVERTED', 'RELEASED'],
  // an objection upheld during the public notice rejects the approved claim: its payable goes back
  CONVERTED: ['RELEASED'],
  RELEASED: [],
};

/** Holds that still reserve voucher balance (the ledger's HOLD account equals their sum). */
export const LIVE_HOLD_STATUSES: readonly HoldStatus[] = ['HELD', 'CLAIMED'];

export function assertHoldTransition(from: HoldStatus, to: HoldStatus): void {
  assertTransition('VoucherHold', HOLD_TRANSITIONS, from, to);
}

export const CLAIM_STATUSES = ['SUBMITTED', 'APPROVED', 'UNDER_OBJECTION', 'REJECTED', 'PAID'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/**
 * SPEC §6: "Payment waits until the public-notice period (公示) has ended; during it anyone may object
 * (异议) through a public form, and the bureau upholds (claim rejected) or dismisses the objection."
 */
export const CLAIM_TRANSITIONS: TransitionTable<ClaimStatus> = {
  SUBMITTED: ['APPROVED', 'REJECTED'],
  APPROVED: ['PAID', 'UNDER_OBJECTION'],
  UNDER_OBJECTION: ['APPROVED', 'REJECTED'],
  REJECTED: [],
  PAID: [],
};

export function assertClaimTransition(from: ClaimStatus, to: ClaimStatus): void {
  assertTransition('Claim', CLAIM_TRANSITIONS, from, to);
}

const DAY_MS = 86_400_000;

/** Adds calendar days to a YYYY-MM-DD date (UTC arithmetic, so no time-zone or DST drift). */
export function addCalendarDays(date: string, days: number): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const time = Date.parse(`${date}T00:00:00Z`);
  // the round trip refuses dates such as 2026-02-30 that Date would roll over into March
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  }
  return new Date(time + days * DAY_MS).toISOString().slice(0, 10);
}

/** A voucher issued on `issuedOn` for `validityDays` days is valid on both end dates: 30 days from 03-01 ends 03-30. */
export function voucherValidity(issuedOn: string, validityDays: number): { validFrom: string; validUntil: string } {
  if (!Number.isInteger(validityDays) || validityDays < 1) throw new RangeError('validityDays must be at least 1');
  return { validFrom: issuedOn, validUntil: addCalendarDays(issuedOn, validityDays - 1) };
}
