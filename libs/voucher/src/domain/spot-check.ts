/**
 * Spot checks (SPEC §6): "a random sample of approved claims (default 5 %) marked for spot checks"; "A
 * failed spot check can revoke a voucher (REVOKED)". Issue 16: "a failed check can revoke the voucher
 * (REVOKED), returning its unheld balance to the budget, and marks the SME for the bureau's attention on
 * later applications."
 */
export type SpotCheckResult = 'PASS' | 'FAIL';

/** Why a spot check cannot be recorded on a claim, or null: sampled, approved (or paid), not yet checked. */
export function spotCheckRefusal(
  claim: { spotCheck: boolean; status: string },
  alreadyChecked: boolean,
): 'NOT_SAMPLED' | 'NOT_APPROVED' | 'ALREADY_CHECKED' | null {
  if (!claim.spotCheck) return 'NOT_SAMPLED';
  if (!['APPROVED', 'UNDER_OBJECTION', 'PAID'].includes(claim.status)) return 'NOT_APPROVED';
  return alreadyChecked ? 'ALREADY_CHECKED' : null;
}

/** Only a failed check may revoke; a voucher already EXPIRED or REVOKED has nothing to revoke. */
export function mayRevoke(result: SpotCheckResult, voucherStatus: string): boolean {
  return result === 'FAIL' && (voucherStatus === 'ACTIVE' || voucherStatus === 'EXHAUSTED');
}
