/**
 * Money is integer fen (分) everywhere; PostgreSQL `bigint` arrives from `pg` as a string, so it is
 * parsed here with a safe-integer check instead of trusting Number().
 */
export function parseFen(value: string | number | bigint | null | undefined): number {
  if (value === null || value === undefined) throw new TypeError('fen value is missing');
  const asNumber = typeof value === 'string' ? Number(value) : Number(value);
  if (!Number.isSafeInteger(asNumber) || (typeof value === 'string' && !/^-?\d+$/.test(value))) {
    throw new RangeError(`not an integer fen amount: ${String(value)}`);
  }
  return asNumber;
}

/** The share of `amountFen` at `bp` basis points (10000 = 100 %), rounded down: subsidies never round up. */
export function applyBasisPoints(amountFen: number, bp: number): number {
  assertFen(amountFen);
  if (!Number.isInteger(bp) || bp < 0) throw new RangeError(`basis points must be a non-negative integer: ${bp}`);
  return Number((BigInt(amountFen) * BigInt(bp)) / 10000n);
}

/**
 * Splits `amountFen` by shares in basis points (summing to 10000) so the parts add up exactly:
 * each part is rounded down, then the leftover fen go one by one to the largest remainders
 * (ties to the earlier share) — deterministic, so a re-run gives the same split.
 */
export function splitByBasisPoints(amountFen: number, sharesBp: readonly number[]): number[] {
  assertFen(amountFen);
  const totalBp = sharesBp.reduce((sum, bp) => sum + bp, 0);
  if (totalBp !== 10000) throw new RangeError(`shares must add up to 10000 bp, got ${totalBp}`);
  const exact = sharesBp.map((bp) => BigInt(amountFen) * BigInt(bp));
  const parts = exact.map((value) => Number(value / 10000n));
  let leftover = amountFen - parts.reduce((sum, part) => sum + part, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: Number(value % 10000n) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (leftover === 0) break;
    parts[index] += 1;
    leftover -= 1;
  }
  return parts;
}

export function assertFen(amountFen: number): void {
  if (!Number.isSafeInteger(amountFen)) throw new RangeError(`not an integer fen amount: ${amountFen}`);
}
