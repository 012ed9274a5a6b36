import {
  allowedOutcomes,
  downgradedLevel,
  gradeForScore,
  isOutcomeAllowed,
  levelAfterOutcome,
  PlatformIndicators,
  scoreIndicators,
  suggestGrade,
} from './evaluation';

const top: PlatformIndicators = {
  ordersCompleted: 120, // 20
  serviceRevenueFen: 600_000_000, // ¥6m: 20
  smesServed: 60, // 15
  externalUserShareBp: 7000, // 15
  ratingAvg: 4.6, // 10
  medianFirstQuoteMinutes: 120, // 10
  sharingRateBp: 5500, // 10
  claimsRejected: 0,
};

const atMiddleSteps: PlatformIndicators = {
  ordersCompleted: 30, // 12
  serviceRevenueFen: 100_000_000, // 12
  smesServed: 20, // 10
  externalUserShareBp: 4000, // 10
  ratingAvg: 4, // 6
  medianFirstQuoteMinutes: 1440, // 6
  sharingRateBp: 3000, // 6
  claimsRejected: 0,
};

const justUnderMiddle: PlatformIndicators = {
  ordersCompleted: 29, // 6
  serviceRevenueFen: 99_999_999, // 6
  smesServed: 19, // 5
  externalUserShareBp: 3999, // 5
  ratingAvg: 3.99, // 3
  medianFirstQuoteMinutes: 1441, // 3
  sharingRateBp: 2999, // 3
  claimsRejected: 0,
};

const nothing: PlatformIndicators = {
  ordersCompleted: 0,
  serviceRevenueFen: 0,
  smesServed: 0,
  externalUserShareBp: 0,
  ratingAvg: null,
  medianFirstQuoteMinutes: null,
  sharingRateBp: null,
  claimsRejected: 0,
};

describe('scoreIndicators and suggestGrade', () => {
  it.each([
    ['every indicator at the top step', top, [20, 20, 15, 15, 10, 10, 10], 0, 100, 'EXCELLENT'],
    ['exactly on the middle steps', atMiddleSteps, [12, 12, 10, 10, 6, 6, 6], 0, 62, 'PASS'],
    ['one short of each middle step', justUnderMiddle, [6, 6, 5, 5, 3, 3, 3], 0, 31, 'FAIL'],
    ['nothing done, nothing known', nothing, [0, 0, 0, 0, 0, 0, 0], 0, 0, 'FAIL'],
    [
      'good but not excellent (no sharing rate)',
      {
        ...top,
        serviceRevenueFen: 100_000_000,
        externalUserShareBp: 4000,
        medianFirstQuoteMinutes: 1440,
        sharingRateBp: null,
      },
      [20, 12, 15, 10, 10, 6, 0],
      0,
      73,
      'GOOD',
    ],
    ['two rejected claims cost 10', { ...top, claimsRejected: 2 }, [20, 20, 15, 15, 10, 10, 10], 10, 90, 'EXCELLENT'],
    ['four rejected claims cost 20', { ...top, claimsRejected: 4 }, [20, 20, 15, 15, 10, 10, 10], 20, 80, 'GOOD'],
    ['the penalty stops at 20', { ...top, claimsRejected: 10 }, [20, 20, 15, 15, 10, 10, 10], 20, 80, 'GOOD'],
    ['the score never goes below 0', { ...nothing, claimsRejected: 3 }, [0, 0, 0, 0, 0, 0, 0], 15, 0, 'FAIL'],
    [
      'slow quotes and low steps',
      { ...atMiddleSteps, medianFirstQuoteMinutes: 4321, ratingAvg: 3.5, sharingRateBp: 1000 },
      [12, 12, 10, 10, 3, 0, 3],
      0,
      50,
      'FAIL',
    ],
  ] as const)('%s', (_label, indicators, parts, penalty, total, grade) => {
    const score = scoreIndicators(indicators);
    expect(score.parts.map((part) => part.points)).toEqual(parts);
    expect(score.parts.map((part) => part.indicator)).toEqual([
      'ordersCompleted',
      'serviceRevenueFen',
      'smesServed',
      'externalUserShareBp',
      'ratingAvg',
      'medianFirstQuoteMinutes',
      'sharingRateBp',
    ]);
    expect(score.penalty).toBe(penalty);
    expect(score.total).toBe(total);
    expect(suggestGrade(indicators)).toBe(grade);
  });

  it.each([
    [100, 'EXCELLENT'],
    [85, 'EXCELLENT'],
    [84, 'GOOD'],
    [70, 'GOOD'],
    [69, 'PASS'],
    [60, 'PASS'],
    [59, 'FAIL'],
    [0, 'FAIL'],
  ] as const)('a score of %i is %s', (score, grade) => {
    expect(gradeForScore(score)).toBe(grade);
  });

  it.each([
    [{ ordersCompleted: -1 }],
    [{ smesServed: 1.5 }],
    [{ serviceRevenueFen: 0.5 }],
    [{ claimsRejected: -2 }],
    [{ externalUserShareBp: -1 }],
  ])('refuses bad counts %j', (bad) => {
    expect(() => scoreIndicators({ ...top, ...bad })).toThrow(RangeError);
  });
});

describe('outcomes', () => {
  it.each([
    ['EXCELLENT', ['KEEP']],
    ['GOOD', ['KEEP']],
    ['PASS', ['KEEP']],
    ['FAIL', ['DOWNGRADE', 'SUSPEND', 'DELIST']],
  ] as const)('%s allows %j', (grade, outcomes) => {
    expect(allowedOutcomes(grade)).toEqual(outcomes);
  });

  it.each([
    ['PASS', 'KEEP', true],
    ['PASS', 'DOWNGRADE', false],
    ['EXCELLENT', 'DELIST', false],
    ['FAIL', 'KEEP', false],
    ['FAIL', 'SUSPEND', true],
    ['FAIL', 'DELIST', true],
  ] as const)('%s → %s allowed: %p', (grade, outcome, expected) => {
    expect(isOutcomeAllowed(grade, outcome)).toBe(expected);
  });

  it.each([
    ['NATIONAL', 'PROVINCE'],
    ['PROVINCE', 'CITY'],
    ['CITY', 'NONE'],
    ['NONE', 'NONE'],
  ] as const)('downgrading %s gives %s', (level, lower) => {
    expect(downgradedLevel(level)).toBe(lower);
  });

  it.each([
    ['NATIONAL', 'KEEP', 'NATIONAL'],
    ['NATIONAL', 'DOWNGRADE', 'PROVINCE'],
    ['PROVINCE', 'SUSPEND', 'PROVINCE'],
    ['PROVINCE', 'DELIST', 'NONE'],
    ['CITY', 'DOWNGRADE', 'NONE'],
  ] as const)('%s after %s is %s', (level, outcome, after) => {
    expect(levelAfterOutcome(level, outcome)).toBe(after);
  });
});
