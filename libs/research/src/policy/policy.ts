import { TransitionTable } from '@pilotlink/core';

/** 政策资讯: a bureau drafts a notice, publishes it (public, searchable) and may archive it (still readable by link). */
export const POLICY_STATUSES = ['DRAFT', 'PUBLISHED', 'ARCHIVED'] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];

export const POLICY_TRANSITIONS: TransitionTable<PolicyStatus> = {
  DRAFT: ['PUBLISHED'],
  PUBLISHED: ['ARCHIVED'],
  ARCHIVED: [],
};

/** An attachment or web page the notice links to (the original document on the bureau's site, 解读, forms). */
export interface PolicyLink {
  title: string;
  url: string;
}
