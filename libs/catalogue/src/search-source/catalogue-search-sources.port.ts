import { Injectable, OnModuleInit } from '@nestjs/common';
import { chinaDate, Clock } from '@pilotlink/core';
import { OrgDisplay, OrgDisplayFacts } from '@pilotlink/identity';
import {
  IndexChanges,
  PlatformDocument,
  SearchDocumentSource,
  SearchSources,
  ServiceDocument,
  toPlatformDocument,
  toServiceDocument,
} from '@pilotlink/search';
import { EntityManager, In, MoreThan } from 'typeorm';
import { PilotService } from '../domain/pilot-service.entity';
import { PlatformQualification } from '../domain/platform-qualification.entity';
import { Platform } from '../domain/platform.entity';

/*
 * The rule of SPEC §3 lives here: only LISTED platforms, and PUBLISHED services of LISTED platforms, are
 * searchable; any other id (or one that no longer exists) is to be deleted from the index.
 */

/** The platforms index: listed platforms with their host org and qualifications. */
@Injectable()
export class PlatformSearchSource implements SearchDocumentSource<PlatformDocument>, OnModuleInit {
  readonly index = 'platforms';

  constructor(
    private readonly sources: SearchSources,
    private readonly orgs: OrgDisplay,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  async changes(manager: EntityManager, ids: readonly string[]): Promise<IndexChanges<PlatformDocument>> {
    if (ids.length === 0) return { upserts: [], deletes: [] };
    const listed = await manager.find(Platform, { where: { id: In([...ids]), status: 'LISTED' } });
    const upserts = await this.documents(manager, listed);
    const found = new Set(upserts.map((doc) => doc.id));
    return { upserts, deletes: ids.filter((id) => !found.has(id)) };
  }

  async *pages(manager: EntityManager, pageSize: number): AsyncGenerator<PlatformDocument[]> {
    for (let after = ''; ;) {
      const page = await manager.find(Platform, {
        where: { status: 'LISTED', ...(after ? { id: MoreThan(after) } : {}) },
        order: { id: 'ASC' },
        take: pageSize,
      });
      if (page.length === 0) return;
      yield await this.documents(manager, page);
      after = page[page.length - 1].id;
    }
  }

  async count(manager: EntityManager): Promise<number> {
    const [{ count }] = await manager.query<{ count: string }[]>(
      `SELECT count(*) FROM platforms WHERE status = 'LISTED'`,
    );
    return Number(count);
  }

  async versions(manager: EntityManager): Promise<Map<string, number>> {
    const rows = await manager.query<VersionRow[]>(`
      SELECT p.id, p.operator_org_id AS "orgId",
             floor(extract(epoch FROM greatest(p.updated_at, max(q.created_at))) * 1000)::bigint AS version
        FROM platforms p
        LEFT JOIN platform_qualifications q ON q.platform_id = p.id
       WHERE p.status = 'LISTED'
       GROUP BY p.id`);
    return withOrgVersions(
      rows,
      await this.orgs.ofIds(
        manager,
        rows.map((row) => row.orgId),
      ),
    );
  }

  /** Every service of these platforms, whatever its status: a platform change can show or hide them all. */
  async dependents(manager: EntityManager, ids: readonly string[]): Promise<{ services: string[] }> {
    const rows = await manager.find(PilotService, { select: { id: true }, where: { platformId: In([...ids]) } });
    return { services: rows.map((row) => row.id) };
  }

  private async documents(manager: EntityManager, platforms: Platform[]): Promise<PlatformDocument[]> {
    if (platforms.length === 0) return [];
    const ids = platforms.map((p) => p.id);
    const qualifications = await manager.find(PlatformQualification, { where: { platformId: In(ids) } });
    const hosts = await this.orgs.ofIds(manager, operatorsOf(platforms));
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
}

/** The services index: published services of listed platforms, with their platform and host org. */
@Injectable()
export class ServiceSearchSource implements SearchDocumentSource<ServiceDocument>, OnModuleInit {
  readonly index = 'services';

  constructor(
    private readonly sources: SearchSources,
    private readonly orgs: OrgDisplay,
  ) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  async changes(manager: EntityManager, ids: readonly string[]): Promise<IndexChanges<ServiceDocument>> {
    if (ids.length === 0) return { upserts: [], deletes: [] };
    const published = await manager.find(PilotService, { where: { id: In([...ids]), status: 'PUBLISHED' } });
    const upserts = await this.documents(manager, published);
    const found = new Set(upserts.map((doc) => doc.id));
    return { upserts, deletes: ids.filter((id) => !found.has(id)) };
  }

  async *pages(manager: EntityManager, pageSize: number): AsyncGenerator<ServiceDocument[]> {
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
      yield await this.documents(manager, page);
      after = page[page.length - 1].id;
    }
  }

  async count(manager: EntityManager): Promise<number> {
    const [{ count }] = await manager.query<{ count: string }[]>(
      `SELECT count(*) FROM services s JOIN platforms p ON p.id = s.platform_id
        WHERE s.status = 'PUBLISHED' AND p.status = 'LISTED'`,
    );
    return Number(count);
  }

  async versions(manager: EntityManager): Promise<Map<string, number>> {
    const rows = await manager.query<VersionRow[]>(`
      SELECT s.id, p.operator_org_id AS "orgId",
             floor(extract(epoch FROM greatest(s.updated_at, p.updated_at)) * 1000)::bigint AS version
        FROM services s
        JOIN platforms p ON p.id = s.platform_id
       WHERE s.status = 'PUBLISHED' AND p.status = 'LISTED'`);
    return withOrgVersions(
      rows,
      await this.orgs.ofIds(
        manager,
        rows.map((row) => row.orgId),
      ),
    );
  }

  private async documents(manager: EntityManager, services: PilotService[]): Promise<ServiceDocument[]> {
    if (services.length === 0) return [];
    const platformIds = [...new Set(services.map((s) => s.platformId))];
    const listed = await manager.find(Platform, { where: { id: In(platformIds), status: 'LISTED' } });
    const platforms = new Map(listed.map((p) => [p.id, p]));
    const hosts = await this.orgs.ofIds(manager, operatorsOf(listed));
    return services
      .filter((service) => platforms.has(service.platformId))
      .map((service) => {
        const platform = platforms.get(service.platformId)!;
        return toServiceDocument(service, platform, hosts.get(platform.operatorOrgId)!);
      });
  }
}

interface VersionRow {
  id: string;
  orgId: string;
  /** bigint: a string. */
  version: string;
}

function operatorsOf(platforms: readonly Platform[]): string[] {
  return [...new Set(platforms.map((p) => p.operatorOrgId))];
}

/**
 * A document's version is the newest of its rows, the host org's included (greatest() of the timestamps,
 * floored to ms, equals the greatest of the floored ones). A row whose org is gone is not searchable.
 */
function withOrgVersions(rows: readonly VersionRow[], orgs: Map<string, OrgDisplayFacts>): Map<string, number> {
  const versions = new Map<string, number>();
  for (const row of rows) {
    const org = orgs.get(row.orgId);
    if (org) versions.set(row.id, Math.max(Number(row.version), org.updatedAt.getTime()));
  }
  return versions;
}
