import { simplifyFields } from './chinese-text';
import { unixSeconds } from './document-parts';
import { regionHierarchy } from './region-codes';

/** A policy notice row as research's search source reads it (search imports no owner context). */
export interface PolicySourceRow {
  id: string;
  title: string;
  issuingBody: string;
  documentNumber: string | null;
  issuedOn: string;
  body: string;
  regionCode: string;
  status: string;
  publishedAt: Date | null;
  updatedAt: Date;
}

/** A published policy notice (政策资讯), public: Traditional text is converted for search, the original kept. */
export interface PolicyDocument {
  id: string;
  title: string;
  issuingBody: string;
  documentNumber: string | null;
  /** YYYY-MM-DD (sorts as text). */
  issuedOn: string;
  body: string;
  regionCode: string;
  regionCodes: string[];
  publishedAt: number;
  updatedAt: number;
  original?: { title?: string; issuingBody?: string; body?: string };
}

export function toPolicyDocument(row: PolicySourceRow): PolicyDocument | null {
  if (row.status !== 'PUBLISHED') return null;
  const doc: PolicyDocument = {
    id: row.id,
    title: row.title,
    issuingBody: row.issuingBody,
    documentNumber: row.documentNumber,
    issuedOn: row.issuedOn,
    body: row.body,
    regionCode: row.regionCode,
    regionCodes: regionHierarchy(row.regionCode),
    publishedAt: unixSeconds(row.publishedAt ?? row.updatedAt),
    updatedAt: row.updatedAt.getTime(),
  };
  const original = simplifyFields(doc, ['title', 'issuingBody', 'body'] as const);
  return original ? { ...doc, original } : doc;
}
