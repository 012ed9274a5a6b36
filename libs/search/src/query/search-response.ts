import type { Hit, SearchResponse } from 'meilisearch';
import { FACET_VALUES_ATTRIBUTE, PLATFORM_FACETS, SERVICE_FACETS, splitFacetValues } from '../documents/facet-values';
import type { PlatformDocument } from '../documents/platform-document';
import type { ServiceDocument } from '../documents/service-document';
import type { SearchQueryDto } from '../dto/search.request.dto';
import type {
  PlatformHitDto,
  PlatformSearchPageDto,
  ServiceHitDto,
  ServiceSearchPageDto,
} from '../dto/search.response.dto';
import { safeHighlight } from './highlight';

type Page<T> = {
  items: T[];
  total: number;
  page: number;
  limit: number;
  facets: Record<string, Record<string, number>>;
};

function isoSeconds(seconds: number | null): string | null {
  return seconds === null ? null : new Date(seconds * 1000).toISOString();
}

function page<D, T>(
  response: SearchResponse<D> | null,
  query: SearchQueryDto,
  facetNames: Record<string, string>,
  toItem: (hit: Hit<D>) => T,
): Page<T> {
  return {
    items: (response?.hits ?? []).map(toItem),
    total: response?.totalHits ?? 0,
    page: query.page,
    limit: query.limit,
    facets: splitFacetValues(facetNames, response?.facetDistribution?.[FACET_VALUES_ATTRIBUTE]),
  };
}

/** Hits show what people wrote (the Traditional original when there is one); highlights the indexed text. */
export function toServiceHit(hit: Hit<ServiceDocument>): ServiceHitDto {
  const original = hit.original ?? {};
  return {
    id: hit.id,
    title: original.title ?? hit.title,
    description: original.description ?? hit.description,
    category: hit.category,
    categoryLabel: hit.categoryLabel,
    fieldCodes: hit.fieldCodes,
    fieldNames: hit.fieldNames,
    stages: hit.stages,
    stageLabels: hit.stageLabels,
    pricingKind: hit.pricingKind,
    priceFen: hit.priceFen,
    priceBand: hit.priceBand,
    unitName: original.unitName ?? hit.unitName,
    leadTimeDays: hit.leadTimeDays,
    voucherEligible: hit.voucherEligible,
    publishedAt: isoSeconds(hit.publishedAt)!,
    platform: {
      id: hit.platformId,
      name: original.platformName ?? hit.platformName,
      type: hit.platformType,
      typeLabel: hit.platformTypeLabel,
      regionCode: hit.regionCode,
      hostOrgName: original.hostOrgName ?? hit.hostOrgName,
      recognitionLevel: hit.recognitionLevel,
      ratingAvg: hit.ratingAvg,
      medianFirstQuoteMinutes: hit.medianFirstQuoteMinutes ?? null,
    },
    _highlight: {
      title: safeHighlight(hit._formatted?.title),
      description: safeHighlight(hit._formatted?.description),
    },
  };
}

export function toPlatformHit(hit: Hit<PlatformDocument>): PlatformHitDto {
  const original = hit.original ?? {};
  return {
    id: hit.id,
    name: original.name ?? hit.name,
    description: original.description ?? hit.description,
    type: hit.type,
    typeLabel: hit.typeLabel,
    operatingModel: hit.operatingModel,
    operatingModelLabel: hit.operatingModelLabel,
    fieldCodes: hit.fieldCodes,
    fieldNames: hit.fieldNames,
    regionCode: hit.regionCode,
    address: original.address ?? hit.address,
    recognitionLevel: hit.recognitionLevel,
    ratingAvg: hit.ratingAvg,
    reviewCount: hit.reviewCount,
    medianFirstQuoteMinutes: hit.medianFirstQuoteMinutes ?? null,
    hostOrgName: original.hostOrgName ?? hit.hostOrgName,
    qualificationKinds: hit.qualificationKinds,
    listedAt: isoSeconds(hit.listedAt),
    _highlight: {
      title: safeHighlight(hit._formatted?.name),
      description: safeHighlight(hit._formatted?.description),
    },
  };
}

export function toServicePage(
  response: SearchResponse<ServiceDocument> | null,
  query: SearchQueryDto,
): ServiceSearchPageDto {
  return page(response, query, SERVICE_FACETS, toServiceHit);
}

export function toPlatformPage(
  response: SearchResponse<PlatformDocument> | null,
  query: SearchQueryDto,
): PlatformSearchPageDto {
  return page(response, query, PLATFORM_FACETS, toPlatformHit);
}
