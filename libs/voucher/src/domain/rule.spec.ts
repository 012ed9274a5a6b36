import { ReimbursementRule, ruleAmountFen, validateRule } from './rule';

const ratio = (ratioBp: number): ReimbursementRule => ({ kind: 'RATIO', ratioBp });
// 100 % of the first ¥10,000, 50 % above
const tenThousandThenHalf: ReimbursementRule = {
  kind: 'TIERS',
  tiers: [
    { uptoFen: 1_000_000, ratioBp: 10000 },
    { uptoFen: null, ratioBp: 5000 },
  ],
};
// 80 % up to ¥1,000, 50 % from ¥1,000 to ¥3,000, 20 % above
const threeTiers: ReimbursementRule = {
  kind: 'TIERS',
  tiers: [
    { uptoFen: 100_000, ratioBp: 8000 },
    { uptoFen: 300_000, ratioBp: 5000 },
    { uptoFen: null, ratioBp: 2000 },
  ],
};
const halfHalf: ReimbursementRule = {
  kind: 'TIERS',
  tiers: [
    { uptoFen: 3, ratioBp: 5000 },
    { uptoFen: null, ratioBp: 5000 },
  ],
};

describe('ruleAmountFen', () => {
  it.each([
    ['30 % of 33,333 rounds down', ratio(3000), 33_333, 9_999],
    ['30 % of 100,000', ratio(3000), 100_000, 30_000],
    ['30 % of 4 (1.2)', ratio(3000), 4, 1],
    ['30 % of 1 (0.3)', ratio(3000), 1, 0],
    ['nothing of nothing', ratio(3000), 0, 0],
    ['100 %', ratio(10000), 12_345, 12_345],
    ['0.01 % of 9,999', ratio(1), 9_999, 0],
    ['0.01 % of 10,000', ratio(1), 10_000, 1],
    ['exact beyond 2^53: 99.99 % of 900,000,000,000,001', ratio(9999), 900_000_000_000_001, 899_910_000_000_000],
    ['tiers: inside the first', tenThousandThenHalf, 500_000, 500_000],
    ['tiers: exactly the first', tenThousandThenHalf, 1_000_000, 1_000_000],
    ['tiers: 1 fen above (0.5 rounds down)', tenThousandThenHalf, 1_000_001, 1_000_000],
    ['tiers: 2 fen above', tenThousandThenHalf, 1_000_002, 1_000_001],
    ['tiers: 1,500,001', tenThousandThenHalf, 1_500_001, 1_250_000],
    ['tiers: 3,000,000', tenThousandThenHalf, 3_000_000, 2_000_000],
    ['three tiers: 80,000 + 100,000 + 30,001 (of 30,001.4)', threeTiers, 450_007, 210_001],
    ['three tiers: inside the second', threeTiers, 200_001, 130_000],
    ['each tier rounds down on its own: 1 + 1, not 3', halfHalf, 6, 2],
  ])('%s', (_label, rule, amount, expected) => {
    expect(ruleAmountFen(rule, amount)).toBe(expected);
  });

  it('refuses a fractional or unsafe amount', () => {
    expect(() => ruleAmountFen(ratio(3000), 10.5)).toThrow(RangeError);
    expect(() => ruleAmountFen(ratio(3000), 2 ** 53)).toThrow(RangeError);
  });
});

describe('validateRule', () => {
  it.each([
    [ratio(3000)],
    [ratio(1)],
    [ratio(10000)],
    [tenThousandThenHalf],
    [threeTiers],
    [{ kind: 'TIERS', tiers: [{ uptoFen: null, ratioBp: 4000 }] }],
  ])('accepts %j', (rule) => {
    expect(validateRule(rule)).toBeNull();
  });

  it.each([
    [null, /object/],
    [{ kind: 'PERCENT', ratioBp: 3000 }, /kind/],
    [ratio(0), /ratioBp/],
    [ratio(10001), /ratioBp/],
    [ratio(12.5), /ratioBp/],
    [{ kind: 'RATIO', ratioBp: '3000' }, /ratioBp/],
    [{ kind: 'TIERS', tiers: [] }, /non-empty/],
    [{ kind: 'TIERS' }, /non-empty/],
    [{ kind: 'TIERS', tiers: [{ uptoFen: 100, ratioBp: 5000 }] }, /last tier/],
    [
      {
        kind: 'TIERS',
        tiers: [
          { uptoFen: 100, ratioBp: 5000 },
          { uptoFen: 100, ratioBp: 4000 },
          { uptoFen: null, ratioBp: 3000 },
        ],
      },
      /tier 2: uptoFen/,
    ],
    [
      {
        kind: 'TIERS',
        tiers: [
          { uptoFen: null, ratioBp: 5000 },
          { uptoFen: null, ratioBp: 4000 },
        ],
      },
      /tier 1: uptoFen/,
    ],
    [
      {
        kind: 'TIERS',
        tiers: [
          { uptoFen: 0, ratioBp: 5000 },
          { uptoFen: null, ratioBp: 4000 },
        ],
      },
      /tier 1: uptoFen/,
    ],
    [
      {
        kind: 'TIERS',
        tiers: [
          { uptoFen: 100, ratioBp: 0 },
          { uptoFen: null, ratioBp: 4000 },
        ],
      },
      /tier 1: ratioBp/,
    ],
  ])('refuses %j', (rule, message) => {
    expect(validateRule(rule)).toMatch(message);
  });
});
