import { splitByBasisPoints } from '@pilotlink/core';

export interface Share<K extends string = string> {
  key: K;
  shareBp: number;
}

/** Null when co-funder shares are usable: non-empty, each 1..10000 bp, unique keys, adding up to 10000. */
export function validateShares(shares: readonly Share[]): string | null {
  if (!Array.isArray(shares) || shares.length === 0) return 'at least one co-funder share is required';
  const keys = new Set<string>();
  let total = 0;
  for (const share of shares) {
    if (typeof share?.key !== 'string' || share.key.trim() === '') return 'each share needs a key';
    if (keys.has(share.key)) return `duplicate co-funder key: ${share.key}`;
    keys.add(share.key);
    if (!Number.isInteger(share.shareBp) || share.shareBp < 1 || share.shareBp > 10000) {
      return `share of ${share.key} must be an integer from 1 to 10000 bp`;
    }
    total += share.shareBp;
  }
  return total === 10000 ? null : `shares must add up to 10000 bp, got ${total}`;
}

/**
 * Splits a payment across co-funders so the parts add up to it exactly: each part rounded down,
 * the leftover fen one at a time to the largest remainders, ties to the earlier co-funder.
 * Deterministic, so a re-run of a payout gives the same parts. Output in input order.
 */
export function splitByShares<K extends string>(
  amountFen: number,
  shares: readonly Share<K>[],
): { key: K; amountFen: number }[] {
  const problem = validateShares(shares);
  if (problem) throw new RangeError(problem);
  if (amountFen < 0) throw new RangeError(`cannot split a negative amount: ${amountFen}`);
  const parts = splitByBasisPoints(
    amountFen,
    shares.map((share) => share.shareBp),
  );
  return shares.map((share, index) => ({ key: share.key, amountFen: parts[index] }));
}
