import { withParentFields } from '@pilotlink/core';
import { coversRegion } from '@pilotlink/identity';

export interface SubscriptionCriteria {
  fieldCodes: readonly string[];
  categories: readonly string[];
  keywords: readonly string[];
  regionCodes: readonly string[];
}

/** A demand or service as the subscriber may see it. */
export interface FitTarget {
  fieldCodes: readonly string[];
  categories: readonly string[];
  /** Only text the subscriber may see: for a SUMMARY-view demand the title, never the description. */
  text: string;
  regionCode: string | null;
}

/**
 * Every non-empty criterion must match (an empty one matches anything):
 * fields — one of the target's fields or their parents (subscribing to 新型功能材料 catches 石墨烯);
 * categories — one shared category; keywords — one keyword in the visible text (case and width
 * insensitive); regions — one subscribed region covers the target's (350500 covers 350582).
 */
export function subscriptionFits(subscription: SubscriptionCriteria, target: FitTarget): boolean {
  if (subscription.fieldCodes.length > 0) {
    const fields = new Set(withParentFields(target.fieldCodes));
    if (!subscription.fieldCodes.some((code) => fields.has(code))) return false;
  }
  if (subscription.categories.length > 0 && !subscription.categories.some((c) => target.categories.includes(c))) {
    return false;
  }
  if (subscription.keywords.length > 0) {
    const text = normalise(target.text);
    if (!subscription.keywords.some((keyword) => keyword.trim() && text.includes(normalise(keyword.trim())))) {
      return false;
    }
  }
  if (subscription.regionCodes.length > 0) {
    const region = target.regionCode;
    if (!region || !subscription.regionCodes.some((code) => coversRegion(code, region))) return false;
  }
  return true;
}

function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}
