import { INDUSTRY_FIELD_INDEX, ServiceCategory, ServiceStage, withParentFields } from '@pilotlink/core';
import { parseFen } from '@pilotlink/core';
import {
  meiliEq,
  mutualSynonyms,
  regionHierarchy,
  SYNONYM_GROUPS,
  toSimplified,
  UNKNOWN_RESPONSE_RANK,
} from '@pilotlink/search';
import type { DemandDocument, ServiceDocument } from '@pilotlink/search';
import type { MultiSearchQuery, MultiSearchResult, RecordAny } from 'meilisearch';
import { MAX_FIT_TERMS, MatchTerm, salientTerms } from './match-terms';

/** What matching needs of a demand: the owner's full demand (inside the service, never shown to others). */
export interface MatchableDemand {
  title: string;
  description: string;
  fieldCode: string;
  stage: ServiceStage;
  categories: ServiceCategory[];
  budgetMinFen: string | null;
  budgetMaxFen: string | null;
  regionCode: string | null;
}

/** What matching needs of a service, fitting it to open demands. */
export interface MatchableService {
  title: string;
  description: string;
  category: ServiceCategory;
  fieldCodes: string[];
  stages: ServiceStage[];
}

/**
 * One multi-search round trip: a probe for the size of the index (idf), a structured query for the
 * candidates of the same industry field whatever their wording, and one query per salient term. A single
 * query with all terms would not do: Meilisearch drops query words from the end (or by frequency) and
 * keeps only documents that contain the remaining first (or rarest) word, so one word no service uses
 * would hide every service. Term queries together find any service sharing any term; fuseTermScores then
 * weighs each term by its rarity. The probe (limit 0: nothing to rank or return) costs next to nothing and
 * keeps the corpus size exact and current.
 */
export interface MatchPlan {
  terms: MatchTerm[];
  queries: MultiSearchQuery[];
}

/** Where the queries sit in MatchPlan.queries. */
const PROBE = 0;
const STRUCTURED = 1;
const FIRST_TERM = 2;

/**
 * Candidates read per term and for the field; the fused list is cut after ranking. What a search costs
 * Meilisearch grows with the hits it ranks and returns far more than with the number of searches (a
 * search with limit 0 costs next to nothing): on the 20,000-service bench corpus, 30 hits per term made
 * the match ~1.5× as expensive as 10, and the labelled set (eval:matching) ranked no worse with 10. A
 * term's first hits are where its best matches are (title before description); with ties broken by
 * recognition and rating they are often the same services for every term of one subject. The same-field
 * candidates are what gives a demand many distinct platforms to notify (at least 24 per bench demand).
 */
export const TERM_CANDIDATES = 10;
export const FIELD_CANDIDATES = 60;
/** Fitting a service to open demands (not on a request's path) keeps its wider net. */
export const FIT_TERM_CANDIDATES = 30;
export const FIT_FIELD_CANDIDATES = 50;

/** The service attributes a match shows and scores on (no description: the payload stays small). */
export const MATCH_SERVICE_ATTRIBUTES = [
  'id',
  'title',
  'category',
  'categoryLabel',
  'fieldCodes',
  'stages',
  'pricingKind',
  'priceFen',
  'unitName',
  'leadTimeDays',
  'voucherEligible',
  'platformId',
  'platformName',
  'platformType',
  'recognitionLevel',
  'recognitionRank',
  'ratingAvg',
  'responseRank',
  'regionCode',
  'regionCodes',
  'original',
] as const satisfies readonly (keyof ServiceDocument)[];

/** A service as a match reads it from the index. */
export type MatchedService = Pick<ServiceDocument, (typeof MATCH_SERVICE_ATTRIBUTES)[number]>;

/** The demand attributes fitting a service scores on and orders by. */
export const MATCH_DEMAND_ATTRIBUTES = [
  'id',
  'smeOrgId',
  'fieldCode',
  'stage',
  'categories',
  'publishedAt',
] as const satisfies readonly (keyof DemandDocument)[];

/** An open demand as fitting a service reads it from the index. */
export type MatchedDemand = Pick<DemandDocument, (typeof MATCH_DEMAND_ATTRIBUTES)[number]>;

function termQueries(
  indexUid: string,
  terms: MatchTerm[],
  attributes: readonly string[],
  filter: string[],
  limit: number,
): MultiSearchQuery[] {
  return terms.map(({ term }) => ({
    indexUid,
    q: term,
    // A term is a word to the reader; Meilisearch may split it (石墨|烯): all its parts must match.
    matchingStrategy: 'all' as const,
    filter,
    limit,
    locales: ['cmn'],
    showRankingScore: true,
    attributesToRetrieve: [...attributes],
  }));
}

