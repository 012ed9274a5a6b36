import { BUREAU_DUTIES, TransitionTable } from '@pilotlink/core';
import type { OrgKind, UserRole } from '@pilotlink/core';

export const ORG_SIZES = ['MICRO', 'SMALL', 'MEDIUM', 'LARGE'] as const;
export type OrgSize = (typeof ORG_SIZES)[number];

export const VERIFICATION_STATUSES = ['PENDING', 'VERIFIED', 'REJECTED'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

/**
 * Verification review: a rejected org that corrects its data goes back to PENDING; a verified org
 * stays verified (its identity fields are locked instead).
 */
export const VERIFICATION_TRANSITIONS: TransitionTable<VerificationStatus> = {
  PENDING: ['VERIFIED', 'REJECTED'],
  REJECTED: ['PENDING', 'VERIFIED'],
  VERIFIED: [],
};

/** Whether a user of an org of this kind may hold the role. */
export function roleAllowedIn(kind: OrgKind, role: UserRole): boolean {
  return kind === 'BUREAU' || !(BUREAU_DUTIES as readonly string[]).includes(role);
}
