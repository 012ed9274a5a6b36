import { ipTermsProblems, splitByIpTerms } from './ip-terms';

describe('IP terms', () => {
  it('a shared split gives the buyer its share rounded down to the fen and the platform the rest', () => {
    expect(splitByIpTerms(10_000, { ipOwnership: 'SHARED', ipBuyerShareBp: 6_000 })).toEqual({
      buyerFen: 6_000,
      platformFen: 4_000,
    });
    expect(splitByIpTerms(1, { ipOwnership: 'SHARED', ipBuyerShareBp: 5_000 })).toEqual({
      buyerFen: 0,
      platformFen: 1,
    });
    expect(splitByIpTerms(333, { ipOwnership: 'SHARED', ipBuyerShareBp: 3_333 })).toEqual({
      buyerFen: 110,
      platformFen: 223,
    });
    // Large amounts stay exact (no float rounding).
    const big = 9_007_199_254_740_991;
    const split = splitByIpTerms(big, { ipOwnership: 'SHARED', ipBuyerShareBp: 9_999 })!;
    expect(split.buyerFen + split.platformFen).toBe(big);
    for (let amount = 0; amount < 500; amount += 7) {
      const s = splitByIpTerms(amount, { ipOwnership: 'SHARED', ipBuyerShareBp: 2_501 })!;
      expect(s.buyerFen + s.platformFen).toBe(amount);
      expect(s.buyerFen).toBe(Math.floor((amount * 2_501) / 10_000));
    }
  });

  it('sole ownership takes all; as-per-contract decides nothing; bad shares are refused', () => {
    expect(splitByIpTerms(500, { ipOwnership: 'BUYER', ipBuyerShareBp: null })).toEqual({
      buyerFen: 500,
      platformFen: 0,
    });
    expect(splitByIpTerms(500, { ipOwnership: 'PLATFORM', ipBuyerShareBp: null })).toEqual({
      buyerFen: 0,
      platformFen: 500,
    });
    expect(splitByIpTerms(500, { ipOwnership: 'PER_CONTRACT', ipBuyerShareBp: null })).toBeNull();
    expect(() => splitByIpTerms(500, { ipOwnership: 'SHARED', ipBuyerShareBp: 10_000 })).toThrow(RangeError);
    expect(() => splitByIpTerms(1.5, { ipOwnership: 'BUYER', ipBuyerShareBp: null })).toThrow(RangeError);
  });

  it('a share belongs to SHARED ownership and SHARED ownership needs one', () => {
    expect(ipTermsProblems({ ipOwnership: 'SHARED', ipBuyerShareBp: null })[0].field).toBe('ipBuyerShareBp');
    expect(ipTermsProblems({ ipOwnership: 'BUYER', ipBuyerShareBp: 5_000 })[0].field).toBe('ipBuyerShareBp');
    expect(ipTermsProblems({ ipOwnership: 'SHARED', ipBuyerShareBp: 5_000 })).toEqual([]);
  });
});
