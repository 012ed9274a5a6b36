import { pricingProblems } from './pilot-services.service';

describe('service pricing rules', () => {
  it('accepts the three consistent shapes', () => {
    expect(pricingProblems({ pricingKind: 'FIXED', priceFen: 100 })).toEqual([]);
    expect(pricingProblems({ pricingKind: 'UNIT', priceFen: 100, unitName: '样品' })).toEqual([]);
    expect(pricingProblems({ pricingKind: 'QUOTE' })).toEqual([]);
  });

  it('names the field that breaks the shape', () => {
    expect(pricingProblems({ pricingKind: 'FIXED' }).map((p) => p.field)).toEqual(['priceFen']);
    expect(pricingProblems({ pricingKind: 'UNIT', priceFen: 5 }).map((p) => p.field)).toEqual(['unitName']);
    expect(pricingProblems({ pricingKind: 'QUOTE', priceFen: 5, unitName: '次' }).map((p) => p.field)).toEqual([
      'priceFen',
      'unitName',
    ]);
    expect(pricingProblems({ pricingKind: 'FIXED', priceFen: 5, unitName: '次' }).map((p) => p.field)).toEqual([
      'unitName',
    ]);
  });
});
