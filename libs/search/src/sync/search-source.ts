import { Injectable } from '@nestjs/common';
import { PilotService, Platform, PlatformQualification } from '@pilotlink/catalogue';
import { chinaDate, Clock } from '@pilotlink/core';
import { Org } from '@pilotlink/identity';
import { EntityManager, In, MoreThan } from 'typeorm';
import { DemandDocument, DemandSourceRow, toDemandDocument } from '../documents/demand-document';
import { HostOrg } from '../documents/document-parts';
import { PlatformDocument, toPlatformDocument } from '../documents/platform-document';
import { ResultDocument, ResultSourceRow, toResultDocument } from '../documents/result-document';
import { PolicyDocument, PolicySourceRow, toPolicyDocument } from '../documents/policy-document';
import { ServiceDocument, toServiceDocument } from '../documents/service-document';
import type { SearchIndexKind } from '../indexes/search-indexes';

/** What the index should hold for a set of ids: documents to upsert and ids to delete. */
export interface IndexChanges<D> {
  upserts: D[];
  deletes: string[];
}

/**
 * Reads the searchable state from PostgreSQL and turns it into documents. The rule of SPEC §3 lives
 * here: only LISTED platforms, and PUBLISHED services of LISTED platforms, are searchable; any other
 * id (or one that no longer exists) is to be deleted from the index.
 */
@Injectable()
export class SearchSource {
  constructor(private readonly clock: Clock) {}

  async platformChanges(manager: EntityManager, ids: readonly string[]): Promise<IndexChanges<PlatformDocument>> {
    if (ids.length === 0) return { upserts: [], deletes: [] };
    const listed = await manager.find(Platform, { where: { id: In([...ids]), status: 'LISTED' } });
    const upserts = await this.platformDocuments(manager, listed);
    const found = new Set(upserts.map((doc) => doc.id));
    return { upserts, deletes: ids.filter((id) => !found.has(id)) };
  }

  async serviceChanges(manager: EntityManager, ids: readonly string[]): Promise<IndexChanges<ServiceDocument>> {
    if (ids.length === 0) return { upserts: [], deletes: [] };
    const published = await manager.find(PilotService, { where: { id: In([...ids]), status: 'PUBLISHED' } });
    const upserts = await this.serviceDocuments(manager, published);
    const found = new Set(upserts.map((doc) => doc.id));
    return { upserts, deletes: ids.filter((id) => !found.has(id)) };
  }

  /** Open PUBLIC/SUMMARY demands become documents (summary fields only unless PUBLIC); any other id is deleted. */
  async demandChanges(manager: EntityManager, ids: readonly string[]): Promise<IndexChanges<DemandDocument>> {
    if (ids.length === 0) return { upserts: [], deletes: [] };
    const rows = await manager.query<DemandSourceRow[]>(`${DEMAND_SELECT} WHERE id = ANY($1::uuid[])`, [[...ids]]);
    const upserts = rows.map(toDemandDocument).filter((doc): doc is DemandDocument => !!doc);
    const found = new Set(upserts.map((doc) => doc.id));
    return { upserts, deletes: ids.filter((id) => !found.has(id)) };
  }

  /** Live PUBLIC/SUMMARY research results become documents (summary fields only unless PUBLIC); others are deleted. */
  async resultChanges(manager: EntityManager, ids: readonly string[]): Promise<IndexChanges<ResultDocument>> {
    if (ids.length === 0) return { upserts: [], deletes: [] };
    const rows = await manager.query<ResultSourceRow[]>(`${RESULT_SELECT} WHERE id = ANY($1::uuid[])`, [[...ids]]);
    const upserts = rows.map(toResultDocument).filter((doc): doc is ResultDocument => !!doc);
    const found = new Set(upserts.map((doc) => doc.id));
    return { upserts, deletes: ids.filter((id) => !found.has(id)) };
  }

