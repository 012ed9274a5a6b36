import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotFoundError } from '@pilotlink/core';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../access/actor';
import { canSeeOrg } from '../access/org-access';
import type { OrgKind, UserRole } from '../domain/org';
import { Org } from '../domain/org.entity';
import { jurisdictionPrefix } from '../domain/region';

/** Reads of orgs that other contexts need too (verification gates, visibility). */
@Injectable()
export class OrgDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async isVerified(orgId: string): Promise<boolean> {
    // Plain SQL: the guard asks this on every money-moving request, and a query builder costs more CPU here.
    const rows = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM orgs WHERE id = $1 AND verification_status = 'VERIFIED'`,
      [orgId],
    );
    return rows.length > 0;
  }

  /** Org names by id (for showing who published something others may see); unknown ids are absent. */
  async namesOf(orgIds: readonly string[]): Promise<Map<string, string>> {
    if (orgIds.length === 0) return new Map();
    const rows = await this.dataSource.query<{ id: string; name: string }[]>(
      `SELECT id, name FROM orgs WHERE id = ANY($1::uuid[])`,
      [[...new Set(orgIds)]],
    );
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  /** Region codes by org id (jurisdiction checks in other contexts); unknown ids are absent. */
  async regionsOf(orgIds: readonly string[]): Promise<Map<string, string>> {
    if (orgIds.length === 0) return new Map();
    const rows = await this.dataSource.query<{ id: string; region_code: string }[]>(
      `SELECT id, region_code FROM orgs WHERE id = ANY($1::uuid[])`,
      [[...new Set(orgIds)]],
    );
    return new Map(rows.map((row) => [row.id, row.region_code]));
  }

  /** Ids of the orgs a bureau of this jurisdiction covers (350500: every 3505xx org), at most `limit`. */
  async orgIdsInJurisdiction(jurisdiction: string, limit = 5000): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM orgs WHERE region_code LIKE $1 ORDER BY id LIMIT $2`,
      [`${jurisdictionPrefix(jurisdiction)}%`, limit],
    );
    return rows.map((row) => row.id);
  }

  /** An active account of the org with its display name, or null (someone else's, deactivated, unknown). */
  async activeMember(orgId: string, userId: string): Promise<{ id: string; displayName: string } | null> {
    const rows = await this.dataSource.query<{ id: string; display_name: string }[]>(
      `SELECT id, display_name FROM users WHERE id = $1 AND org_id = $2 AND is_active`,
      [userId, orgId],
    );
    return rows[0] ? { id: rows[0].id, displayName: rows[0].display_name } : null;
  }

  /** Display names of accounts by id (for showing who does something); unknown ids are absent. */
  async userNamesOf(userIds: readonly string[]): Promise<Map<string, string>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.dataSource.query<{ id: string; display_name: string }[]>(
      `SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])`,
      [[...new Set(userIds)]],
    );
    return new Map(rows.map((row) => [row.id, row.display_name]));
  }

  /** The user's role now (null when the account is gone or deactivated): bureau duties are checked live. */
  async currentRole(userId: string): Promise<UserRole | null> {
    const rows = await this.dataSource.query<{ role: UserRole }[]>(
      `SELECT role FROM users WHERE id = $1 AND is_active`,
      [userId],
    );
    return rows[0]?.role ?? null;
  }

  /** The org if the actor may see it; otherwise 404, whether it exists or not. */
  async getVisible(
    actor: Actor,
    orgId: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<Org> {
    const org = await manager.findOne(Org, {
      where: { id: orgId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!org || !canSeeOrg(actor, org)) throw new NotFoundError('Organisation');
    return org;
  }

  /** Org kinds by id (who may be told what, in other contexts); unknown ids are absent. */
  async kindsOf(orgIds: readonly string[]): Promise<Map<string, OrgKind>> {
    if (orgIds.length === 0) return new Map();
    const rows = await this.dataSource.query<{ id: string; kind: OrgKind }[]>(
      `SELECT id, kind FROM orgs WHERE id = ANY($1::uuid[])`,
      [[...new Set(orgIds)]],
    );
    return new Map(rows.map((row) => [row.id, row.kind]));
  }
}
