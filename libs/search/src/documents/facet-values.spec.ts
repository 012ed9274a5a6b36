import { facetValuesOf, SERVICE_FACETS, splitFacetValues } from './facet-values';

describe('combined facet values', () => {
  const doc = {
    fieldCodes: ['MATERIALS_GRAPHENE', 'MATERIALS'],
    category: 'SCALE_UP',
    stages: ['PILOT'],
    regionCodes: ['350000', '350500', '350582'],
    platformType: 'TESTING',
    recognitionLevel: 'NONE',
    voucherEligible: false,
    priceBand: 'ON_QUOTE',
  };

  it('name every value of every facet, booleans included', () => {
    expect(facetValuesOf(SERVICE_FACETS, doc)).toEqual([
      'field:MATERIALS_GRAPHENE',
      'field:MATERIALS',
      'category:SCALE_UP',
      'stage:PILOT',
      'region:350000',
      'region:350500',
      'region:350582',
      'platformType:TESTING',
      'recognitionLevel:NONE',
      'voucherEligible:false',
      'priceBand:ON_QUOTE',
    ]);
  });

  it('split a distribution back into one map per facet, with every facet present', () => {
    const split = splitFacetValues(SERVICE_FACETS, {
      'field:MATERIALS': 3,
      'region:350500': 2,
      'voucherEligible:true': 1,
      'unknown:x': 9,
      'category:A:B': 1,
    });
    expect(split).toEqual({
      field: { MATERIALS: 3 },
      category: { 'A:B': 1 },
      stage: {},
      region: { '350500': 2 },
      platformType: {},
      recognitionLevel: {},
      voucherEligible: { true: 1 },
      priceBand: {},
    });
    expect(Object.keys(splitFacetValues(SERVICE_FACETS, undefined))).toHaveLength(8);
  });
});
