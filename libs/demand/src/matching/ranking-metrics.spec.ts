import { dcg, gain, meanOf, ndcgAtK, precisionAtK, RelevanceLabels } from './ranking-metrics';

// Expectations computed by hand: gain(2) = 3, gain(1) = 1; discount 1 / log2(rank + 1), so ranks 1..6 weigh
// 1, 0.63093, 0.5, 0.43068, 0.38685, 0.35621.
const graded: RelevanceLabels = { a: 2, b: 1, c: 1 };
// Their ideal DCG, [2, 1, 1]: 3 + 1/log2(3) + 1/2 = 4.13093.

describe('ranking metrics', () => {
  it('gain is 2^rel − 1', () => {
    expect([0, 1, 2, 3].map(gain)).toEqual([0, 1, 3, 7]);
    expect(gain(-1)).toBe(0);
  });

  it('dcg discounts by log2(rank + 1) and cuts at k', () => {
    expect(dcg([2, 0, 1], 10)).toBeCloseTo(3 + 0.5, 10);
    expect(dcg([2, 0, 1], 2)).toBe(3);
    expect(dcg([], 5)).toBe(0);
  });

  it.each<[string, string[], RelevanceLabels, number, number | null]>([
    ['relevant at ranks 1, 3, 5', ['a', 'x', 'b', 'y', 'c'], graded, 5, 3 / 5],
    ['cut at k = 3', ['a', 'x', 'b', 'y', 'c'], graded, 3, 2 / 3],
    ['top 1 relevant', ['a', 'x'], graded, 1, 1],
    ['nothing relevant returned', ['x', 'y', 'z'], graded, 5, 0],
    ['fewer results than k: denominator stays k', ['a'], { a: 2 }, 5, 1 / 5],
    ['a repeated key counts once', ['a', 'a', 'b'], { a: 1, b: 1 }, 2, 1],
    ['empty ranking', [], graded, 5, 0],
    ['no relevant label: not scorable', ['a', 'b'], {}, 5, null],
    ['only zero grades: not scorable', ['a'], { a: 0 }, 5, null],
  ])('precision@k — %s', (_, ranked, labels, k, expected) => {
    const value = precisionAtK(ranked, labels, k);
    if (expected === null) expect(value).toBeNull();
    else expect(value).toBeCloseTo(expected, 10);
  });

  it.each<[string, string[], RelevanceLabels, number, number | null]>([
    ['ideal order', ['a', 'b', 'c'], graded, 10, 1],
    ['ideal order with noise after', ['a', 'b', 'c', 'x', 'y'], graded, 10, 1],
    // DCG = 3 + 1/log2(4) + 1/log2(6) = 3.88685; / 4.13093
    ['relevant at ranks 1, 3, 5', ['a', 'x', 'b', 'y', 'c'], graded, 10, 0.940914767159646],
    // DCG = 1 + 1/log2(3) + 3/log2(4) = 3.13093; / 4.13093
    ['reversed', ['c', 'b', 'a'], graded, 10, 0.7579237460681981],
    // grade-1 items are interchangeable
    ['equal grades swapped', ['a', 'c', 'b'], graded, 10, 1],
    // the ideal counts every labelled item, returned or not: 3 / (3 + 3/log2(3))
    ['a relevant item missing', ['a'], { a: 2, b: 2 }, 10, 0.6131471927654584],
    // only a grade-1 item, at rank 2: (1/log2(3)) / (3 + 1/log2(3))
    ['a partial fit ranked second, the clear fit missing', ['x', 'b'], { a: 2, b: 1 }, 10, 0.17376534287144002],
    ['relevant item beyond k', ['x1', 'x2', 'a'], { a: 2 }, 2, 0],
    ['nothing relevant returned', ['x'], graded, 10, 0],
    ['empty ranking', [], graded, 10, 0],
    ['no relevant label: not scorable', ['a'], {}, 10, null],
    ['only zero grades: not scorable', ['a'], { a: 0, b: 0 }, 10, null],
  ])('nDCG@k — %s', (_, ranked, labels, k, expected) => {
    const value = ndcgAtK(ranked, labels, k);
    if (expected === null) expect(value).toBeNull();
    else expect(value).toBeCloseTo(expected, 10);
  });

  it('the ideal is cut at k too, so a perfect top k scores 1 when more items are relevant', () => {
    expect(ndcgAtK(['a', 'b'], { a: 2, b: 2, c: 2 }, 2)).toBe(1);
  });

  it('rejects a cutoff that is not a positive integer', () => {
    expect(() => precisionAtK(['a'], graded, 0)).toThrow(RangeError);
    expect(() => ndcgAtK(['a'], graded, 2.5)).toThrow(RangeError);
  });

  it('meanOf leaves unscorable queries out', () => {
    expect(meanOf([1, 0, null, 0.5])).toBeCloseTo(0.5, 10);
    expect(meanOf([null, null])).toBeNull();
    expect(meanOf([])).toBeNull();
  });
});
