import {
  parseFen,
  SERVICE_CATEGORY_LABELS,
  SERVICE_STAGE_LABELS,
  ServiceCategory,
  withParentFields,
} from '@pilotlink/core';
import { simplifyFields } from './chinese-text';
import { demandBudgetBandOf, DemandBudgetBand } from './demand-document';
import { fieldNames, unixSeconds } from './document-parts';

/**
 * A research result row as research's search source reads it (search imports no owner context). Money in
 * fen as pg returns bigint: a string.
 */
export interface ResultSourceRow {
  id: string;
  instituteOrgId: string;
  title: string;
  summary: string;
  description: string;
  fieldCode: string;
  stageReached: 'CONCEPT' | 'LAB';
  readinessLevel: number;
  ipItems: { kind: string; title: string; number?: string }[];
  verificationCategories: ServiceCategory[];
  targetStage: 'LAB' | 'PILOT' | 'SMALL_BATCH';
  budgetMinFen: string | null;
  budgetMaxFen: string | null;
  transferModes: string[];
  confidentiality: 'PUBLIC' | 'SUMMARY' | 'PRIVATE';
  status: string;
  publishedAt: Date | null;
  updatedAt: Date;
}

/** Mirrors TRANSFER_MODE_LABELS and IP_KIND_LABELS of @pilotlink/research (checked there by a unit test). */
export const RESULT_TRANSFER_MODE_LABELS: Record<string, string> = {
  ASSIGNMENT: '转让',
  LICENSE: '许可',
  EQUITY: '作价入股',
  CO_DEVELOPMENT: '合作开发',
};
export const RESULT_IP_KIND_LABELS: Record<string, string> = {
  INVENTION_PATENT: '发明专利',
  UTILITY_MODEL_PATENT: '实用新型专利',
  DESIGN_PATENT: '外观设计专利',
  SOFTWARE_COPYRIGHT: '软件著作权',
  KNOW_HOW: '技术秘密',
};

/** Statuses in which a result is shown to others (mirrors LIVE_RESULT_STATUSES of @pilotlink/research). */
export const SEARCHABLE_RESULT_STATUSES = ['PUBLISHED', 'IN_PILOT', 'TRANSFERRED'] as const;

/**
 * A published result as search holds it. What the SUMMARY view of GET /results/:id shows (title, summary,
 * field, stages, readiness, IP kinds and titles, verification needs, budget band, transfer modes) is in every
 * document; the technical detail, IP numbers and exact budget only in documents of PUBLIC results, so for a
 * SUMMARY result a query can neither match on hidden text nor reveal it. `instituteOrgId` is internal.
 */
export interface ResultDocument {
  id: string;
  instituteOrgId: string;
  title: string;
  summary: string;
  confidentiality: 'PUBLIC' | 'SUMMARY';
  status: string;
  fieldCode: string;
  fieldCodes: string[];
  fieldNames: string[];
  stageReached: 'CONCEPT' | 'LAB';
  stageLabel: string;
  readinessLevel: number;
  targetStage: string;
  verificationCategories: ServiceCategory[];
  categoryLabels: string[];
  transferModes: string[];
  transferModeLabels: string[];
  ipKindLabels: string[];
  ipTitles: string[];
  budgetBand: DemandBudgetBand | null;
  publishedAt: number;
  updatedAt: number;
  /** PUBLIC only. */
  description?: string;
  ipNumbers?: string[];
  budgetMinFen?: number | null;
  budgetMaxFen?: number | null;
  original?: { title?: string; summary?: string; description?: string; ipTitles?: string[] };
}

export function isSearchableResult(row: Pick<ResultSourceRow, 'status' | 'confidentiality'>): boolean {
  return (
    (SEARCHABLE_RESULT_STATUSES as readonly string[]).includes(row.status) &&
    (row.confidentiality === 'PUBLIC' || row.confidentiality === 'SUMMARY')
  );
}

const fen = (value: string | null) => (value === null ? null : parseFen(value));

/** The document of a searchable result, or null when the result must not be in the index. */
export function toResultDocument(row: ResultSourceRow): ResultDocument | null {
  if (!isSearchableResult(row)) return null;
  const fieldCodes = withParentFields([row.fieldCode]);
  const budgetMax = fen(row.budgetMaxFen) ?? fen(row.budgetMinFen);
  const doc: ResultDocument = {
    id: row.id,
    instituteOrgId: row.instituteOrgId,
    title: row.title,
    summary: row.summary,
    confidentiality: row.confidentiality as 'PUBLIC' | 'SUMMARY',
    status: row.status,
    fieldCode: row.fieldCode,
    fieldCodes,
    fieldNames: fieldNames(fieldCodes),
    stageReached: row.stageReached,
    stageLabel: SERVICE_STAGE_LABELS[row.stageReached],
    readinessLevel: row.readinessLevel,
    targetStage: row.targetStage,
    verificationCategories: row.verificationCategories,
    categoryLabels: row.verificationCategories.map((category) => SERVICE_CATEGORY_LABELS[category]),
    transferModes: row.transferModes,
    transferModeLabels: row.transferModes.map((mode) => RESULT_TRANSFER_MODE_LABELS[mode] ?? mode),
    ipKindLabels: [...new Set(row.ipItems.map((item) => RESULT_IP_KIND_LABELS[item.kind] ?? item.kind))],
    ipTitles: row.ipItems.map((item) => item.title),
    budgetBand: budgetMax === null ? null : demandBudgetBandOf(budgetMax),
    publishedAt: unixSeconds(row.publishedAt ?? row.updatedAt),
    updatedAt: row.updatedAt.getTime(),
  };
  if (row.confidentiality === 'PUBLIC') {
    Object.assign(doc, {
      description: row.description,
      ipNumbers: row.ipItems.map((item) => item.number).filter((number): number is string => !!number),
      budgetMinFen: fen(row.budgetMinFen),
      budgetMaxFen: fen(row.budgetMaxFen),
    });
  }
  const original = simplifyFields(doc, ['title', 'summary', 'description', 'ipTitles'] as const);
  return original ? { ...doc, original } : doc;
}
