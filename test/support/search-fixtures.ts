import { PilotService } from '@pilotlink/catalogue/domain/pilot-service.entity';
import { Platform } from '@pilotlink/catalogue/domain/platform.entity';
import { PlatformQualification } from '@pilotlink/catalogue/domain/platform-qualification.entity';
import { withTransaction } from '@pilotlink/database';
import { OutboxService } from '@pilotlink/queue';
import { MEILI, SearchIndexes, SearchIndexKind } from '@pilotlink/search';
import { createPrivilegedOrg, RegisteredOrg, registerOrg, TestApp } from '@pilotlink/testing';
import type { Meilisearch } from 'meilisearch';

/**
 * Catalogue rows for search tests, written the way the catalogue writes them: the row and its outbox
 * row in one transaction (the contract the relay relies on). Direct inserts let a test build an exact
 * dataset quickly; `CatalogueApi` below goes through the HTTP API where the path itself is under test.
 */
export class CatalogueRows {
  constructor(private readonly t: TestApp) {}

  async operator(name?: string, regionCode = '350582'): Promise<RegisteredOrg> {
    return registerOrg(this.t.http, { kind: 'PLATFORM_OPERATOR', name, regionCode });
  }

  async platform(
    operatorOrgId: string,
    fields: Partial<Platform> = {},
    qualifications: Partial<PlatformQualification>[] = [],
  ): Promise<Platform> {
    return withTransaction(this.t.db, async (manager) => {
      const platform = await manager.save(
        manager.create(Platform, {
          operatorOrgId,
          name: '测试中试服务平台',
          type: 'PILOT_SERVICE',
          operatingModel: 'SPECIALIZED',
          fieldCodes: ['MATERIALS_GRAPHENE'],
          regionCode: '350582',
          description: '',
          status: 'LISTED',
          listedAt: new Date(),
          ...fields,
        }),
      );
      for (const q of qualifications) {
        await manager.save(
          manager.create(PlatformQualification, {
            platformId: platform.id,
            kind: 'CMA',
            certificateNo: 'CMA-1',
            accreditedScope: '',
            validUntil: '2099-12-31',
            ...q,
          }),
        );
      }
      await this.outbox.add(manager, {
        aggregateType: 'platform',
        aggregateId: platform.id,
        eventType: 'test.created',
      });
      return platform;
    });
  }

  async service(platformId: string, fields: Partial<PilotService> = {}): Promise<PilotService> {
    return withTransaction(this.t.db, async (manager) => {
      const service = await manager.save(
        manager.create(PilotService, {
          platformId,
          title: '测试服务',
          description: '',
          category: 'PERFORMANCE_TEST',
          fieldCodes: ['MATERIALS_GRAPHENE'],
          stages: ['PILOT'],
          pricingKind: 'QUOTE',
          priceFen: null,
          unitName: null,
          leadTimeDays: 10,
          voucherEligible: false,
          status: 'PUBLISHED',
          publishedAt: new Date(),
          ...fields,
        }),
      );
      await this.outbox.add(manager, { aggregateType: 'service', aggregateId: service.id, eventType: 'test.created' });
      return service;
    });
  }

  async updatePlatform(id: string, fields: Partial<Platform>): Promise<void> {
    await withTransaction(this.t.db, async (manager) => {
      await manager.update(Platform, { id }, fields);
      await this.outbox.add(manager, { aggregateType: 'platform', aggregateId: id, eventType: 'test.updated' });
    });
  }

  async updateService(id: string, fields: Partial<PilotService>): Promise<void> {
    await withTransaction(this.t.db, async (manager) => {
      await manager.update(PilotService, { id }, fields);
      await this.outbox.add(manager, { aggregateType: 'service', aggregateId: id, eventType: 'test.updated' });
    });
  }

  private get outbox(): OutboxService {
    return this.t.app.get(OutboxService);
  }
}

/** The catalogue's own HTTP API: create, submit, list, publish, suspend as users do. */
export class CatalogueApi {
  private bureau?: RegisteredOrg;

  constructor(private readonly t: TestApp) {}