/** The Meilisearch requests (services index) that find the services fitting a demand. Pure. */
export function buildMatchQuery(demand: MatchableDemand, indexUid: string): MatchPlan {
  const terms = salientTerms(demand.title, demand.description);
  const field = INDUSTRY_FIELD_INDEX.get(demand.fieldCode);
  // A sub-field's services first; a top-level field's services are all its sub-fields' services.
  const fieldFilter = meiliEq('fieldCodes', demand.fieldCode);
  return {
    terms,
    queries: [
      { indexUid, q: '', limit: 0, locales: ['cmn'] },
      {
        indexUid,
        q: '',
        filter: [fieldFilter],
        limit: field ? FIELD_CANDIDATES : 0,
        locales: ['cmn'],
        showRankingScore: true,
        attributesToRetrieve: [...MATCH_SERVICE_ATTRIBUTES],
      },
      ...termQueries(indexUid, terms, MATCH_SERVICE_ATTRIBUTES, [], TERM_CANDIDATES),
    ],
  };
}

/** The Meilisearch requests (demands index) that find the open demands a service fits. Pure. */
export function buildFitQuery(service: MatchableService, indexUid: string): MatchPlan {
  const terms = salientTerms(service.title, service.description, MAX_FIT_TERMS);
  const fields = withParentFields(service.fieldCodes);
  const open = meiliEq('status', 'OPEN');
  return {
    terms,
    queries: [
      { indexUid, q: '', filter: [open], limit: 0, locales: ['cmn'] },
      {
        indexUid,
        q: '',
        // Demands in one of the service's fields, or posted under the parent of one.
        filter: [open, fields.map((code) => meiliEq('fieldCode', code))],
        limit: fields.length ? FIT_FIELD_CANDIDATES : 0,
        locales: ['cmn'],
        showRankingScore: true,
        attributesToRetrieve: [...MATCH_DEMAND_ATTRIBUTES],
      },
      ...termQueries(indexUid, terms, MATCH_DEMAND_ATTRIBUTES, [open], FIT_TERM_CANDIDATES),
    ],
  };
}

/** A candidate with its text relevance (0..1) and the terms it matched. */
export interface TextCandidate<D> {
  doc: D;
  text: number;
  terms: string[];
}

/**
 * Text relevance per candidate: the mean of its Meilisearch ranking scores over the terms, each term
 * weighted by its weight and its inverse document frequency (a term every service has tells nothing).
 * Terms no document contains are left out, so an unusual word in a demand costs nothing.
 */
export function fuseTermScores<D extends { id: string }>(
  plan: MatchPlan,
  results: readonly Pick<MultiSearchResult<RecordAny>, 'hits' | 'estimatedTotalHits'>[],
): Map<string, TextCandidate<D>> {
  const corpus = Math.max(1, results[PROBE]?.estimatedTotalHits ?? 1);
  const candidates = new Map<string, TextCandidate<D>>();
  const add = (hit: RecordAny) => {
    const id = String(hit.id);
    if (!candidates.has(id)) candidates.set(id, { doc: stripMeta(hit) as D, text: 0, terms: [] });
    return candidates.get(id)!;
  };
  for (const hit of results[STRUCTURED]?.hits ?? []) add(hit);
  let total = 0;
  plan.terms.forEach(({ term, weight }, i) => {
    const result = results[FIRST_TERM + i];
    const df = result?.estimatedTotalHits ?? 0;
    if (!result || df === 0) return;
    const w = weight * Math.log(1 + corpus / df);
    total += w;
    for (const hit of result.hits) {
      const candidate = add(hit);
      candidate.text += w * (hit._rankingScore ?? 0);
      candidate.terms.push(term);
    }
  });
  // Weighted sums so far: divided by the total weight they become means.
  for (const candidate of candidates.values()) candidate.text = total > 0 ? candidate.text / total : 0;
  return candidates;
}

function stripMeta(hit: RecordAny): RecordAny {
  const { _rankingScore, _formatted, _matchesPosition, _rankingScoreDetails, ...doc } = hit;
  return doc;
}

/** Why a service fits a demand (SPEC §4: which terms, field, stage, categories and region matched). */
export interface MatchReasons {
  /** Demand terms found in the service (or a synonym of them). */
  terms: string[];
  /** The service serves the demand's industry field (or one of its sub-fields). */
  field: boolean;
  /** The service covers the demand's stage. */
  stage: boolean;
  /** The demand's wanted categories the service is in. */
  categories: string[];
  /** The platform is in the preferred region (or the region lies within the platform's). */
  region: boolean;
  /** The service's stated price is within the demand's budget. */
  budget: boolean;
}

export type MatchServiceDoc = Pick<
  ServiceDocument,
  'fieldCodes' | 'stages' | 'category' | 'regionCode' | 'regionCodes' | 'priceFen'
> &
  Partial<Pick<ServiceDocument, 'title' | 'description' | 'categoryLabel' | 'fieldNames' | 'platformName'>>;

const SYNONYMS = mutualSynonyms(SYNONYM_GROUPS);

/**
 * The reasons object of a match. Pure. `foundTerms` are the terms Meilisearch matched (from the term
 * queries); without them, the terms are looked up in the service's text, synonyms included.
 */
