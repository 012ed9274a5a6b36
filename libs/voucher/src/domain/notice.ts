import { addCalendarDays } from './voucher-state';

/**
 * 公示 (SPEC §6): "approval … opens the public notice"; "Payment waits until the public-notice period
 * (公示) has ended; during it anyone may object (异议) through a public form". The seeds write it as
 * "经公示无异议后拨付" (公示期 e.g. 7 天).
 *
 * The notice runs from the approval day through `noticeUntil` = approval day + noticeDays (China calendar,
 * both ends included); a program with 0 notice days has no notice (`noticeUntil` null): its approved claims
 * may be paid at once and receive no objections.
 */
export function noticeUntilFor(approvedOn: string, noticeDays: number): string | null {
  if (!Number.isInteger(noticeDays) || noticeDays < 0) throw new RangeError('noticeDays must be a whole number ≥ 0');
  return noticeDays === 0 ? null : addCalendarDays(approvedOn, noticeDays);
}

/** Whether the public notice of a claim is still running on `today` (YYYY-MM-DD, China). */
export function noticeRunning(noticeUntil: string | null, today: string): boolean {
  return noticeUntil !== null && today <= noticeUntil;
}

/** The first day an approved claim may be paid: the day after its notice ends (or at once without notice). */
export function payableFrom(noticeUntil: string | null, approvedOn: string): string {
  return noticeUntil === null ? approvedOn : addCalendarDays(noticeUntil, 1);
}
