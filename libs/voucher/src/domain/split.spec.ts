import { splitByShares, validateShares } from './split';

describe('splitByShares', () => {
  it.each([
    ['100 over 3334/3333/3333', 100, [3334, 3333, 3333], [34, 33, 33]],
    ['1 over 5000/5000: the tie goes to the first', 1, [5000, 5000], [1, 0]],
    ['3 over 5000/5000', 3, [5000, 5000], [2, 1]],
    ['100,001 over 5000/5000', 100_001, [5000, 5000], [50_001, 50_000]],
    ['10 over 3333/3333/3334: the largest remainder is last', 10, [3333, 3333, 3334], [3, 3, 4]],
    ['7 over 1/9999', 7, [1, 9999], [0, 7]],
    ['1,000,000,007 over 2500/2500/5000', 1_000_000_007, [2500, 2500, 5000], [250_000_002, 250_000_002, 500_000_003]],
    ['nothing', 0, [5000, 5000], [0, 0]],
    ['one co-funder takes all', 12_345, [10000], [12_345]],
  ])('%s', (_label, amount, sharesBp, expected) => {
    const shares = sharesBp.map((shareBp, index) => ({ key: `F${index}`, shareBp }));
    const parts = splitByShares(amount, shares);
    expect(parts.map((part) => part.amountFen)).toEqual(expected);
    expect(parts.map((part) => part.key)).toEqual(shares.map((share) => share.key));
  });

  it('keeps the keys with their parts in input order', () => {
    expect(
      splitByShares(1, [
        { key: 'jinjiang', shareBp: 5000 },
        { key: 'quanzhou', shareBp: 5000 },
      ]),
    ).toEqual([
      { key: 'jinjiang', amountFen: 1 },
      { key: 'quanzhou', amountFen: 0 },
    ]);
  });

  it.each([
    [[{ key: 'A', shareBp: 9999 }]],
    [[]],
    [
      [
        { key: 'A', shareBp: 5000 },
        { key: 'A', shareBp: 5000 },
      ],
    ],
  ])('refuses bad shares %j', (shares) => {
    expect(() => splitByShares(100, shares)).toThrow(RangeError);
  });

  it('refuses a negative or fractional amount', () => {
    expect(() => splitByShares(-1, [{ key: 'A', shareBp: 10000 }])).toThrow(RangeError);
    expect(() => splitByShares(1.5, [{ key: 'A', shareBp: 10000 }])).toThrow(RangeError);
  });
});

describe('validateShares', () => {
  it.each([
    [[{ key: 'A', shareBp: 10000 }], null],
    [
      [
        { key: 'A', shareBp: 5000 },
        { key: 'B', shareBp: 5000 },
      ],
      null,
    ],
    [[], /at least one/],
    [
      [
        { key: 'A', shareBp: 6000 },
        { key: 'B', shareBp: 3000 },
      ],
      /got 9000/,
    ],
    [
      [
        { key: 'A', shareBp: 6000 },
        { key: 'A', shareBp: 4000 },
      ],
      /duplicate/,
    ],
    [
      [
        { key: 'A', shareBp: 10000 },
        { key: 'B', shareBp: 0 },
      ],
      /1 to 10000/,
    ],
    [
      [
        { key: 'A', shareBp: 5000.5 },
        { key: 'B', shareBp: 4999.5 },
      ],
      /1 to 10000/,
    ],
    [[{ key: ' ', shareBp: 10000 }], /key/],
  ])('%j → %p', (shares, expected) => {
    if (expected === null) expect(validateShares(shares)).toBeNull();
    else expect(validateShares(shares)).toMatch(expected);
  });
});
