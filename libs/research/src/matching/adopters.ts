import { withParentFields } from '@pilotlink/core';

/** One SME subscription, as adopter matching reads it. */
export interface AdopterSubscription {
  orgId: string;
  fieldCodes: readonly string[];
  keywords: readonly string[];
}

export interface AdopterReasons {
  /** Subscribed fields the result is in (its own field, or a parent of it). */
  fields: string[];
  /** Subscribed keywords found in the result's text. */
  keywords: string[];
}

export interface RankedAdopter {
  orgId: string;
  score: number;
  reasons: AdopterReasons;
}

/**
 * SMEs that may adopt a result (潜在承接企业, issue 21): those subscribed to its field (or a parent of it) or to a
 * keyword its text contains. Score: 0.6 for the result's own field, 0.4 for a parent field, plus 0.1 a keyword
 * (at most 0.4); best first, ties by org id so the order is stable.
 */
export function rankAdopters(
  result: { fieldCode: string; text: string },
  subscriptions: readonly AdopterSubscription[],
): RankedAdopter[] {
  const fields = new Set(withParentFields([result.fieldCode]));
  const text = result.text.toLowerCase();
  const byOrg = new Map<string, AdopterReasons>();
  for (const sub of subscriptions) {
    const reasons = byOrg.get(sub.orgId) ?? { fields: [], keywords: [] };
    for (const code of sub.fieldCodes)
      if (fields.has(code) && !reasons.fields.includes(code)) reasons.fields.push(code);
    for (const word of sub.keywords) {
      if (word.trim() && text.includes(word.trim().toLowerCase()) && !reasons.keywords.includes(word)) {
        reasons.keywords.push(word);
      }
    }
    byOrg.set(sub.orgId, reasons);
  }
  return [...byOrg]
    .filter(([, reasons]) => reasons.fields.length > 0 || reasons.keywords.length > 0)
    .map(([orgId, reasons]) => {
      const fieldScore = reasons.fields.includes(result.fieldCode) ? 0.6 : reasons.fields.length ? 0.4 : 0;
      const score = Math.round((fieldScore + Math.min(0.4, reasons.keywords.length * 0.1)) * 100) / 100;
      return { orgId, score, reasons: { fields: reasons.fields.sort(), keywords: reasons.keywords } };
    })
    .sort((a, b) => b.score - a.score || a.orgId.localeCompare(b.orgId));
}
