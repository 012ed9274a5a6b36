import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { PlatformSearchQueryDto, ServiceSearchQueryDto } from '../dto/search.request.dto';
import { eq, platformSearchRequest, serviceFilters, serviceSearchRequest } from './search-request';

function serviceQuery(raw: Record<string, unknown>): ServiceSearchQueryDto {
  return plainToInstance(ServiceSearchQueryDto, raw);
}

function invalidFields(dto: object): string[] {
  return validateSync(dto, { whitelist: true, forbidNonWhitelisted: true }).map((error) => error.property);
}

describe('search requests', () => {
  it('turn every filter into one quoted term, ANDed', () => {
    const query = serviceQuery({
      field: 'MATERIALS',
      region: '350500',
      platformType: 'TESTING',
      recognitionLevel: 'CITY',
      category: 'INSPECTION_TESTING',
      stage: 'PILOT',
      voucherEligible: 'true',
      priceBand: 'ON_QUOTE',
      priceMinFen: '100',
      priceMaxFen: '5000',
    });
    expect(invalidFields(query)).toEqual([]);
    expect(serviceFilters(query)).toEqual([
      'fieldCodes = "MATERIALS"',
      'regionCodes = "350500"',
      'platformType = "TESTING"',
      'recognitionLevel = "CITY"',
      'category = "INSPECTION_TESTING"',
      'stages = "PILOT"',
      'voucherEligible = true',
      'priceBand = "ON_QUOTE"',
      'priceFen >= 100',
      'priceFen <= 5000',
    ]);
  });

  it('escape quotes so no value can change the shape of the expression', () => {
    expect(eq('category', 'X" OR category != "Y')).toBe('category = "X\\" OR category != \\"Y"');
    expect(eq('category', 'a\\')).toBe('category = "a\\\\"');
  });

  it('convert Traditional queries, ask for Chinese segmentation, exact paging and escaped highlights', () => {
    const request = serviceSearchRequest(serviceQuery({ q: ' 檢驗檢測 ', page: '2', limit: '5', sort: 'priceAsc' }));
    expect(request.q).toBe('检验检测');
    expect(request.params).toMatchObject({
      page: 2,
      hitsPerPage: 5,
      locales: ['cmn'],
      sort: ['priceFen:asc'],
      attributesToHighlight: ['title', 'description'],
      attributesToCrop: ['description'],
      filter: [],
    });
    expect(request.params.facets).toEqual(['facetValues']);
  });

  it('sort platforms by their own attributes', () => {
    const query = plainToInstance(PlatformSearchQueryDto, {
      sort: 'newest',
      platformType: 'TESTING',
      qualificationKind: 'CMA',
    });
    const request = platformSearchRequest(query);
    expect(request.params.sort).toEqual(['listedAt:desc']);
    expect(request.params.filter).toEqual(['type = "TESTING"', 'qualificationKinds = "CMA"']);
  });

  it('refuse unknown codes, bad regions, malformed booleans and an inverted price range, naming the field', () => {
    expect(invalidFields(serviceQuery({ field: 'NOPE' }))).toEqual(['field']);
    expect(invalidFields(serviceQuery({ region: '3505' }))).toEqual(['region']);
    expect(invalidFields(serviceQuery({ voucherEligible: 'yes' }))).toEqual(['voucherEligible']);
    expect(invalidFields(serviceQuery({ priceMinFen: '500', priceMaxFen: '100' }))).toEqual(['priceMaxFen']);
    expect(invalidFields(serviceQuery({ priceMinFen: '-1' }))).toEqual(['priceMinFen']);
    expect(invalidFields(serviceQuery({ priceMinFen: '1.5' }))).toEqual(['priceMinFen']);
    expect(invalidFields(serviceQuery({ q: 'x'.repeat(101) }))).toEqual(['q']);
    expect(invalidFields(serviceQuery({ category: 'category = "X"' }))).toEqual(['category']);
    expect(invalidFields(serviceQuery({ sort: 'random' }))).toEqual(['sort']);
  });
});
