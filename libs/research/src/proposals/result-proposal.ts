import { TransitionTable } from '@pilotlink/core';

/** A verification proposal: SUBMITTED until the institute accepts or declines it, or the platform withdraws it. */
export const PROPOSAL_STATUSES = ['SUBMITTED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const PROPOSAL_TRANSITIONS: TransitionTable<ProposalStatus> = {
  SUBMITTED: ['ACCEPTED', 'DECLINED', 'WITHDRAWN'],
  ACCEPTED: [],
  DECLINED: [],
  WITHDRAWN: [],
};

/** Why a proposal was declined; CHOSE_ANOTHER is set on the others when one is accepted. */
export const PROPOSAL_DECLINE_REASONS = [
  'PRICE_TOO_HIGH',
  'TIMELINE_TOO_LONG',
  'SCOPE_MISMATCH',
  'CHOSE_ANOTHER',
  'OTHER',
] as const;
export type ProposalDeclineReason = (typeof PROPOSAL_DECLINE_REASONS)[number];
