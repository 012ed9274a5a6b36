import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  DemandDocument,
  DemandSourceRow,
  IndexChanges,
  SearchDocumentSource,
  SearchSources,
  toDemandDocument,
} from '@pilotlink/search';
import type { EntityManager } from 'typeorm';

/** The condition of isSearchableDemand (search's demand-document.ts) in SQL. */
const SEARCHABLE_DEMAND = `status = 'OPEN' AND confidentiality IN ('PUBLIC', 'SUMMARY')`;

/** Columns aliased to DemandSourceRow's names (pg returns bigint as a string, timestamptz as a Date). */
const DEMAND_SELECT = `
  SELECT id, sme_org_id AS "smeOrgId", title, description, field_code AS "fieldCode", stage, categories,
         budget_min_fen AS "budgetMinFen", budget_max_fen AS "budgetMaxFen",
         to_char(wanted_by, 'YYYY-MM-DD') AS "wantedBy", region_code AS "regionCode", mode,
         reward_fen AS "rewardFen", to_char(challenge_deadline, 'YYYY-MM-DD') AS "challengeDeadline",
         confidentiality, status, published_at AS "publishedAt", updated_at AS "updatedAt"
    FROM demands`;

/** The demands index: open PUBLIC/SUMMARY demands (summary fields only unless PUBLIC); any other id is deleted. */
@Injectable()
export class DemandSearchSource implements SearchDocumentSource<DemandDocument>, OnModuleInit {
  readonly index = 'demands';

  constructor(private readonly sources: SearchSources) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  async changes(manager: EntityManager, ids: readonly string[]): Promise<IndexChanges<DemandDocument>> {
    if (ids.length === 0) return { upserts: [], deletes: [] };
    const rows = await manager.query<DemandSourceRow[]>(`${DEMAND_SELECT} WHERE id = ANY($1::uuid[])`, [[...ids]]);
    const upserts = rows.map(toDemandDocument).filter((doc): doc is DemandDocument => !!doc);
    const found = new Set(upserts.map((doc) => doc.id));
    return { upserts, deletes: ids.filter((id) => !found.has(id)) };
  }

  async *pages(manager: EntityManager, pageSize: number): AsyncGenerator<DemandDocument[]> {
    for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
      const rows = await manager.query<DemandSourceRow[]>(
        `${DEMAND_SELECT} WHERE ${SEARCHABLE_DEMAND} AND id > $1 ORDER BY id LIMIT $2`,
        [after, pageSize],
      );
      if (rows.length === 0) return;
      yield rows.map((row) => toDemandDocument(row)!);
      after = rows[rows.length - 1].id;
    }
  }

  async count(manager: EntityManager): Promise<number> {
    const [{ count }] = await manager.query<{ count: string }[]>(
      `SELECT count(*) FROM demands WHERE ${SEARCHABLE_DEMAND}`,
    );
    return Number(count);
  }

  async versions(manager: EntityManager): Promise<Map<string, number>> {
    const rows = await manager.query<{ id: string; version: string }[]>(`
      SELECT id, floor(extract(epoch FROM updated_at) * 1000)::bigint AS version
        FROM demands
       WHERE ${SEARCHABLE_DEMAND}`);
    return new Map(rows.map((row) => [row.id, Number(row.version)]));
  }
}
