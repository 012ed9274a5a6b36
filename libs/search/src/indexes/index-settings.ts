import type { Settings } from 'meilisearch';
import { FACET_VALUES_ATTRIBUTE } from '../documents/facet-values';
import { mutualSynonyms, SYNONYM_GROUPS } from './synonyms';
import type { SearchIndexKind } from './search-indexes.service';

/** Meilisearch's text relevance rules, in its default order. */
const TEXT_RULES = ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'];

/**
 * Text relevance first; among equally relevant hits, recognised and well-rated platforms first, then the
 * quickest to answer a demand (median minutes to a first quote; SPEC §4).
 */
const RANKING_RULES = [...TEXT_RULES, 'recognitionRank:desc', 'ratingAvg:desc', 'responseRank:asc'];

const SHARED: Settings = {
  rankingRules: RANKING_RULES,
  synonyms: mutualSynonyms(SYNONYM_GROUPS),
  // Every text is (converted to) Simplified Chinese: declare it so segmentation never guesses Japanese.
  localizedAttributes: [{ attributePatterns: ['*'], locales: ['cmn'] }],
  // Exact totals for page/hitsPerPage pagination up to this many hits.
  pagination: { maxTotalHits: 10_000 },
  // All facets share one attribute (facet-values.ts), so it must return every value, not the first 100.
  faceting: { maxValuesPerFacet: 2_000 },
  // Nothing searches within facet values; not maintaining that structure makes every update cheaper.
  facetSearch: false,
};

/**
 * Services: the order of searchableAttributes is the `attribute` ranking rule — a match in the title
 * outranks one in the platform name, which outranks the description.
 */
export const SERVICE_INDEX_SETTINGS: Settings = {
  ...SHARED,
  // Then the quickest turnaround among otherwise equal services.
  rankingRules: [...RANKING_RULES, 'leadTimeDays:asc'],
  searchableAttributes: [
    'title',
    'platformName',
    'categoryLabel',
    'fieldNames',
    'stageLabels',
    'description',
    'hostOrgName',
    'platformTypeLabel',
    'unitName',
  ],
  filterableAttributes: [
    'fieldCodes',
    'category',
    'stages',
    'regionCodes',
    'platformId',
    'platformType',
    'operatingModel',
    'recognitionLevel',
    'voucherEligible',
    'pricingKind',
    'priceFen',
    'priceBand',
    'leadTimeDays',
    FACET_VALUES_ATTRIBUTE,
  ],
  sortableAttributes: ['priceFen', 'leadTimeDays', 'recognitionRank', 'ratingAvg', 'responseRank', 'publishedAt'],
  // Codes and numbers must match exactly: 350582 is not a typo of 350583.
  typoTolerance: { enabled: true, disableOnNumbers: true, disableOnAttributes: [] },
};

export const PLATFORM_INDEX_SETTINGS: Settings = {
  ...SHARED,
  searchableAttributes: [
    'name',
    'hostOrgName',
    'typeLabel',
    'fieldNames',
    'description',
    'operatingModelLabel',
    'qualificationScopes',
    'qualificationKinds',
    'certificateNos',
    'address',
  ],
  filterableAttributes: [
    'fieldCodes',
    'type',
    'operatingModel',
    'recognitionLevel',
    'regionCodes',
    'qualificationKinds',
    FACET_VALUES_ATTRIBUTE,
  ],
  sortableAttributes: ['recognitionRank', 'ratingAvg', 'responseRank', 'listedAt'],
  // A certificate number is a code: a near miss is a different certificate.
  typoTolerance: { enabled: true, disableOnNumbers: true, disableOnAttributes: ['certificateNos'] },
};

/**
 * Open demands for verified platforms (and the matching of services to demands). The description is
 * searchable only where a document carries it (PUBLIC demands, see demand-document.ts); the summary
 * labels come after the title. Newest first among equally relevant demands.
 */
export const DEMAND_INDEX_SETTINGS: Settings = {
  ...SHARED,
  rankingRules: [...TEXT_RULES, 'publishedAt:desc'],
  searchableAttributes: ['title', 'categoryLabels', 'fieldNames', 'stageLabel', 'modeLabel', 'description'],
  filterableAttributes: [
    'status',
    'confidentiality',
    'fieldCode',
    'fieldCodes',
    'stage',
    'categories',
    'regionCodes',
    'budgetBand',
    'budgetMinFen',
    'budgetMaxFen',
    'mode',
    'smeOrgId',
  ],
  sortableAttributes: ['publishedAt', 'wantedBy'],
  typoTolerance: { enabled: true, disableOnNumbers: true, disableOnAttributes: [] },
};

/**
 * Published research results (科技成果), public where PUBLIC: the technical detail and IP numbers are searchable
 * only where a document carries them (PUBLIC results, see result-document.ts). Newest first among equals.
 */
export const RESULT_INDEX_SETTINGS: Settings = {
  ...SHARED,
  rankingRules: [...TEXT_RULES, 'publishedAt:desc'],
  searchableAttributes: [
    'title',
    'summary',
    'ipTitles',
    'categoryLabels',
    'fieldNames',
    'transferModeLabels',
    'ipKindLabels',
    'stageLabel',
    'description',
    'ipNumbers',
  ],
  filterableAttributes: [
    'status',
    'confidentiality',
    'fieldCodes',
    'stageReached',
    'targetStage',
    'verificationCategories',
    'transferModes',
    'budgetBand',
    'readinessLevel',
    'instituteOrgId',
  ],
  sortableAttributes: ['publishedAt', 'readinessLevel'],
  // A patent number is a code: a near miss is another patent.
  typoTolerance: { enabled: true, disableOnNumbers: true, disableOnAttributes: ['ipNumbers'] },
};

/** Published policy notices (政策资讯), public: the title and issuing body weigh more than the body. */
export const POLICY_INDEX_SETTINGS: Settings = {
  ...SHARED,
  rankingRules: [...TEXT_RULES, 'issuedOn:desc'],
  searchableAttributes: ['title', 'documentNumber', 'issuingBody', 'body'],
  filterableAttributes: ['regionCodes', 'issuedOn'],
  sortableAttributes: ['issuedOn', 'publishedAt'],
  // A document number (泉科〔2023〕12号) is a code.
  typoTolerance: { enabled: true, disableOnNumbers: true, disableOnAttributes: ['documentNumber'] },
};

const SETTINGS: Record<SearchIndexKind, Settings> = {
  services: SERVICE_INDEX_SETTINGS,
  platforms: PLATFORM_INDEX_SETTINGS,
  demands: DEMAND_INDEX_SETTINGS,
  results: RESULT_INDEX_SETTINGS,
  policies: POLICY_INDEX_SETTINGS,
};

export function indexSettings(kind: SearchIndexKind): Settings {
  return SETTINGS[kind];
}
