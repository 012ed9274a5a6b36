import { TransitionTable } from '@pilotlink/core';

export const ORG_KINDS = ['SME', 'PLATFORM_OPERATOR', 'BUREAU', 'ADMIN'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/** Kinds that may sign themselves up; bureaus are created by an admin, admins by the operator. */
export const SELF_REGISTERING_KINDS = ['SME', 'PLATFORM_OPERATOR'] as const;
export type SelfRegisteringKind = (typeof SELF_REGISTERING_KINDS)[number];

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

export const USER_ROLES = ['OWNER', 'MEMBER'] as const;
export type UserRole = (typeof USER_ROLES)[number];
