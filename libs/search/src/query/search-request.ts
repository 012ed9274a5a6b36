import type { SearchParams } from 'meilisearch';
import { toSimplified } from '../documents/chinese-text';
import { FACET_VALUES_ATTRIBUTE } from '../documents/facet-values';
import {
  PlatformSearchQueryDto,
  PlatformSort,
  SearchQueryDto,
  ServiceSearchQueryDto,
  ServiceSort,
} from '../dto/search.request.dto';
import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from './highlight';

const SERVICE_SORT: Record<ServiceSort, string[] | undefined> = {
  relevance: undefined,
  priceAsc: ['priceFen:asc'],
  priceDesc: ['priceFen:desc'],
  newest: ['publishedAt:desc'],
  leadTime: ['leadTimeDays:asc'],
  rating: ['ratingAvg:desc'],
  recognition: ['recognitionRank:desc'],
  responseTime: ['responseRank:asc'],
};

const PLATFORM_SORT: Record<PlatformSort, string[] | undefined> = {
  relevance: undefined,
  newest: ['listedAt:desc'],
  rating: ['ratingAvg:desc'],
  recognition: ['recognitionRank:desc'],
  responseTime: ['responseRank:asc'],
};

export const SERVICE_HIT_ATTRIBUTES = [
  'id',
  'title',
  'description',
  'category',
  'categoryLabel',
  'fieldCodes',
  'fieldNames',
  'stages',
  'stageLabels',
  'pricingKind',
  'priceFen',
  'priceBand',
  'unitName',
  'leadTimeDays',
  'voucherEligible',
  'platformId',
  'platformName',
  'platformType',
  'platformTypeLabel',
  'recognitionLevel',
  'ratingAvg',
  'medianFirstQuoteMinutes',
  'regionCode',
  'hostOrgName',
  'publishedAt',
  'original',
];

export const PLATFORM_HIT_ATTRIBUTES = [
  'id',
  'name',
  'description',
  'type',
  'typeLabel',
  'operatingModel',
  'operatingModelLabel',
  'fieldCodes',
  'fieldNames',
  'regionCode',
  'address',
  'recognitionLevel',
  'ratingAvg',
  'reviewCount',
  'medianFirstQuoteMinutes',
  'hostOrgName',
  'qualificationKinds',
  'listedAt',
  'original',
];

export interface SearchRequest {
  q: string;
  params: SearchParams & { page: number; hitsPerPage: number };
}

/**
 * A Meilisearch filter term. Callers pass values already checked against our enums and taxonomy;
 * quoting still escapes, so no input can ever change the shape of the expression.
 */
export function eq(attribute: string, value: string | boolean): string {
  if (typeof value === 'boolean') return `${attribute} = ${value}`;
  return `${attribute} = "${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function range(attribute: string, operator: '>=' | '<=', value: number): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${attribute} bound must be an integer`);
  return `${attribute} ${operator} ${value}`;
}

function sharedFilters(query: SearchQueryDto, platformTypeAttribute: string): string[] {
  const filters: string[] = [];
  if (query.field) filters.push(eq('fieldCodes', query.field));
  if (query.region) filters.push(eq('regionCodes', query.region));
  if (query.platformType) filters.push(eq(platformTypeAttribute, query.platformType));
  if (query.recognitionLevel) filters.push(eq('recognitionLevel', query.recognitionLevel));
  return filters;
}

export function serviceFilters(query: ServiceSearchQueryDto): string[] {
  const filters = sharedFilters(query, 'platformType');
  if (query.category) filters.push(eq('category', query.category));
  if (query.stage) filters.push(eq('stages', query.stage));
  if (query.voucherEligible !== undefined) filters.push(eq('voucherEligible', query.voucherEligible));
  if (query.priceBand) filters.push(eq('priceBand', query.priceBand));
  if (query.priceMinFen !== undefined) filters.push(range('priceFen', '>=', query.priceMinFen));
  if (query.priceMaxFen !== undefined) filters.push(range('priceFen', '<=', query.priceMaxFen));
  return filters;
}

export function platformFilters(query: PlatformSearchQueryDto): string[] {
  const filters = sharedFilters(query, 'type');
  if (query.operatingModel) filters.push(eq('operatingModel', query.operatingModel));
  if (query.qualificationKind) filters.push(eq('qualificationKinds', query.qualificationKind));
  return filters;
}

function common(query: SearchQueryDto, highlight: string[]): Omit<SearchRequest['params'], 'filter'> {
  return {
    page: query.page,
    hitsPerPage: query.limit,
    locales: ['cmn'],
    attributesToHighlight: highlight,
    highlightPreTag: HIGHLIGHT_PRE,
    highlightPostTag: HIGHLIGHT_POST,
    attributesToCrop: ['description'],
    cropLength: 40,
    cropMarker: '…',
  };
}

export function serviceSearchRequest(query: ServiceSearchQueryDto): SearchRequest {
  return {
    q: toSimplified(query.q ?? ''),
    params: {
      ...common(query, ['title', 'description']),
      filter: serviceFilters(query),
      sort: SERVICE_SORT[query.sort],
      facets: [FACET_VALUES_ATTRIBUTE],
      attributesToRetrieve: SERVICE_HIT_ATTRIBUTES,
    },
  };
}

export function platformSearchRequest(query: PlatformSearchQueryDto): SearchRequest {
  return {
    q: toSimplified(query.q ?? ''),
    params: {
      ...common(query, ['name', 'description']),
      filter: platformFilters(query),
      sort: PLATFORM_SORT[query.sort],
      facets: [FACET_VALUES_ATTRIBUTE],
      attributesToRetrieve: PLATFORM_HIT_ATTRIBUTES,
    },
  };
}