export function explainMatch(demand: MatchableDemand, service: MatchServiceDoc, foundTerms?: string[]): MatchReasons {
  const budgetMax = demand.budgetMaxFen === null ? null : parseFen(demand.budgetMaxFen);
  return {
    terms: foundTerms ?? termsInText(demand, service),
    field: service.fieldCodes.includes(demand.fieldCode),
    stage: service.stages.includes(demand.stage),
    categories: demand.categories.filter((category) => category === service.category),
    region:
      demand.regionCode !== null &&
      (service.regionCodes.includes(demand.regionCode) ||
        regionHierarchy(demand.regionCode).includes(service.regionCode)),
    budget: budgetMax !== null && service.priceFen !== null && service.priceFen <= budgetMax,
  };
}

function termsInText(demand: MatchableDemand, service: MatchServiceDoc): string[] {
  const text = toSimplified(
    [service.title, service.categoryLabel, ...(service.fieldNames ?? []), service.description, service.platformName]
      .filter(Boolean)
      .join(' '),
  ).toLowerCase();
  return salientTerms(demand.title, demand.description)
    .map(({ term }) => term)
    .filter((term) => [term, ...(SYNONYMS[term] ?? [])].some((variant) => text.includes(variant)));
}

/** Weights of the structured signals; text relevance counts for the rest. */
const TEXT_WEIGHT = 0.6;
const SIGNAL_WEIGHTS = { field: 0.45, stage: 0.2, categories: 0.25, region: 0.1 } as const;

/**
 * How well a service fits, 0..1: text relevance (fuseTermScores) combined with the structured signals
 * the demand states. Signals the demand leaves open (no categories, no region) are not counted, so a
 * short demand is not punished for what it did not say. A service of a sibling sub-field counts half.
 */
export function matchScore(demand: MatchableDemand, service: MatchServiceDoc, text: number): number {
  const reasons = explainMatch(demand, service, []);
  const parent = INDUSTRY_FIELD_INDEX.get(demand.fieldCode)?.parentCode;
  const field = reasons.field ? 1 : parent && service.fieldCodes.includes(parent) ? 0.5 : 0;
  const signals: [number, number][] = [
    [SIGNAL_WEIGHTS.field, field],
    [SIGNAL_WEIGHTS.stage, reasons.stage ? 1 : 0],
  ];
  if (demand.categories.length) signals.push([SIGNAL_WEIGHTS.categories, reasons.categories.length ? 1 : 0]);
  if (demand.regionCode) signals.push([SIGNAL_WEIGHTS.region, reasons.region ? 1 : 0]);
  return blend(text, signals);
}

/** How well an open demand (as its index document shows it) fits a service, 0..1. */
export function fitScore(
  service: MatchableService,
  demand: Pick<DemandDocument, 'fieldCode' | 'stage' | 'categories'>,
  text: number,
): number {
  const fields = withParentFields(service.fieldCodes);
  const field = service.fieldCodes.includes(demand.fieldCode) ? 1 : fields.includes(demand.fieldCode) ? 0.5 : 0;
  const signals: [number, number][] = [
    [SIGNAL_WEIGHTS.field, field],
    [SIGNAL_WEIGHTS.stage, service.stages.includes(demand.stage) ? 1 : 0],
  ];
  if (demand.categories.length) {
    signals.push([SIGNAL_WEIGHTS.categories, demand.categories.includes(service.category) ? 1 : 0]);
  }
  return blend(text, signals);
}

/** Text relevance and the weighted mean of the [weight, value] signals counted, 0..1. */
function blend(text: number, signals: [number, number][]): number {
  const structured = signals.reduce((sum, [w, v]) => sum + w * v, 0) / signals.reduce((sum, [w]) => sum + w, 0);
  return TEXT_WEIGHT * text + (1 - TEXT_WEIGHT) * structured;
}

/** Scores within this of each other count as equally relevant; then recognition, rating, response time. */
const RELEVANCE_STEP = 0.02;

export interface RankedService<D> {
  doc: D;
  score: number;
  terms: string[];
}

type RankableService = Pick<ServiceDocument, 'recognitionRank' | 'ratingAvg' | 'leadTimeDays'> &
  Partial<Pick<ServiceDocument, 'responseRank'>>;

/**
 * Relevance first, then recognition level, rating and response time (SPEC §4): the platform's median
 * minutes to a first quote (unknown last), then the service's lead time.
 */
export function rankServices<D extends RankableService>(items: RankedService<D>[]): RankedService<D>[] {
  const bucket = (score: number) => Math.round(score / RELEVANCE_STEP);
  return [...items].sort(
    (a, b) =>
      bucket(b.score) - bucket(a.score) ||
      (b.doc.recognitionRank ?? 0) - (a.doc.recognitionRank ?? 0) ||
      (b.doc.ratingAvg ?? 0) - (a.doc.ratingAvg ?? 0) ||
      (a.doc.responseRank ?? UNKNOWN_RESPONSE_RANK) - (b.doc.responseRank ?? UNKNOWN_RESPONSE_RANK) ||
      (a.doc.leadTimeDays ?? 0) - (b.doc.leadTimeDays ?? 0) ||
      b.score - a.score,
  );
}
