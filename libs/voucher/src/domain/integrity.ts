/** Signals for the bureau's review of a claim; they inform a person, they never decide (SPEC §6). */
export interface IntegrityFacts {
  /** Other claims in the same program with the same amount in the last 90 days. */
  sameAmountClaimsInProgram: number;
  /** Other applicants to the program whose legal representative is this applicant's. */
  otherApplicantsWithSameLegalRep: number;
  /** From contract to delivery; null when not known. */
  deliveredInDays: number | null;
  /** The service's stated lead time. */
  leadTimeDays: number;
  platformClaimsLast30Days: number;
  /** Claims per month for the platform over the 6 months before. */
  platformMonthlyAverageBefore: number;
}

export const INTEGRITY_FLAGS = ['IDENTICAL_AMOUNTS', 'SHARED_PERSON', 'FAST_DELIVERY', 'VOLUME_SPIKE'] as const;
export type IntegrityFlag = (typeof INTEGRITY_FLAGS)[number];

export const INTEGRITY_THRESHOLDS = {
  /** Two other claims of exactly the same amount look like a template, one may be chance. */
  identicalAmountOthers: 2,
  sharedPersonOthers: 1,
  /** Delivered in under a quarter of the stated lead time. */
  fastDeliveryDivisor: 4,
  /** A spike needs some absolute volume, so a quiet platform's 1 → 4 claims is not flagged. */
  volumeSpikeMinimum: 5,
  volumeSpikeFactor: 3,
} as const;

export function integrityFlags(f: IntegrityFacts): IntegrityFlag[] {
  const t = INTEGRITY_THRESHOLDS;
  const flags: [IntegrityFlag, boolean][] = [
    ['IDENTICAL_AMOUNTS', f.sameAmountClaimsInProgram >= t.identicalAmountOthers],
    ['SHARED_PERSON', f.otherApplicantsWithSameLegalRep >= t.sharedPersonOthers],
    [
      'FAST_DELIVERY',
      f.deliveredInDays !== null && f.leadTimeDays > 0 && f.deliveredInDays * t.fastDeliveryDivisor < f.leadTimeDays,
    ],
    [
      'VOLUME_SPIKE',
      f.platformClaimsLast30Days >= t.volumeSpikeMinimum &&
        f.platformClaimsLast30Days > t.volumeSpikeFactor * f.platformMonthlyAverageBefore,
    ],
  ];
  return flags.filter(([, raised]) => raised).map(([flag]) => flag);
}

/** The default share of approved claims sampled for a spot check (5 %). */
export const DEFAULT_SPOT_CHECK_BP = 500;

/** Is this claim in the sample? `random01` is uniform in [0, 1), injected so tests are deterministic. */
export function isSpotCheck(sampleBp: number, random01: number): boolean {
  return random01 < sampleBp / 10000;
}
