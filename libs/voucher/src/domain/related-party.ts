/** What decides whether an SME and a platform's host org are related parties (关联交易). */
export interface PartyFacts {
  orgId: string;
  /** 统一社会信用代码 */
  uscc: string | null;
  /** 法定代表人 */
  legalRepresentative: string | null;
  shareholders: readonly { holderKey: string; shareBp: number }[];
}

export const RELATED_PARTY_REASONS = [
  'SAME_ORG',
  'SAME_USCC',
  'SAME_LEGAL_REPRESENTATIVE',
  'COMMON_MAJOR_SHAREHOLDER',
] as const;
export type RelatedPartyReason = (typeof RELATED_PARTY_REASONS)[number];

/** A shareholder holding at least half of an org controls it. */
export const MAJOR_SHAREHOLDER_BP = 5000;

/** Trimmed and case-folded; blank = unknown, and unknown never matches anything. */
function normalise(value: string | null | undefined): string | null {
  const trimmed = (value ?? '').trim().toUpperCase();
  return trimmed === '' ? null : trimmed;
}

function majorHolders(party: PartyFacts): Set<string> {
  const byKey = new Map<string, number>();
  for (const { holderKey, shareBp } of party.shareholders) {
    const key = normalise(holderKey);
    if (key !== null) byKey.set(key, (byKey.get(key) ?? 0) + shareBp);
  }
  return new Set([...byKey].filter(([, bp]) => bp >= MAJOR_SHAREHOLDER_BP).map(([key]) => key));
}

/** The first reason the two orgs are related (in `RELATED_PARTY_REASONS` order), or null. */
export function relatedPartyReason(sme: PartyFacts, host: PartyFacts): RelatedPartyReason | null {
  if (sme.orgId === host.orgId) return 'SAME_ORG';
  const smeUscc = normalise(sme.uscc);
  if (smeUscc !== null && smeUscc === normalise(host.uscc)) return 'SAME_USCC';
  const smeRep = normalise(sme.legalRepresentative);
  if (smeRep !== null && smeRep === normalise(host.legalRepresentative)) return 'SAME_LEGAL_REPRESENTATIVE';
  const hostMajors = majorHolders(host);
  for (const key of majorHolders(sme)) if (hostMajors.has(key)) return 'COMMON_MAJOR_SHAREHOLDER';
  return null;
}