  /** Keyset pages of every searchable result, for a full reindex. */
  async *allResultDocuments(manager: EntityManager, pageSize: number): AsyncGenerator<ResultDocument[]> {
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

  /** Published policy notices become documents; any other id is deleted. */
  async policyChanges(manager: EntityManager, ids: readonly string[]): Promise<IndexChanges<PolicyDocument>> {
    if (ids.length === 0) return { upserts: [], deletes: [] };
    const rows = await manager.query<PolicySourceRow[]>(`${POLICY_SELECT} WHERE id = ANY($1::uuid[])`, [[...ids]]);
    const upserts = rows.map(toPolicyDocument).filter((doc): doc is PolicyDocument => !!doc);
    const found = new Set(upserts.map((doc) => doc.id));
    return { upserts, deletes: ids.filter((id) => !found.has(id)) };
  }

  /** Keyset pages of every published policy notice, for a full reindex. */
  async *allPolicyDocuments(manager: EntityManager, pageSize: number): AsyncGenerator<PolicyDocument[]> {
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

  /** Keyset pages of every searchable demand, for a full reindex. */
  async *allDemandDocuments(manager: EntityManager, pageSize: number): AsyncGenerator<DemandDocument[]> {
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

  /** Every service of these platforms, whatever its status: a platform change can show or hide them all. */
  async serviceIdsOfPlatforms(manager: EntityManager, platformIds: readonly string[]): Promise<string[]> {
    if (platformIds.length === 0) return [];
    const rows = await manager.find(PilotService, {
      select: { id: true },
      where: { platformId: In([...platformIds]) },
    });
    return rows.map((row) => row.id);
  }

  /** Keyset pages of every searchable platform, for a full reindex. */
  async *allPlatformDocuments(manager: EntityManager, pageSize: number): AsyncGenerator<PlatformDocument[]> {
    for (let after = ''; ;) {
      const page = await manager.find(Platform, {
        where: { status: 'LISTED', ...(after ? { id: MoreThan(after) } : {}) },
        order: { id: 'ASC' },
        take: pageSize,
      });
      if (page.length === 0) return;
      yield await this.platformDocuments(manager, page);
      after = page[page.length - 1].id;
    }
  }

  /** Keyset pages of every searchable service (published, on a listed platform), for a full reindex. */
  async *allServiceDocuments(manager: EntityManager, pageSize: number): AsyncGenerator<ServiceDocument[]> {
    for (let after = ''; ;) {
      const query = manager
        .getRepository(PilotService)
        .createQueryBuilder('s')
        .innerJoin(Platform, 'p', 'p.id = s.platform_id')
        .where(`s.status = 'PUBLISHED' AND p.status = 'LISTED'`)
        .orderBy('s.id', 'ASC')
        .limit(pageSize);
      if (after) query.andWhere('s.id > :after', { after });
      const page = await query.getMany();
      if (page.length === 0) return;
      yield await this.serviceDocuments(manager, page);
      after = page[page.length - 1].id;
    }
  }

  /** How many documents a full reindex of this index will write (for its progress). */
  async countSearchable(manager: EntityManager, kind: SearchIndexKind): Promise<number> {
    const [{ count }] = await manager.query<{ count: string }[]>(COUNT_SQL[kind]);
    return Number(count);
  }

  private async platformDocuments(manager: EntityManager, platforms: Platform[]): Promise<PlatformDocument[]> {
    if (platforms.length === 0) return [];
    const ids = platforms.map((p) => p.id);
    const qualifications = await manager.find(PlatformQualification, { where: { platformId: In(ids) } });
    const hosts = await this.hostOrgs(manager, platforms);
    const today = chinaDate(this.clock.now());
    return platforms.map((platform) =>
      toPlatformDocument(
        platform,
        qualifications.filter((q) => q.platformId === platform.id),
        hosts.get(platform.operatorOrgId)!,
        today,
      ),
    );
  }

  private async serviceDocuments(manager: EntityManager, services: PilotService[]): Promise<ServiceDocument[]> {
    if (services.length === 0) return [];
    const platformIds = [...new Set(services.map((s) => s.platformId))];
    const listed = await manager.find(Platform, { where: { id: In(platformIds), status: 'LISTED' } });
    const platforms = new Map(listed.map((p) => [p.id, p]));
    const hosts = await this.hostOrgs(manager, listed);
    return services
      .filter((service) => platforms.has(service.platformId))
      .map((service) => {
        const platform = platforms.get(service.platformId)!;
        return toServiceDocument(service, platform, hosts.get(platform.operatorOrgId)!);
      });
  }

  private async hostOrgs(manager: EntityManager, platforms: Platform[]): Promise<Map<string, HostOrg>> {
    const ids = [...new Set(platforms.map((p) => p.operatorOrgId))];
    if (ids.length === 0) return new Map();
    const orgs = await manager.find(Org, { select: { id: true, name: true, updatedAt: true }, where: { id: In(ids) } });
    return new Map(orgs.map((org) => [org.id, { name: org.name, updatedAt: org.updatedAt }]));
  }
}

/**
 * Demands are read by SQL: @pilotlink/demand imports search, so search cannot import its entity. The
 * condition mirrors isSearchableDemand (demand-document.ts).
 */
export const SEARCHABLE_DEMAND = `status = 'OPEN' AND confidentiality IN ('PUBLIC', 'SUMMARY')`;

/** Columns aliased to DemandSourceRow's names (pg returns bigint as a string, timestamptz as a Date). */
const DEMAND_SELECT = `
  SELECT id, sme_org_id AS "smeOrgId", title, description, field_code AS "fieldCode", stage, categories,
         budget_min_fen AS "budgetMinFen", budget_max_fen AS "budgetMaxFen",
         to_char(wanted_by, 'YYYY-MM-DD') AS "wantedBy", region_code AS "regionCode", mode,
         reward_fen AS "rewardFen", to_char(challenge_deadline, 'YYYY-MM-DD') AS "challengeDeadline",
         confidentiality, status, published_at AS "publishedAt", updated_at AS "updatedAt"
    FROM demands`;

/**
 * Research results are read by SQL for the same reason as demands (@pilotlink/research imports search). The
 * condition mirrors isSearchableResult (result-document.ts).
 */
export const SEARCHABLE_RESULT = `status IN ('PUBLISHED', 'IN_PILOT', 'TRANSFERRED') AND confidentiality IN ('PUBLIC', 'SUMMARY')`;

const RESULT_SELECT = `
  SELECT id, institute_org_id AS "instituteOrgId", title, summary, description, field_code AS "fieldCode",
         stage_reached AS "stageReached", readiness_level AS "readinessLevel", ip_items AS "ipItems",
         verification_categories AS "verificationCategories", target_stage AS "targetStage",
         budget_min_fen AS "budgetMinFen", budget_max_fen AS "budgetMaxFen", transfer_modes AS "transferModes",
         confidentiality, status, published_at AS "publishedAt", updated_at AS "updatedAt"
    FROM research_results`;

/** Policy notices are read by SQL like results; the condition mirrors toPolicyDocument. */
export const SEARCHABLE_POLICY = `status = 'PUBLISHED'`;

const POLICY_SELECT = `
  SELECT id, title, issuing_body AS "issuingBody", document_number AS "documentNumber",
         to_char(issued_on, 'YYYY-MM-DD') AS "issuedOn", body, region_code AS "regionCode", status,
         published_at AS "publishedAt", updated_at AS "updatedAt"
    FROM policy_notices`;

/** The same conditions as the all*Documents generators, counted. */
const COUNT_SQL: Record<SearchIndexKind, string> = {
  services: `SELECT count(*) FROM services s JOIN platforms p ON p.id = s.platform_id
              WHERE s.status = 'PUBLISHED' AND p.status = 'LISTED'`,
  platforms: `SELECT count(*) FROM platforms WHERE status = 'LISTED'`,
  demands: `SELECT count(*) FROM demands WHERE ${SEARCHABLE_DEMAND}`,
  results: `SELECT count(*) FROM research_results WHERE ${SEARCHABLE_RESULT}`,
  policies: `SELECT count(*) FROM policy_notices WHERE ${SEARCHABLE_POLICY}`,
};
