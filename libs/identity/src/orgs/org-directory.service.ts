import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotFoundError } from '@pilotlink/core';
import { querySql, Sql, sql } from '@pilotlink/database';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '@pilotlink/core';
import { canSeeOrg } from '../access/org-access';
import type { OrgKind, UserRole } from '@pilotlink/core';
import type { Shareholder } from '../domain/org-facts';
import { Org } from '../domain/org.entity';
import { jurisdictionPrefix } from '../domain/region';
import { readShareholders } from './org-shareholders';

/**
 * The facts of an org that voucher eligibility (kind, tech SME, team, region) and the related-party rule
 * (USCC, legal representative, shareholders by descending share) look at.
 */
export interface OrgVoucherFacts {
  orgId: string;
  name: string;
  kind: OrgKind;
  techSme: boolean;
  isTeam: boolean;
  regionCode: string;
  uscc: string | null;
  legalRepresentative: string | null;
  shareholders: Shareholder[];
}

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

  /**
   * Who the orgs are, by id (visibility rules and recipients in other contexts); unknown ids are absent.
   * One query for any number of orgs.
   */
  async profilesOf(orgIds: readonly string[]): Promise<Map<string, OrgProfile>> {
    if (orgIds.length === 0) return new Map();
    const rows = await this.dataSource.query<
      { id: string; kind: Org['kind']; name: string; region_code: string; verified: boolean; tech_sme: boolean }[]
    >(
      `SELECT id, kind, name, region_code, verification_status = 'VERIFIED' AS verified, tech_sme
         FROM orgs WHERE id = ANY($1::uuid[])`,
      [[...new Set(orgIds)]],
    );
    return new Map(
      rows.map((row) => [
        row.id,
        {
          id: row.id,
          kind: row.kind,
          name: row.name,
          regionCode: row.region_code,
          verified: row.verified,
          techSme: row.tech_sme,
        },
      ]),
    );
  }

  /** The voucher facts of these orgs, shareholders included, in one query; unknown ids are absent. */
  async voucherFactsOf(
    orgIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, OrgVoucherFacts>> {
    if (orgIds.length === 0) return new Map();
    const rows = await querySql<OrgVoucherFacts>(manager, this.voucherFactsSql(sql`${[...new Set(orgIds)]}::uuid[]`));
    return new Map(rows.map((row) => [row.orgId, row]));
  }

  /**
   * `voucherFactsOf`'s query, for another context to gather it with its own facts in one statement (`orgIds` a
   * SQL expression of a uuid[]); its rows, as read or as JSON, are `OrgVoucherFacts`.
   */
  voucherFactsSql(orgIds: Sql): Sql {
    return sql`SELECT o.id AS "orgId", o.name, o.kind, o.tech_sme AS "techSme", o.is_team AS "isTeam",
              o.region_code AS "regionCode", o.uscc, o.legal_representative AS "legalRepresentative",
              coalesce(json_agg(json_build_object('holderKey', s.holder_key, 'holderName', s.holder_name,
                                                  'shareBp', s.share_bp) ORDER BY s.share_bp DESC, s.holder_key)
                       FILTER (WHERE s.holder_key IS NOT NULL), '[]') AS shareholders
         FROM orgs o LEFT JOIN org_shareholders s ON s.org_id = o.id
        WHERE o.id = ANY(${orgIds}) GROUP BY o.id`;
  }

  /** Other orgs with this org's legal representative (none when it has none). */
  async sameLegalRepresentative(orgId: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(
      `SELECT o.id FROM orgs o JOIN orgs me ON me.id = $1
        WHERE o.id <> me.id AND me.legal_representative IS NOT NULL AND o.legal_representative = me.legal_representative`,
      [orgId],
    );
    return rows.map((row) => row.id);
  }

  /** An org's major shareholders, the largest first. */
  async shareholdersOf(orgId: string): Promise<Shareholder[]> {
    return readShareholders(this.dataSource.manager, orgId);
  }
}

/** An org as other contexts see it: its kind, name, region and whether it is verified. */
export interface OrgProfile {
  id: string;
  kind: Org['kind'];
  name: string;
  regionCode: string;
  verified: boolean;
  /** 科技型中小企业 (the verified value). */
  techSme: boolean;
}
