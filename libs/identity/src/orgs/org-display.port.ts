import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** What other contexts show of an org next to their own data: its name, and when it last changed. */
export interface OrgDisplayFacts {
  name: string;
  updatedAt: Date;
}

/** Names and versions of orgs, for documents built from another context's rows (search listings). */
@Injectable()
export class OrgDisplay {
  /** By org id; unknown ids are absent. Reads through the caller's manager (the relay's transaction). */
  async ofIds(manager: EntityManager, orgIds: readonly string[]): Promise<Map<string, OrgDisplayFacts>> {
    if (orgIds.length === 0) return new Map();
    const rows = await manager.query<{ id: string; name: string; updated_at: Date }[]>(
      `SELECT id, name, updated_at FROM orgs WHERE id = ANY($1::uuid[])`,
      [[...new Set(orgIds)]],
    );
    return new Map(rows.map((row) => [row.id, { name: row.name, updatedAt: row.updated_at }]));
  }
}
