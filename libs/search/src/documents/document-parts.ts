import { INDUSTRY_FIELD_INDEX } from '@pilotlink/core';

/** The org that hosts a platform (依托单位), as far as search shows it. */
export interface HostOrg {
  name: string;
  updatedAt: Date;
}

export function fieldNames(codes: readonly string[]): string[] {
  return codes.map((code) => INDUSTRY_FIELD_INDEX.get(code)?.name).filter((name): name is string => !!name);
}

export function unixSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

export function newestMs(...dates: Date[]): number {
  return Math.max(...dates.map((date) => date.getTime()));
}

/** A response rank for platforms that never quoted: after every known time (ranking rules need a number). */
export const UNKNOWN_RESPONSE_RANK = 1_000_000_000;

/** Minutes to first quote as a ranking key: quicker first, unknown last. */
export function responseRankOf(platform: { medianFirstQuoteMinutes: number | null }): number {
  return platform.medianFirstQuoteMinutes ?? UNKNOWN_RESPONSE_RANK;
}

export function ratingOf(platform: { ratingAvg: string | null }): number | null {
  return platform.ratingAvg === null ? null : Number(platform.ratingAvg);
}
