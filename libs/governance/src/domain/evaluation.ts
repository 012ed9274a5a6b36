import type { RecognitionLevel } from '@pilotlink/core';
import { assertFen } from '@pilotlink/core';

/**
 * Annual evaluation (绩效评价, SPEC §7): the system suggests a grade from what it knows about the
 * platform's year; the bureau decides the grade and the outcome. Everything here is a suggestion
 * and a guard, never a decision.
 */
export interface PlatformIndicators {
  ordersCompleted: number;
  /** Completed, paid orders in the year, integer fen. */
  serviceRevenueFen: number;
  smesServed: number;
  /** Share of orders from users outside the platform's own group, basis points (10000 = 100 %). */
  externalUserShareBp: number;
  /** Average rating 1..5, null when nobody rated. */
  ratingAvg: number | null;
  /** Median minutes from a demand to the platform's first quote, null when it quoted nothing. */
  medianFirstQuoteMinutes: number | null;
  /** Equipment sharing rate (共享率), basis points, null when unknown. */
  sharingRateBp: number | null;
  /** Voucher claims the bureau rejected in the year (bad or padded claims). */
  claimsRejected: number;
}

export const GRADES = ['EXCELLENT', 'GOOD', 'PASS', 'FAIL'] as const;
export type Grade = (typeof GRADES)[number];

export const EVALUATION_OUTCOMES = ['KEEP', 'DOWNGRADE', 'SUSPEND', 'DELIST'] as const;
export type EvaluationOutcome = (typeof EVALUATION_OUTCOMES)[number];

export type ScoredIndicator = Exclude<keyof PlatformIndicators, 'claimsRejected'>;

/**
 * One indicator's scale: the first step it reaches gives its points. `HIGHER` indicators reach a step
 * at `value >= threshold`; `LOWER` ones (minutes to quote) at `value <= threshold`. A null value scores 0.
 */
export interface IndicatorScale {
  indicator: ScoredIndicator;
  better: 'HIGHER' | 'LOWER';
  steps: readonly { threshold: number; points: number }[];
}

/**
 * The scoring table: at most 100 points. Steps are from best to worst.
 * ¥5,000,000 = 500_000_000 fen; 240 minutes = 4 hours, 1,440 = a day, 4,320 = three days.
 */
export const INDICATOR_SCALES: readonly IndicatorScale[] = [
  {
    indicator: 'ordersCompleted',
    better: 'HIGHER',
    steps: [
      { threshold: 100, points: 20 },
      { threshold: 30, points: 12 },
      { threshold: 10, points: 6 },
    ],
  },
  {
    indicator: 'serviceRevenueFen',
    better: 'HIGHER',
    steps: [
      { threshold: 500_000_000, points: 20 },
      { threshold: 100_000_000, points: 12 },
      { threshold: 20_000_000, points: 6 },
    ],
  },
  {
    indicator: 'smesServed',
    better: 'HIGHER',
    steps: [
      { threshold: 50, points: 15 },
      { threshold: 20, points: 10 },
      { threshold: 5, points: 5 },
    ],
  },
  {
    indicator: 'externalUserShareBp',
    better: 'HIGHER',
    steps: [
      { threshold: 6000, points: 15 },
      { threshold: 4000, points: 10 },
      { threshold: 2000, points: 5 },
    ],
  },
  {
    indicator: 'ratingAvg',
    better: 'HIGHER',
    steps: [
      { threshold: 4.5, points: 10 },
      { threshold: 4, points: 6 },
      { threshold: 3.5, points: 3 },
    ],
  },
  {
    indicator: 'medianFirstQuoteMinutes',
    better: 'LOWER',
    steps: [
      { threshold: 240, points: 10 },
      { threshold: 1440, points: 6 },
      { threshold: 4320, points: 3 },
    ],
  },
  {
    indicator: 'sharingRateBp',
    better: 'HIGHER',
    steps: [
      { threshold: 5000, points: 10 },
      { threshold: 3000, points: 6 },
      { threshold: 1000, points: 3 },
    ],
  },
];