  /** A verified operator with a LISTED platform in 晋江 (350582). */
  async listedPlatform(body: Record<string, unknown> = {}): Promise<{ operator: RegisteredOrg; platformId: string }> {
    const bureau = await this.supervisor();
    const operator = await registerOrg(this.t.http, { kind: 'PLATFORM_OPERATOR' });
    await this.ok(this.t.http.post(`/api/orgs/${operator.orgId}/verify`).set(bureau.auth));
    const platform = await this.ok(
      this.t.http
        .post('/api/platforms')
        .set(operator.auth)
        .send({
          name: '晋江市纺织面料中试服务平台',
          type: 'PILOT_SERVICE',
          operatingModel: 'SPECIALIZED',
          fieldCodes: ['TEXTILE_FIBER'],
          regionCode: '350582',
          description: '面向纺织鞋服企业提供功能性面料中试放大与性能验证服务。',
          ...body,
        }),
    );
    await this.ok(this.t.http.post(`/api/platforms/${platform.id}/submit`).set(operator.auth));
    await this.ok(this.t.http.post(`/api/platforms/${platform.id}/list`).set(bureau.auth));
    return { operator, platformId: platform.id as string };
  }

  async publishedService(operator: RegisteredOrg, platformId: string, body: Record<string, unknown>): Promise<string> {
    const service = await this.ok(
      this.t.http
        .post(`/api/platforms/${platformId}/services`)
        .set(operator.auth)
        .send({
          description: '',
          category: 'SCALE_UP',
          fieldCodes: ['TEXTILE_FIBER'],
          stages: ['PILOT'],
          pricingKind: 'QUOTE',
          leadTimeDays: 20,
          voucherEligible: true,
          ...body,
        }),
    );
    await this.ok(this.t.http.post(`/api/services/${service.id}/publish`).set(operator.auth));
    return service.id as string;
  }

  async updateService(operator: RegisteredOrg, serviceId: string, body: Record<string, unknown>): Promise<void> {
    await this.ok(this.t.http.patch(`/api/services/${serviceId}`).set(operator.auth).send(body));
  }

  async suspend(platformId: string): Promise<void> {
    const bureau = await this.supervisor();
    await this.ok(
      this.t.http
        .post(`/api/platforms/${platformId}/suspend`)
        .set(bureau.auth)
        .send({ reason: '年度评估不合格，暂停服务' }),
    );
  }

  async relist(platformId: string): Promise<void> {
    await this.ok(this.t.http.post(`/api/platforms/${platformId}/list`).set((await this.supervisor()).auth));
  }

  private async supervisor(): Promise<RegisteredOrg> {
    return (this.bureau ??= await createPrivilegedOrg(this.t, 'BUREAU', '350500'));
  }

  private async ok(request: PromiseLike<{ status: number; body: Record<string, unknown> & { id?: string } }>) {
    const res = await request;
    if (res.status >= 300) throw new Error(`catalogue API answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  }
}

/**
 * Retries `check` until it passes or `timeoutMs` runs out (then rethrows its last failure). The bound is
 * generous because CI runs every suite, the browser and one shared Meilisearch on two cores: indexing
 * that takes 100 ms alone has been seen to take over 3 s there. A passing check returns at once.
 */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 20_000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}

export function meiliOf(t: TestApp): Meilisearch {
  return t.app.get<Meilisearch>(MEILI);
}

export function indexUid(t: TestApp, kind: SearchIndexKind): string {
  return t.app.get(SearchIndexes).uid(kind);
}

/** Every document of an index as id → title (or name) as written (the original of converted text). */
export async function indexedTitles(t: TestApp, kind: SearchIndexKind): Promise<Map<string, string>> {
  const field = kind === 'services' ? 'title' : 'name';
  type Doc = Record<string, string> & { original?: Record<string, string> };
  const { results } = await meiliOf(t)
    .index(indexUid(t, kind))
    .getDocuments<Doc>({ fields: ['id', field, 'original'], limit: 100_000 });
  return new Map(results.map((doc) => [doc.id, doc.original?.[field] ?? doc[field]]));
}

/** What PostgreSQL says should be searchable, as id → title (or name). */
export async function searchableTitles(t: TestApp, kind: SearchIndexKind): Promise<Map<string, string>> {
  const rows: { id: string; title: string }[] = await t.db.query(
    kind === 'services'
      ? `SELECT s.id, s.title FROM services s JOIN platforms p ON p.id = s.platform_id
          WHERE s.status = 'PUBLISHED' AND p.status = 'LISTED'`
      : `SELECT id, name AS title FROM platforms WHERE status = 'LISTED'`,
  );
  return new Map(rows.map((row) => [row.id, row.title]));
}

export async function pendingOutboxRows(t: TestApp): Promise<number> {
  const [row] = await t.db.query(`SELECT count(*)::int AS n FROM outbox WHERE processed_at IS NULL`);
  return row.n;
}
