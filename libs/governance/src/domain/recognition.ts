import type { RecognitionLevel } from '@pilotlink/core';
import { assertTransition, TransitionTable } from '@pilotlink/core';

/**
 * Recognition (认定, SPEC §7): a platform applies for a level; a bureau approves it with a validity
 * period or rejects it; an approved recognition lapses when its valid-until date has passed.
 */
export const RECOGNITION_STATUSES = ['PENDING', 'APPROVED', 'REJECTED', 'LAPSED'] as const;
export type RecognitionStatus = (typeof RECOGNITION_STATUSES)[number];

export const RECOGNITION_TRANSITIONS: TransitionTable<RecognitionStatus> = {
  PENDING: ['APPROVED', 'REJECTED'],
  APPROVED: ['LAPSED'],
  REJECTED: [],
  LAPSED: [],
};

export function assertRecognitionTransition(from: RecognitionStatus, to: RecognitionStatus): void {
  assertTransition('Recognition', RECOGNITION_TRANSITIONS, from, to);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** An approval valid until `validUntil` (inclusive, YYYY-MM-DD) has lapsed once `today` is after it. */
export function hasLapsed(validUntil: string, today: string): boolean {
  if (!ISO_DATE.test(validUntil) || !ISO_DATE.test(today)) {
    throw new RangeError(`dates must be YYYY-MM-DD: ${validUntil}, ${today}`);
  }
  return today > validUntil; // ISO dates order as strings
}

export const BUREAU_LEVELS = ['PROVINCE', 'CITY', 'COUNTY'] as const;
export type BureauLevel = (typeof BUREAU_LEVELS)[number];

const REGION_CODE = /^[1-9]\d{5}$/;

function assertRegionCode(code: string): void {
  if (typeof code !== 'string' || !REGION_CODE.test(code)) throw new RangeError(`not a 6-digit region code: ${code}`);
}

/** 350000 is a province, 350500 a city (prefecture), 350582 a county or district. */
export function bureauLevelFor(regionCode: string): BureauLevel {
  assertRegionCode(regionCode);
  if (regionCode.endsWith('0000')) return 'PROVINCE';
  if (regionCode.endsWith('00')) return 'CITY';
  return 'COUNTY';
}

/** The part of a code its level owns: 2 digits for a province, 4 for a city, all 6 for a county. */
function regionPrefix(regionCode: string): string {
  const level = bureauLevelFor(regionCode);
  return level === 'PROVINCE' ? regionCode.slice(0, 2) : level === 'CITY' ? regionCode.slice(0, 4) : regionCode;
}

/**
 * A code covers itself and every code under it: 350000 covers 350500 and 350582; 350500 covers
 * 350582; 350582 covers only itself. Kept local so the domain does not depend on identity.
 */
export function coversRegion(covering: string, region: string): boolean {
  assertRegionCode(region);
  return region.startsWith(regionPrefix(covering));
}

/** The bureau levels that may grant each recognition level; no bureau grants NATIONAL or NONE. */
export const RECOGNISING_BUREAU_LEVELS: Readonly<Record<RecognitionLevel, readonly BureauLevel[]>> = {
  NONE: [],
  CITY: ['CITY', 'PROVINCE'],
  PROVINCE: ['PROVINCE'],
  NATIONAL: [],
};

/**
 * May this bureau record a recognition at `requestedLevel` for a platform in `platformRegion`?
 * CITY needs a city or province bureau covering the platform's region; PROVINCE needs a province
 * bureau covering it; NATIONAL is granted by ministries outside the system, so only an ADMIN may record
 * it — always false for a bureau. A `bureauLevel` that does not match the bureau's region code is
 * inconsistent data and is refused.
 */
export function canRecognise(
  bureauRegion: string,
  bureauLevel: BureauLevel,
  platformRegion: string,
  requestedLevel: RecognitionLevel,
): boolean {
  if (bureauLevelFor(bureauRegion) !== bureauLevel) return false;
  if (!(RECOGNISING_BUREAU_LEVELS[requestedLevel] ?? []).includes(bureauLevel)) return false;
  return coversRegion(bureauRegion, platformRegion);
}
