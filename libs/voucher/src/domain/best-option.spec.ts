import { bestOption, rankOptions, VoucherOption } from './best-option';

const option = (
  voucherId: string,
  amountFen: number,
  validUntil = '2026-12-31',
  reasons: VoucherOption['reasons'] = [],
) => ({
  voucherId,
  programId: `program-of-${voucherId}`,
  amountFen,
  reasons,
  validUntil,
});

const ids = (options: VoucherOption[]) => options.map((o) => o.voucherId);

describe('rankOptions (就高不重复)', () => {
  it.each([
    ['the largest amount first', [option('a', 10_000), option('b', 30_000), option('c', 20_000)], ['b', 'c', 'a']],
    [
      'equal amounts: the earlier expiry first',
      [option('a', 10_000, '2026-12-31'), option('b', 10_000, '2026-09-30')],
      ['b', 'a'],
    ],
    ['equal amount and expiry: by id', [option('b', 10_000), option('a', 10_000)], ['a', 'b']],
    [
      'ineligible after eligible, however large',
      [option('a', 90_000, '2026-12-31', ['RELATED_PARTY']), option('b', 1)],
      ['b', 'a'],
    ],
    ['a zero amount counts as ineligible', [option('a', 0), option('b', 5)], ['b', 'a']],
    [
      'ineligible ones ranked the same way among themselves',
      [option('a', 1_000, '2026-12-31', ['VOUCHER_EMPTY']), option('b', 5_000, '2026-12-31', ['SME_REGION'])],
      ['b', 'a'],
    ],
  ])('%s', (_label, options, expected) => {
    expect(ids(rankOptions(options))).toEqual(expected);
  });

  it('does not reorder its input', () => {
    const input = [option('a', 1), option('b', 2)];
    rankOptions(input);
    expect(ids(input)).toEqual(['a', 'b']);
  });

  it('bestOption is the top usable option, or null', () => {
    expect(bestOption([option('a', 10), option('b', 20)])?.voucherId).toBe('b');
    expect(bestOption([option('a', 10, '2026-12-31', ['ORDER_STATE']), option('b', 0)])).toBeNull();
    expect(bestOption([])).toBeNull();
  });
});
