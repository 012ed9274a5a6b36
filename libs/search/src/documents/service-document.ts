import {
  OperatingModel,
  parseFen,
  PLATFORM_TYPE_LABELS,
  PlatformType,
  PriceBandCode,
  priceBandOf,
  PricingKind,
  RECOGNITION_RANK,
  RecognitionLevel,
  SERVICE_CATEGORY_LABELS,
  SERVICE_STAGE_LABELS,
  ServiceCategory,
  ServiceStage,
  withParentFields,
} from '@pilotlink/core';
import { simplifyFields } from './chinese-text';
import { regionHierarchy } from './region-codes';
import { PlatformSourceRow } from './platform-document';
import { fieldNames, HostOrg, newestMs, ratingOf, responseRankOf, unixSeconds } from './document-parts';
import { facetValuesOf, SERVICE_FACETS } from './facet-values';

/** One service with its platform and host org denormalised: a hit needs no second lookup. */
/** A published service as its owner (catalogue) hands it to search. */
export interface ServiceSourceRow {
  id: string;
  title: string;
  description: string;
  category: ServiceCategory;
  fieldCodes: string[];
  stages: ServiceStage[];
  pricingKind: PricingKind;
  /** bigint as PostgreSQL returns it. */
  priceFen: string | null;
  unitName: string | null;
  leadTimeDays: number;
  voucherEligible: boolean;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ServiceDocument {
  id: string;
  title: string;
  description: string;
  category: ServiceCategory;
  categoryLabel: string;
  /** The service's fields plus their parents: filtering by 新型功能材料 finds a 石墨烯 service. */
  fieldCodes: string[];
  fieldNames: string[];
  stages: ServiceStage[];
  stageLabels: string[];
  pricingKind: PricingKind;
  priceFen: number | null;
  priceBand: PriceBandCode;
  unitName: string | null;
  leadTimeDays: number;
  voucherEligible: boolean;
  platformId: string;
  platformName: string;
  platformType: PlatformType;
  platformTypeLabel: string;
  operatingModel: OperatingModel;
  recognitionLevel: RecognitionLevel;
  recognitionRank: number;
  ratingAvg: number | null;
  /** The platform's median minutes to a first quote; null before its first quote. */
  medianFirstQuoteMinutes: number | null;
  /** medianFirstQuoteMinutes for the ranking rule, with unknown last (UNKNOWN_RESPONSE_RANK). */
  responseRank: number;
  regionCode: string;
  regionCodes: string[];
  hostOrgName: string;
  /** Unix seconds. */
  publishedAt: number;
  /** Unix ms of the newest row the document was built from: the reconcile job compares it with PostgreSQL. */
  updatedAt: number;
  /** `name:value` of every facet, for one facet distribution per search (see facet-values.ts). */
  facetValues: string[];
  /** The Traditional-Chinese originals of converted fields; not searchable. */
  original?: Partial<Pick<ServiceDocument, ServiceTextField>>;
}

/** Free text typed by people, converted to Simplified; labels come from our own Simplified tables. */
const SERVICE_TEXT_FIELDS = ['title', 'description', 'platformName', 'hostOrgName', 'unitName'] as const;
type ServiceTextField = (typeof SERVICE_TEXT_FIELDS)[number];

export function toServiceDocument(
  service: ServiceSourceRow,
  platform: PlatformSourceRow,
  host: HostOrg,
): ServiceDocument {
  const fieldCodes = withParentFields(service.fieldCodes);
  const priceFen = service.priceFen === null ? null : parseFen(service.priceFen);
  const doc: ServiceDocument = {
    id: service.id,
    title: service.title,
    description: service.description,
    category: service.category,
    categoryLabel: SERVICE_CATEGORY_LABELS[service.category],
    fieldCodes,
    fieldNames: fieldNames(fieldCodes),
    stages: service.stages,
    stageLabels: service.stages.map((stage) => SERVICE_STAGE_LABELS[stage]),
    pricingKind: service.pricingKind,
    priceFen,
    priceBand: priceBandOf(priceFen),
    unitName: service.unitName,
    leadTimeDays: service.leadTimeDays,
    voucherEligible: service.voucherEligible,
    platformId: platform.id,
    platformName: platform.name,
    platformType: platform.type,
    platformTypeLabel: PLATFORM_TYPE_LABELS[platform.type],
    operatingModel: platform.operatingModel,
    recognitionLevel: platform.recognitionLevel,
    recognitionRank: RECOGNITION_RANK[platform.recognitionLevel],
    ratingAvg: ratingOf(platform),
    medianFirstQuoteMinutes: platform.medianFirstQuoteMinutes,
    responseRank: responseRankOf(platform),
    regionCode: platform.regionCode,
    regionCodes: regionHierarchy(platform.regionCode),
    hostOrgName: host.name,
    publishedAt: unixSeconds(service.publishedAt ?? service.createdAt),
    updatedAt: newestMs(service.updatedAt, platform.updatedAt, host.updatedAt),
    facetValues: [],
  };
  doc.facetValues = facetValuesOf(SERVICE_FACETS, doc);
  const original = simplifyFields(doc, SERVICE_TEXT_FIELDS);
  return original ? { ...doc, original } : doc;
}
