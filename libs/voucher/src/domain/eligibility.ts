import { RecognitionLevel, withParentFields } from '@pilotlink/core';
import { coversRegion } from '@pilotlink/identity';
import { meetsRecognition, servicePurposes } from './program';

/** Why a voucher cannot be held on an order, in the order they are reported. */
export const INELIGIBLE_REASONS = [
  'PROGRAM_NOT_OPEN',
  'VOUCHER_NOT_ACTIVE',
  'VOUCHER_EXPIRED',
  'VOUCHER_NOT_YET_VALID',
  'VOUCHER_EMPTY',
  'SME_NOT_TECH_SME',
  'SME_IS_TEAM',
  'SME_REGION',
  'SME_FIELD',
  'CATEGORY_NOT_ELIGIBLE',
  'PURPOSE_EXCLUDED',
  'PLATFORM_NOT_LISTED',
  'PLATFORM_NOT_IN_PROGRAM',
  'RECOGNITION_TOO_LOW',
  'ORDER_STATE',
  'RELATED_PARTY',
  'PER_ORDER_CAP_REACHED',
  'SME_YEAR_CAP_REACHED',
  'PLATFORM_YEAR_CAP_REACHED',
  'PAIR_ALREADY_SUBSIDISED',
] as const;
export type IneligibleReason = (typeof INELIGIBLE_REASONS)[number];

/** Order states before COMPLETED in which a hold may be placed (SPEC §6 "any state before COMPLETED"). */
export const HOLDABLE_ORDER_STATUSES = [
  'REQUESTED',
  'ACCEPTED',
  'CONTRACTED',
  'IN_PROGRESS',
  'DELIVERED',
  'DISPUTED',
] as const;

/** The program's eligibility settings; an empty list means "any". */
export interface EligibilityProgram {
  status: string;
  smeTechOnly: boolean;
  smeTeamsAllowed: boolean;
  /** A code covers the regions under it (350500 泉州市 covers 350582 晋江市). */
  smeRegionCodes: readonly string[];
  /** Matched against the order's service fields; a sub-field counts for its parent. */
  smeFieldCodes: readonly string[];
  eligibleCategories: readonly string[];
  excludedPurposes: readonly string[];
  /** The program's 服务机构库; empty = any LISTED platform. */
  platformIds: readonly string[];
  minRecognitionLevel: RecognitionLevel;
  onePerPair: boolean;
}

export interface EligibilityFacts {
  sme: { techSme: boolean; isTeam: boolean; regionCode: string };
  service: { category: string; fieldCodes: readonly string[]; voucherEligible: boolean };
  platform: { id: string; status: string; recognitionLevel: string };
  order: { status: string };
  /** Absent when asking whether a program (not a particular voucher) could cover the order. */
  voucher?: { status: string; validFrom: string; validUntil: string; availableFen: number };
  /** YYYY-MM-DD, China time; voucher dates are inclusive. */
  today: string;
  relatedParty: boolean;
  pairAlreadySubsidised: boolean;
  /** What is left under each cap (null = no cap); absent = not checked here. */
  capsRemaining?: { perOrderFen: number | null; smeYearFen: number | null; platformYearFen: number | null };
}

function capReached(remaining: number | null | undefined): boolean {
  return remaining !== null && remaining !== undefined && remaining <= 0;
}

/**
 * Every reason the voucher/program cannot cover the order, in the order of `INELIGIBLE_REASONS`;
 * empty = eligible. Each voucher status maps to one reason: REVOKED → NOT_ACTIVE, EXPIRED → EXPIRED,
 * EXHAUSTED → EMPTY.
 */
export function ineligibleReasons(program: EligibilityProgram, facts: EligibilityFacts): IneligibleReason[] {
  const { sme, service, platform, order, voucher, today } = facts;
  const checks: [IneligibleReason, boolean][] = [
    ['PROGRAM_NOT_OPEN', program.status !== 'OPEN'],
    ['VOUCHER_NOT_ACTIVE', !!voucher && !['ACTIVE', 'EXHAUSTED', 'EXPIRED'].includes(voucher.status)],
    ['VOUCHER_EXPIRED', !!voucher && (voucher.status === 'EXPIRED' || today > voucher.validUntil)],
    ['VOUCHER_NOT_YET_VALID', !!voucher && today < voucher.validFrom],
    ['VOUCHER_EMPTY', !!voucher && (voucher.status === 'EXHAUSTED' || voucher.availableFen <= 0)],
    ['SME_NOT_TECH_SME', program.smeTechOnly && !sme.techSme],
    ['SME_IS_TEAM', !program.smeTeamsAllowed && sme.isTeam],
    [
      'SME_REGION',
      program.smeRegionCodes.length > 0 && !program.smeRegionCodes.some((code) => coversRegion(code, sme.regionCode)),
    ],
    [
      'SME_FIELD',
      program.smeFieldCodes.length > 0 &&
        !withParentFields(service.fieldCodes).some((code) => program.smeFieldCodes.includes(code)),
    ],
    [
      'CATEGORY_NOT_ELIGIBLE',
      program.eligibleCategories.length > 0 && !program.eligibleCategories.includes(service.category),
    ],
    ['PURPOSE_EXCLUDED', servicePurposes(service).some((purpose) => program.excludedPurposes.includes(purpose))],
    ['PLATFORM_NOT_LISTED', platform.status !== 'LISTED'],
    ['PLATFORM_NOT_IN_PROGRAM', program.platformIds.length > 0 && !program.platformIds.includes(platform.id)],
    ['RECOGNITION_TOO_LOW', !meetsRecognition(platform.recognitionLevel, program.minRecognitionLevel)],
    ['ORDER_STATE', !(HOLDABLE_ORDER_STATUSES as readonly string[]).includes(order.status)],
    ['RELATED_PARTY', facts.relatedParty],
    ['PER_ORDER_CAP_REACHED', capReached(facts.capsRemaining?.perOrderFen)],
    ['SME_YEAR_CAP_REACHED', capReached(facts.capsRemaining?.smeYearFen)],
    ['PLATFORM_YEAR_CAP_REACHED', capReached(facts.capsRemaining?.platformYearFen)],
    ['PAIR_ALREADY_SUBSIDISED', program.onePerPair && facts.pairAlreadySubsidised],
  ];
  return checks.filter(([, applies]) => applies).map(([reason]) => reason);
}
