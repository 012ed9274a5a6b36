import { TransitionTable } from '@pilotlink/core';

/** One major shareholder of an org, keyed by its USCC (an org) or a stable personal key. */
export interface Shareholder {
  holderKey: string;
  holderName: string;
  /** Share held, basis points. */
  shareBp: number;
}

/**
 * The facts that decide voucher eligibility (techSme) and related-party checks (legal representative,
 * shareholders). SPEC §2: "frozen at verification: a later change is a correction request a bureau
 * approves; until then the verified values apply". Region, name and USCC are locked outright instead.
 */
export interface EligibilityFacts {
  techSme: boolean;
  legalRepresentative: string | null;
  shareholders: Shareholder[];
}

export const ELIGIBILITY_FACTS = ['techSme', 'legalRepresentative', 'shareholders'] as const;

/** The facts a correction request asks for; an absent key is left as it is. */
export type RequestedFacts = Partial<EligibilityFacts>;

export const CORRECTION_STATUSES = ['PENDING', 'APPROVED', 'REJECTED', 'CANCELLED'] as const;
export type CorrectionStatus = (typeof CORRECTION_STATUSES)[number];

/** A pending request is decided by a bureau (approved, rejected) or withdrawn by the owner; then it is closed. */
export const CORRECTION_TRANSITIONS: TransitionTable<CorrectionStatus> = {
  PENDING: ['APPROVED', 'REJECTED', 'CANCELLED'],
  APPROVED: [],
  REJECTED: [],
  CANCELLED: [],
};

/** Shareholders compared as a set: order does not matter. */
function sameShareholders(a: Shareholder[], b: Shareholder[]): boolean {
  const key = (list: Shareholder[]) =>
    JSON.stringify(
      [...list]
        .sort((x, y) => x.holderKey.localeCompare(y.holderKey))
        .map((h) => [h.holderKey, h.holderName, h.shareBp]),
    );
  return key(a) === key(b);
}

/** Only the requested facts that differ from the current ones; `{}` when the request changes nothing. */
export function changedFacts(current: EligibilityFacts, requested: RequestedFacts): RequestedFacts {
  const changed: RequestedFacts = {};
  if (requested.techSme !== undefined && requested.techSme !== current.techSme) changed.techSme = requested.techSme;
  if (requested.legalRepresentative !== undefined && requested.legalRepresentative !== current.legalRepresentative) {
    changed.legalRepresentative = requested.legalRepresentative;
  }
  if (requested.shareholders !== undefined && !sameShareholders(requested.shareholders, current.shareholders)) {
    changed.shareholders = requested.shareholders;
  }
  return changed;
}

export function isEmptyRequest(requested: RequestedFacts): boolean {
  return ELIGIBILITY_FACTS.every((fact) => requested[fact] === undefined);
}

/**
 * A later change amends the pending request: the newer value of a fact wins, facts it does not name stay
 * requested, and a fact set back to its verified value is no longer requested.
 */
export function amendRequest(
  current: EligibilityFacts,
  pending: RequestedFacts,
  requested: RequestedFacts,
): RequestedFacts {
  return changedFacts(current, { ...pending, ...requested });
}

/** Why a shareholder list cannot stand, or null. */
export function shareholderProblem(holders: Shareholder[]): string | null {
  if (holders.reduce((sum, h) => sum + h.shareBp, 0) > 10_000) return 'Shares add up to more than 100 %';
  if (new Set(holders.map((h) => h.holderKey)).size !== holders.length) return 'Each shareholder once';
  return null;
}
