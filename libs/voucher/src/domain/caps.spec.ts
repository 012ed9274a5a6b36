import { HoldCaps, holdAmount } from './caps';
import { ReimbursementRule } from './rule';

const half: ReimbursementRule = { kind: 'RATIO', ratioBp: 5000 };
const noCaps: HoldCaps = {
  perOrderFen: null,
  smeYearRemainingFen: null,
  platformYearRemainingFen: null,
  voucherAvailableFen: 1_000_000,
};

describe('holdAmount (order 100,000 fen at 50 % → rule 50,000)', () => {
  it.each([
    ['the rule decides', {}, 50_000, 'RULE'],
    ['the voucher balance decides', { voucherAvailableFen: 30_000 }, 30_000, 'VOUCHER_BALANCE'],
    ['the per-order cap decides', { perOrderFen: 20_000, voucherAvailableFen: 30_000 }, 20_000, 'PER_ORDER_CAP'],
    ['the SME-year cap decides', { perOrderFen: 20_000, smeYearRemainingFen: 15_000 }, 15_000, 'SME_YEAR_CAP'],
    [
      'the platform-year cap decides',
      { perOrderFen: 20_000, smeYearRemainingFen: 15_000, platformYearRemainingFen: 10_000 },
      10_000,
      'PLATFORM_YEAR_CAP',
    ],
    ['a tie with the rule is the rule', { voucherAvailableFen: 50_000, perOrderFen: 50_000 }, 50_000, 'RULE'],
    [
      'a tie between caps is the earlier',
      { voucherAvailableFen: 30_000, perOrderFen: 30_000 },
      30_000,
      'VOUCHER_BALANCE',
    ],
    [
      'per order before the yearly caps',
      { perOrderFen: 40_000, smeYearRemainingFen: 40_000, platformYearRemainingFen: 40_000 },
      40_000,
      'PER_ORDER_CAP',
    ],
    ['an empty voucher holds nothing', { voucherAvailableFen: 0 }, 0, 'VOUCHER_BALANCE'],
    ['a used-up yearly cap holds nothing', { smeYearRemainingFen: 0 }, 0, 'SME_YEAR_CAP'],
    ['an overdrawn cap holds nothing, never less', { platformYearRemainingFen: -5 }, 0, 'PLATFORM_YEAR_CAP'],
  ] as const)('%s', (_label, caps, amountFen, limitedBy) => {
    expect(holdAmount(half, 100_000, { ...noCaps, ...caps })).toEqual({ amountFen, limitedBy });
  });

  it('a rule amount of 0 (50 % of 1 fen) is reported as the rule', () => {
    expect(holdAmount(half, 1, noCaps)).toEqual({ amountFen: 0, limitedBy: 'RULE' });
  });

  it('tiers then a cap: 1,500,001 → 1,250,000 by rule, 1,200,000 per order', () => {
    const tiers: ReimbursementRule = {
      kind: 'TIERS',
      tiers: [
        { uptoFen: 1_000_000, ratioBp: 10000 },
        { uptoFen: null, ratioBp: 5000 },
      ],
    };
    expect(holdAmount(tiers, 1_500_001, { ...noCaps, voucherAvailableFen: 2_000_000 })).toEqual({
      amountFen: 1_250_000,
      limitedBy: 'RULE',
    });
    expect(holdAmount(tiers, 1_500_001, { ...noCaps, voucherAvailableFen: 2_000_000, perOrderFen: 1_200_000 })).toEqual(
      { amountFen: 1_200_000, limitedBy: 'PER_ORDER_CAP' },
    );
  });

  it('refuses a fractional cap', () => {
    expect(() => holdAmount(half, 100_000, { ...noCaps, perOrderFen: 10.5 })).toThrow(RangeError);
  });
});
