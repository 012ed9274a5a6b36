import {
  OPERATING_MODEL_LABELS,
  OperatingModel,
  PLATFORM_TYPE_LABELS,
  PlatformType,
  QualificationKind,
  RECOGNITION_RANK,
  RecognitionLevel,
  withParentFields,
} from '@pilotlink/core';
import { simplifyFields } from './chinese-text';
import { regionHierarchy } from './region-codes';
import { fieldNames, HostOrg, newestMs, ratingOf, responseRankOf, unixSeconds } from './document-parts';
import { facetValuesOf, PLATFORM_FACETS } from './facet-values';

/** A listed platform for the directory search, with its qualifications that are still valid. */
/** A listed platform as its owner (catalogue) hands it to search. */
export interface PlatformSourceRow {
  id: string;
  name: string;
  description: string;
  type: PlatformType;
  operatingModel: OperatingModel;
  fieldCodes: string[];
  regionCode: string;
  address: string | null;
  recognitionLevel: RecognitionLevel;
  /** numeric(3,2) as PostgreSQL returns it. */
  ratingAvg: string | null;
  reviewCount: number;
  medianFirstQuoteMinutes: number | null;
  listedAt: Date | null;
  updatedAt: Date;
}

/** One qualification of a platform as catalogue hands it to search. */
export interface QualificationSourceRow {
  kind: QualificationKind;
  certificateNo: string;
  accreditedScope: string;
  /** YYYY-MM-DD. */
  validUntil: string;
  createdAt: Date;
}

export interface PlatformDocument {
  id: string;
  name: string;
  description: string;
  type: PlatformType;
  typeLabel: string;
  operatingModel: OperatingModel;
  operatingModelLabel: string;
  fieldCodes: string[];
  fieldNames: string[];
  regionCode: string;
  regionCodes: string[];
  address: string | null;
  recognitionLevel: RecognitionLevel;
  recognitionRank: number;
  ratingAvg: number | null;
  reviewCount: number;
  /** Median minutes from seeing a demand to quoting on it; null before the first quote. */
  medianFirstQuoteMinutes: number | null;
  /** medianFirstQuoteMinutes for the ranking rule, with unknown last. */
  responseRank: number;
  hostOrgName: string;
  qualificationKinds: QualificationKind[];
  certificateNos: string[];
  qualificationScopes: string[];
  /** Earliest expiry (YYYY-MM-DD) among the indexed qualifications: the reconcile job re-syncs after it. */
  nextQualificationExpiry: string | null;
  /** Unix seconds; null for a platform listed before the date was recorded. */
  listedAt: number | null;
  /** Unix ms of the newest row the document was built from (see ServiceDocument.updatedAt). */
  updatedAt: number;
  /** `name:value` of every facet (see facet-values.ts). */
  facetValues: string[];
  original?: Partial<Pick<PlatformDocument, PlatformTextField>>;
}

const PLATFORM_TEXT_FIELDS = ['name', 'description', 'address', 'hostOrgName', 'qualificationScopes'] as const;
type PlatformTextField = (typeof PLATFORM_TEXT_FIELDS)[number];

/** `today` is the date in China (YYYY-MM-DD): a certificate valid until today still counts. */
export function toPlatformDocument(
  platform: PlatformSourceRow,
  qualifications: readonly QualificationSourceRow[],
  host: HostOrg,
  today: string,
): PlatformDocument {
  const valid = qualifications.filter((q) => q.validUntil >= today);
  const fieldCodes = withParentFields(platform.fieldCodes);
  const doc: PlatformDocument = {
    id: platform.id,
    name: platform.name,
    description: platform.description,
    type: platform.type,
    typeLabel: PLATFORM_TYPE_LABELS[platform.type],
    operatingModel: platform.operatingModel,
    operatingModelLabel: OPERATING_MODEL_LABELS[platform.operatingModel],
    fieldCodes,
    fieldNames: fieldNames(fieldCodes),
    regionCode: platform.regionCode,
    regionCodes: regionHierarchy(platform.regionCode),
    address: platform.address,
    recognitionLevel: platform.recognitionLevel,
    recognitionRank: RECOGNITION_RANK[platform.recognitionLevel],
    ratingAvg: ratingOf(platform),
    reviewCount: platform.reviewCount,
    medianFirstQuoteMinutes: platform.medianFirstQuoteMinutes,
    responseRank: responseRankOf(platform),
    hostOrgName: host.name,
    qualificationKinds: [...new Set(valid.map((q) => q.kind))],
    certificateNos: valid.map((q) => q.certificateNo),
    qualificationScopes: valid.map((q) => q.accreditedScope).filter((scope) => scope.length > 0),
    nextQualificationExpiry: valid.map((q) => q.validUntil).sort()[0] ?? null,
    listedAt: platform.listedAt ? unixSeconds(platform.listedAt) : null,
    updatedAt: newestMs(platform.updatedAt, host.updatedAt, ...qualifications.map((q) => q.createdAt)),
    facetValues: [],
  };
  doc.facetValues = facetValuesOf(PLATFORM_FACETS, doc);
  const original = simplifyFields(doc, PLATFORM_TEXT_FIELDS);
  return original ? { ...doc, original } : doc;
}
