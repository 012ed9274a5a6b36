import { createHash } from 'node:crypto';

/**
 * 居民身份证号码 (GB 11643-1999): 17 digits and an ISO 7064 MOD 11-2 check character (0–9 or X).
 * A start-up team registers with its leader's ID instead of a USCC; only a hash (for uniqueness)
 * and a masked form (for display) are stored.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function isValidResidentId(id: string): boolean {
  if (typeof id !== 'string' || !/^\d{17}[\dX]$/.test(id)) return false;
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  return CHECK[sum % 11] === id[17];
}

export function maskResidentId(id: string): string {
  return `${id.slice(0, 6)}********${id.slice(14)}`;
}

export function hashResidentId(id: string, pepper: string): string {
  return createHash('sha256').update(`${pepper}:${id}`).digest('hex');
}