/** Each rejected claim costs this many points, up to the maximum. */
export const REJECTED_CLAIM_PENALTY = { pointsEach: 5, maxPoints: 20 } as const;

/** The lowest score for each grade, best first; below the last is FAIL. */
export const GRADE_THRESHOLDS: readonly { grade: Exclude<Grade, 'FAIL'>; minScore: number }[] = [
  { grade: 'EXCELLENT', minScore: 85 },
  { grade: 'GOOD', minScore: 70 },
  { grade: 'PASS', minScore: 60 },
];

export interface IndicatorScore {
  parts: { indicator: ScoredIndicator; points: number }[];
  penalty: number;
  /** Sum of the parts minus the penalty, never below 0. */
  total: number;
}

function scaleScore(scale: IndicatorScale, value: number | null): number {
  if (value === null) return 0;
  const step = scale.steps.find((candidate) =>
    scale.better === 'HIGHER' ? value >= candidate.threshold : value <= candidate.threshold,
  );
  return step?.points ?? 0;
}

function assertCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer`);
}

export function scoreIndicators(indicators: PlatformIndicators): IndicatorScore {
  assertCount('ordersCompleted', indicators.ordersCompleted);
  assertFen(indicators.serviceRevenueFen);
  assertCount('smesServed', indicators.smesServed);
  assertCount('externalUserShareBp', indicators.externalUserShareBp);
  assertCount('claimsRejected', indicators.claimsRejected);
  const parts = INDICATOR_SCALES.map((scale) => ({
    indicator: scale.indicator,
    points: scaleScore(scale, indicators[scale.indicator]),
  }));
  const penalty = Math.min(
    indicators.claimsRejected * REJECTED_CLAIM_PENALTY.pointsEach,
    REJECTED_CLAIM_PENALTY.maxPoints,
  );
  const sum = parts.reduce((total, part) => total + part.points, 0);
  return { parts, penalty, total: Math.max(0, sum - penalty) };
}

export function gradeForScore(score: number): Grade {
  return GRADE_THRESHOLDS.find((threshold) => score >= threshold.minScore)?.grade ?? 'FAIL';
}

/** The grade the indicators suggest; the bureau may grade otherwise. */
export function suggestGrade(indicators: PlatformIndicators): Grade {
  return gradeForScore(scoreIndicators(indicators).total);
}

/**
 * What the bureau may decide after a grade: a platform that passes keeps its recognition; one that
 * fails may be downgraded, suspended or delisted — never kept as if nothing happened.
 */
export const OUTCOMES_BY_GRADE: Readonly<Record<Grade, readonly EvaluationOutcome[]>> = {
  EXCELLENT: ['KEEP'],
  GOOD: ['KEEP'],
  PASS: ['KEEP'],
  FAIL: ['DOWNGRADE', 'SUSPEND', 'DELIST'],
};

export function allowedOutcomes(grade: Grade): readonly EvaluationOutcome[] {
  return OUTCOMES_BY_GRADE[grade];
}

export function isOutcomeAllowed(grade: Grade, outcome: EvaluationOutcome): boolean {
  return OUTCOMES_BY_GRADE[grade].includes(outcome);
}

const DOWNGRADE: Readonly<Record<RecognitionLevel, RecognitionLevel>> = {
  NATIONAL: 'PROVINCE',
  PROVINCE: 'CITY',
  CITY: 'NONE',
  NONE: 'NONE',
};

/** One level down: NATIONAL → PROVINCE → CITY → NONE; NONE stays NONE. */
export function downgradedLevel(level: RecognitionLevel): RecognitionLevel {
  return DOWNGRADE[level];
}

/**
 * The recognition level after an outcome: DOWNGRADE one level, DELIST to NONE; KEEP and SUSPEND keep
 * the level (a suspension is a status of the platform, lifted without a new recognition).
 */
export function levelAfterOutcome(level: RecognitionLevel, outcome: EvaluationOutcome): RecognitionLevel {
  if (outcome === 'DOWNGRADE') return downgradedLevel(level);
  if (outcome === 'DELIST') return 'NONE';
  return level;
}
