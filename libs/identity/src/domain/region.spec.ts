import { coversRegion, isValidRegionCode, regionLevel } from './region';

describe('region codes and jurisdiction', () => {
  it('validates six-digit GB/T 2260 shapes', () => {
    expect(isValidRegionCode('350582')).toBe(true);
    expect(isValidRegionCode('350500')).toBe(true);
    expect(isValidRegionCode('35058')).toBe(false);
    expect(isValidRegionCode('990000')).toBe(false);
    expect(isValidRegionCode('350082')).toBe(false);
  });

  it('knows levels', () => {
    expect(regionLevel('350000')).toBe('PROVINCE');
    expect(regionLevel('350500')).toBe('CITY');
    expect(regionLevel('350582')).toBe('COUNTY');
  });

  it('a city bureau covers its districts and itself, not its neighbours', () => {
    expect(coversRegion('350500', '350582')).toBe(true);
    expect(coversRegion('350500', '350500')).toBe(true);
    expect(coversRegion('350500', '350100')).toBe(false);
    expect(coversRegion('350500', '350000')).toBe(false);
  });

  it('a province covers every city; a county covers only itself', () => {
    expect(coversRegion('350000', '350582')).toBe(true);
    expect(coversRegion('350000', '440100')).toBe(false);
    expect(coversRegion('350582', '350582')).toBe(true);
    expect(coversRegion('350582', '350583')).toBe(false);
    expect(coversRegion('350582', '350500')).toBe(false);
  });
});
