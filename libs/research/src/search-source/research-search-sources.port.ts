import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  IndexChanges,
  PolicyDocument,
  PolicySourceRow,
  ResultDocument,
  ResultSourceRow,
  SearchDocumentSource,
  SearchSources,
  toPolicyDocument,
  toResultDocument,
} from '@pilotlink/search';
import type { EntityManager } from 'typeorm';

/** The condition of isSearchableResult (search's result-document.ts) in SQL. */
const SEARCHABLE_RESULT = `status IN ('PUBLISHED', 'IN_PILOT', 'TRANSFERRED') AND confidentiality IN ('PUBLIC', 'SUMMARY')`;

/** Columns aliased to ResultSourceRow's names (pg returns bigint as a string, timestamptz as a Date). */
const RESULT_SELECT = `
  SELECT id, institute_org_id AS "instituteOrgId", title, summary, description, field_code AS "fieldCode",
         stage_reached AS "stageReached", readiness_level AS "readinessLevel", ip_items AS "ipItems",
         verification_categories AS "verificationCategories", target_stage AS "targetStage",
         budget_min_fen AS "budgetMinFen", budget_max_fen AS "budgetMaxFen", transfer_modes AS "transferModes",
         confidentiality, status, published_at AS "publishedAt", updated_at AS "updatedAt"
    FROM research_results`;

/** The condition of toPolicyDocument in SQL. */
const SEARCHABLE_POLICY = `status = 'PUBLISHED'`;

const POLICY_SELECT = `
  SELECT id, title, issuing_body AS "issuingBody", document_number AS "documentNumber",
         to_char(issued_on, 'YYYY-MM-DD') AS "issuedOn", body, region_code AS "regionCode", status,
         published_at AS "publishedAt", updated_at AS "updatedAt"
    FROM policy_notices`;

/** The results index: live PUBLIC/SUMMARY results (summary fields only unless PUBLIC); others are deleted. */
@Injectable()
export class ResultSearchSource implements SearchDocumentSource<ResultDocument>, OnModuleInit {
  readonly index = 'results';

  constructor(private readonly sources: SearchSources) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  async changes(manager: EntityManager, ids: readonly string[]): Promise<IndexChanges<ResultDocument>> {
    if (ids.length === 0) return { upserts: [], deletes: [] };
    const rows = await manager.query<ResultSourceRow[]>(`${RESULT_SELECT} WHERE id = ANY($1::uuid[])`, [[...ids]]);
    const upserts = rows.map(toResultDocument).filter((doc): doc is ResultDocument => !!doc);
    const found = new Set(upserts.map((doc) => doc.id));
    return { upserts, deletes: ids.filter((id) => !found.has(id)) };
  }

  async *pages(manager: EntityManager, pageSize: number): AsyncGenerator<ResultDocument[]> {
    for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
      const rows = await manager.query<ResultSourceRow[]>(
        `${RESULT_SELECT} WHERE ${SEARCHABLE_RESULT} AND id > $1 ORDER BY id LIMIT $2`,
        [after, pageSize],
      );
      if (rows.length === 0) return;
      yield rows.map((row) => toResultDocument(row)!);
      after = rows[rows.length - 1].id;
    }
  }

  async count(manager: EntityManager): Promise<number> {
    const [{ count }] = await manager.query<{ count: string }[]>(
      `SELECT count(*) FROM research_results WHERE ${SEARCHABLE_RESULT}`,
    );
    return Number(count);
  }

  async versions(manager: EntityManager): Promise<Map<string, number>> {
    return versionsOf(
      manager,
      `SELECT id, floor(extract(epoch FROM updated_at) * 1000)::bigint AS version
         FROM research_results WHERE ${SEARCHABLE_RESULT}`,
    );
  }
}

/** The policies index: published policy notices; any other id is deleted. */
@Injectable()
export class PolicySearchSource implements SearchDocumentSource<PolicyDocument>, OnModuleInit {
  readonly index = 'policies';

  constructor(private readonly sources: SearchSources) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  async changes(manager: EntityManager, ids: readonly string[]): Promise<IndexChanges<PolicyDocument>> {
    if (ids.length === 0) return { upserts: [], deletes: [] };
    const rows = await manager.query<PolicySourceRow[]>(`${POLICY_SELECT} WHERE id = ANY($1::uuid[])`, [[...ids]]);
    const upserts = rows.map(toPolicyDocument).filter((doc): doc is PolicyDocument => !!doc);
    const found = new Set(upserts.map((doc) => doc.id));
    return { upserts, deletes: ids.filter((id) => !found.has(id)) };
  }

  async *pages(manager: EntityManager, pageSize: number): AsyncGenerator<PolicyDocument[]> {
    for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
      const rows = await manager.query<PolicySourceRow[]>(
        `${POLICY_SELECT} WHERE ${SEARCHABLE_POLICY} AND id > $1 ORDER BY id LIMIT $2`,
        [after, pageSize],
      );
      if (rows.length === 0) return;
      yield rows.map((row) => toPolicyDocument(row)!);
      after = rows[rows.length - 1].id;
    }
  }

  async count(manager: EntityManager): Promise<number> {
    const [{ count }] = await manager.query<{ count: string }[]>(
      `SELECT count(*) FROM policy_notices WHERE ${SEARCHABLE_POLICY}`,
    );
    return Number(count);
  }

  async versions(manager: EntityManager): Promise<Map<string, number>> {
    return versionsOf(
      manager,
      `SELECT id, floor(extract(epoch FROM updated_at) * 1000)::bigint AS version
         FROM policy_notices WHERE ${SEARCHABLE_POLICY}`,
    );
  }
}

/** Versions as the document mappers compute them: updated_at in unix ms. */
async function versionsOf(manager: EntityManager, sql: string): Promise<Map<string, number>> {
  const rows = await manager.query<{ id: string; version: string }[]>(sql);
  return new Map(rows.map((row) => [row.id, Number(row.version)]));
}
