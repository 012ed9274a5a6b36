import { describe, expect, it } from '@jest/globals';
import { REGION_NAMES } from '../../../../../libs/identity/src/domain/region';
import { regionCodeOf, regionPath, REGION_OPTIONS, RegionOption } from './regions';

const flatten = (options: RegionOption[]): RegionOption[] => options.flatMap((o) => [o, ...flatten(o.children ?? [])]);

describe('region picker', () => {
  it("offers exactly the server's named regions, by the server's names", () => {
    const offered = Object.fromEntries(flatten(REGION_OPTIONS).map((o) => [o.value, o.label]));
    expect(offered).toEqual(REGION_NAMES);
  });

  it('finds the path to a code and the code at the end of a path', () => {
    expect(regionPath('350582')).toEqual(['350000', '350500', '350582']);
    expect(regionPath('440100')).toEqual(['440000', '440100']);
    expect(regionPath('350203')).toBeUndefined();
    expect(regionCodeOf(['350000', '350500'])).toBe('350500');
    expect(regionCodeOf(undefined)).toBeUndefined();
  });
});
