import { regionHierarchy } from './region-codes';

describe('regionHierarchy', () => {
  it('lists province, city and county for a county-level code', () => {
    expect(regionHierarchy('350582')).toEqual(['350000', '350500', '350582']);
  });

  it('does not repeat codes for a city or a province', () => {
    expect(regionHierarchy('350500')).toEqual(['350000', '350500']);
    expect(regionHierarchy('440000')).toEqual(['440000']);
  });

  it('ignores malformed codes', () => {
    expect(regionHierarchy('35058')).toEqual([]);
  });
});
