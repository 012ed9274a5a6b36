import {
  SERVICE_CATEGORY_LABELS,
  SERVICE_STAGE_LABELS,
  ServiceCategory,
  ServiceStage,
  parseFen,
  withParentFields,
} from '@pilotlink/core';
import { simplifyFields } from './chinese-text';
import { fieldNames, unixSeconds } from './document-parts';
import { regionHierarchy } from './region-codes';

/**
 * A demand row as demand's search source reads it (search imports no owner context). Money in fen as pg
 * returns bigint: a string.
 */
export interface DemandSourceRow {
  id: string;
  smeOrgId: string;
  title: string;
  description: string;
  fieldCode: string;
  stage: ServiceStage;
  categories: ServiceCategory[];
  budgetMinFen: string | null;
  budgetMaxFen: string | null;
  wantedBy: string | null;
  regionCode: string | null;
  mode: 'OPEN' | 'CHALLENGE';
  rewardFen: string | null;
  challengeDeadline: string | null;
  confidentiality: 'PUBLIC' | 'SUMMARY' | 'PRIVATE';
  status: string;
  publishedAt: Date | null;
  updatedAt: Date;
}

/**
 * The budget bands of a demand (mirrors BUDGET_BANDS of @pilotlink/demand, which checks in a unit test
 * that both agree): the band of the upper bound the SME is prepared to pay.
 */
export const DEMAND_BUDGET_BANDS = [
  { code: 'UNDER_50K', maxFen: 5_000_000 - 1 },
  { code: '50K_200K', maxFen: 20_000_000 - 1 },
  { code: '200K_1M', maxFen: 100_000_000 - 1 },
  { code: 'OVER_1M', maxFen: Number.MAX_SAFE_INTEGER },
] as const;
export type DemandBudgetBand = (typeof DEMAND_BUDGET_BANDS)[number]['code'];

export function demandBudgetBandOf(budgetMaxFen: number): DemandBudgetBand {
  return DEMAND_BUDGET_BANDS.find((band) => budgetMaxFen <= band.maxFen)!.code;
}

const MODE_LABELS = { OPEN: '公开征集', CHALLENGE: '揭榜挂帅' } as const;

/**
 * An open demand as verified platforms may search it. What the summary view of GET /demands/:id shows
 * (title, field, stage, categories, budget band, mode, publication date) is in every document; the
 * rest — description, exact budget, region preference, wanted-by date, reward and deadline — only in
 * documents of PUBLIC demands, so for a SUMMARY demand a query can neither match on hidden text nor
 * reveal a hidden field through a filter. `smeOrgId` is internal (never part of a response): the
 * matching excludes the owner with it.
 */
export interface DemandDocument {
  id: string;
  smeOrgId: string;
  title: string;
  /** Present only when PUBLIC. */
  description?: string;
  confidentiality: 'PUBLIC' | 'SUMMARY';
  status: 'OPEN';
  fieldCode: string;
  /** The field plus its parent: filtering by 新型功能材料 finds a 石墨烯 demand. */
  fieldCodes: string[];
  fieldNames: string[];
  stage: ServiceStage;
  stageLabel: string;
  categories: ServiceCategory[];
  categoryLabels: string[];
  mode: 'OPEN' | 'CHALLENGE';
  modeLabel: string;
  budgetBand: DemandBudgetBand | null;
  /** Unix seconds. */
  publishedAt: number;
  /** PUBLIC only from here on. */
  budgetMinFen?: number | null;
  budgetMaxFen?: number | null;
  regionCode?: string | null;
  regionCodes?: string[];
  /** YYYY-MM-DD (sorts as text). */
  wantedBy?: string | null;
  rewardFen?: number | null;
  challengeDeadline?: string | null;
  /** Unix ms of the row's updated_at: the reconcile job compares it with PostgreSQL. */
  updatedAt: number;
  original?: { title?: string; description?: string };
}

/** Only open demands that are PUBLIC or SUMMARY are searchable; anything else is removed from the index. */
export function isSearchableDemand(row: Pick<DemandSourceRow, 'status' | 'confidentiality'>): boolean {
  return row.status === 'OPEN' && (row.confidentiality === 'PUBLIC' || row.confidentiality === 'SUMMARY');
}

const fen = (value: string | null) => (value === null ? null : parseFen(value));

/** The document of a searchable demand, or null when the demand must not be in the index. */
export function toDemandDocument(row: DemandSourceRow): DemandDocument | null {
  if (!isSearchableDemand(row)) return null;
  const fieldCodes = withParentFields([row.fieldCode]);
  const budgetMax = fen(row.budgetMaxFen) ?? fen(row.budgetMinFen);
  const doc: DemandDocument = {
    id: row.id,
    smeOrgId: row.smeOrgId,
    title: row.title,
    confidentiality: row.confidentiality as 'PUBLIC' | 'SUMMARY',
    status: 'OPEN',
    fieldCode: row.fieldCode,
    fieldCodes,
    fieldNames: fieldNames(fieldCodes),
    stage: row.stage,
    stageLabel: SERVICE_STAGE_LABELS[row.stage],
    categories: row.categories,
    categoryLabels: row.categories.map((category) => SERVICE_CATEGORY_LABELS[category]),
    mode: row.mode,
    modeLabel: MODE_LABELS[row.mode],
    budgetBand: budgetMax === null ? null : demandBudgetBandOf(budgetMax),
    publishedAt: unixSeconds(row.publishedAt ?? row.updatedAt),
    updatedAt: row.updatedAt.getTime(),
  };
  if (row.confidentiality === 'PUBLIC') {
    Object.assign(doc, {
      description: row.description,
      budgetMinFen: fen(row.budgetMinFen),
      budgetMaxFen: fen(row.budgetMaxFen),
      regionCode: row.regionCode,
      regionCodes: row.regionCode ? regionHierarchy(row.regionCode) : [],
      wantedBy: row.wantedBy,
      rewardFen: fen(row.rewardFen),
      challengeDeadline: row.challengeDeadline,
    });
  }
  const original = simplifyFields(doc, ['title', 'description'] as const);
  return original ? { ...doc, original } : doc;
}
