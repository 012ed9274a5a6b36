import { IntegrityFacts, integrityFlags, isSpotCheck } from './integrity';

const quiet: IntegrityFacts = {
  sameAmountClaimsInProgram: 0,
  otherApplicantsWithSameLegalRep: 0,
  deliveredInDays: 20,
  leadTimeDays: 20,
  platformClaimsLast30Days: 2,
  platformMonthlyAverageBefore: 2,
};

describe('integrityFlags', () => {
  it.each<[string, Partial<IntegrityFacts>, string[]]>([
    ['nothing unusual', {}, []],
    ['one other claim of the same amount', { sameAmountClaimsInProgram: 1 }, []],
    ['two others of the same amount', { sameAmountClaimsInProgram: 2 }, ['IDENTICAL_AMOUNTS']],
    ['one other applicant with the same legal rep', { otherApplicantsWithSameLegalRep: 1 }, ['SHARED_PERSON']],
    ['delivered in exactly a quarter of the lead time', { deliveredInDays: 5, leadTimeDays: 20 }, []],
    ['delivered in under a quarter', { deliveredInDays: 4, leadTimeDays: 20 }, ['FAST_DELIVERY']],
    ['delivered the same day', { deliveredInDays: 0, leadTimeDays: 1 }, ['FAST_DELIVERY']],
    ['delivery unknown', { deliveredInDays: null, leadTimeDays: 20 }, []],
    ['no stated lead time', { deliveredInDays: 0, leadTimeDays: 0 }, []],
    ['exactly 3 × the average', { platformClaimsLast30Days: 6, platformMonthlyAverageBefore: 2 }, []],
    ['above 3 × the average', { platformClaimsLast30Days: 7, platformMonthlyAverageBefore: 2 }, ['VOLUME_SPIKE']],
    ['a new platform with 4 claims', { platformClaimsLast30Days: 4, platformMonthlyAverageBefore: 0 }, []],
    [
      'a new platform with 5 claims',
      { platformClaimsLast30Days: 5, platformMonthlyAverageBefore: 0 },
      ['VOLUME_SPIKE'],
    ],
    [
      'a fractional average: 5 > 3 × 1.5',
      { platformClaimsLast30Days: 5, platformMonthlyAverageBefore: 1.5 },
      ['VOLUME_SPIKE'],
    ],
    [
      'a fractional average: 5 = 3 × 5/3 is not above',
      { platformClaimsLast30Days: 5, platformMonthlyAverageBefore: 5 / 3 },
      [],
    ],
    [
      'all at once, in order',
      {
        sameAmountClaimsInProgram: 3,
        otherApplicantsWithSameLegalRep: 2,
        deliveredInDays: 1,
        platformClaimsLast30Days: 30,
      },
      ['IDENTICAL_AMOUNTS', 'SHARED_PERSON', 'FAST_DELIVERY', 'VOLUME_SPIKE'],
    ],
  ])('%s', (_label, patch, expected) => {
    expect(integrityFlags({ ...quiet, ...patch })).toEqual(expected);
  });
});

describe('isSpotCheck', () => {
  it.each([
    [500, 0, true],
    [500, 0.0499, true],
    [500, 0.05, false],
    [500, 0.9999, false],
    [0, 0, false],
    [10000, 0.9999999, true],
  ])('sample %p bp, draw %p → %p', (sampleBp, draw, expected) => {
    expect(isSpotCheck(sampleBp, draw)).toBe(expected);
  });
});
