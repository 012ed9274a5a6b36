import { applyBasisPoints, parseFen, splitByBasisPoints } from './fen';

describe('fen helpers', () => {
  it('parses pg bigint strings and refuses fractions or unsafe values', () => {
    expect(parseFen('1234500')).toBe(1234500);
    expect(parseFen('-7')).toBe(-7);
    expect(() => parseFen('12.5')).toThrow(RangeError);
    expect(() => parseFen('9007199254740993')).toThrow(RangeError);
    expect(() => parseFen(null)).toThrow(TypeError);
  });

  it('applies basis points rounding down', () => {
    expect(applyBasisPoints(1000001, 3000)).toBe(300000);
    expect(applyBasisPoints(999, 5000)).toBe(499);
    expect(() => applyBasisPoints(100, 12.5)).toThrow(RangeError);
  });

  it('splits by shares so the parts add up exactly, deterministically', () => {
    expect(splitByBasisPoints(10001, [5000, 5000])).toEqual([5001, 5000]);
    expect(splitByBasisPoints(100, [3333, 3333, 3334])).toEqual([33, 33, 34]);
    const parts = splitByBasisPoints(1234567, [2500, 2500, 5000]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(1234567);
    expect(() => splitByBasisPoints(100, [5000, 4000])).toThrow(RangeError);
  });
});
