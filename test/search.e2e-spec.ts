import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { ReconcileService, ReindexService, SYNC_WAIT } from '@pilotlink/search';
import { createTestApp, TestApp } from '@pilotlink/testing';
import type { Queue } from 'bullmq';
import {
  CatalogueApi,
  CatalogueRows,
  eventually,
  indexedTitles,
  indexUid,
  meiliOf,
  pendingOutboxRows,
  searchableTitles,
} from './support/search-fixtures';

interface Hit {
  id: string;
  title: string;
  priceFen: number | null;
  platform: { id: string };
  _highlight: { title: string; description: string };
}

describe('search: catalogue search, index sync, filters and facets (e2e)', () => {
  let t: TestApp;
  let rows: CatalogueRows;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    t = await createTestApp();
    rows = new CatalogueRows(t);
  });
  afterAll(() => t.close());

  const searchServices = (query: Record<string, string | number | boolean>) =>
    t.http.get('/api/search/services').query(query);
  const serviceIds = async (query: Record<string, string | number | boolean>) => {
    const res = await searchServices(query);
    expect(res.status).toBe(200);
    return (res.body.items as Hit[]).map((hit) => hit.id);
  };
  /** Waits for the relay, then checks that the index holds exactly what PostgreSQL says is searchable. */
  const caughtUp = () =>
    eventually(async () => {
      expect(await pendingOutboxRows(t)).toBe(0);
      expect(await indexedTitles(t, 'services')).toEqual(await searchableTitles(t, 'services'));
      expect(await indexedTitles(t, 'platforms')).toEqual(await searchableTitles(t, 'platforms'));
    });

  it('answers an empty page (not an error) before anything was ever indexed', async () => {
    const res = await searchServices({ q: '中试' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ items: [], total: 0, page: 1, limit: 20 });
    expect(res.body.facets).toMatchObject({ category: {}, region: {}, priceBand: {} });
    expect((await t.http.get('/api/search/platforms')).body.total).toBe(0);
    worker = await t.startWorker();
  });

  it('finds a service published through the API once the outbox has indexed it, in Simplified and Traditional', async () => {
    const api = new CatalogueApi(t);
    const { operator, platformId } = await api.listedPlatform();
    const serviceId = await api.publishedService(operator, platformId, {
      title: '石墨烯导热膜中试验证',
      description: '提供从配方到卷对卷涂布的工艺放大，含导热系数与弯折寿命测试。',
      fieldCodes: ['MATERIALS_GRAPHENE'],
    });

    // The freshness target (p95 < 1 s) is measured by `npm run bench:search`, not here: this waits on state
    // (other test files share Meilisearch's single task queue and the CPU, so a time bound here only measured them).
    const hit = await eventually(async () => {
      const res = await searchServices({ q: '石墨烯导热膜' });
      expect(res.body.items.map((h: Hit) => h.id)).toContain(serviceId);
      return res.body.items.find((h: Hit) => h.id === serviceId) as Hit;
    });
    expect(hit._highlight.title).toContain('<em>');
    expect(hit.platform.id).toBe(platformId);

    expect(await serviceIds({ q: '石墨烯導熱膜' })).toContain(serviceId); // Traditional query
    expect(await serviceIds({ q: '中间试验' })).toContain(serviceId); // synonym of 中试验证
    expect(await serviceIds({ q: '新型功能材料' })).toContain(serviceId); // parent field name
    expect(await serviceIds({ field: 'MATERIALS' })).toContain(serviceId); // parent field filter

    // An edit is searchable just as fast; the old title no longer matches.
    await api.updateService(operator, serviceId, { title: '石墨烯散热膜中试验证' });
    await eventually(async () => expect(await serviceIds({ q: '散热膜' })).toContain(serviceId));
    expect(await serviceIds({ q: '"导热膜"' })).not.toContain(serviceId); // phrase: the old title only
  });

  it('indexes Traditional-Chinese text as Simplified, shows the original and highlights the match', async () => {
    const operator = await rows.operator('廣州市中試驗證科技有限公司', '440100');
    const platform = await rows.platform(operator.orgId, { name: '廣州電機中試驗證平臺', regionCode: '440106' });
    const service = await rows.service(platform.id, {
      title: '電機驅動器檢驗檢測',
      description: '依據國家標準開展電機驅動器型式試驗與性能測試。',
      category: 'INSPECTION_TESTING',
    });

    const res = await eventually(async () => {
      const found = await searchServices({ q: '电机驱动器' });
      expect(found.body.items.map((h: Hit) => h.id)).toContain(service.id);
      return found;
    });
    const hit = res.body.items.find((h: Hit) => h.id === service.id);
    expect(hit.title).toBe('電機驅動器檢驗檢測');
    expect(hit.platform.name).toBe('廣州電機中試驗證平臺');
    expect(hit.platform.hostOrgName).toBe('廣州市中試驗證科技有限公司');
    expect(hit._highlight.title).toMatch(/<em>电机<\/em>|<em>电机驱动器<\/em>/);
    expect(await serviceIds({ q: '檢驗' })).toContain(service.id);
    expect(await serviceIds({ q: '型式检验' })).toContain(service.id); // synonym of 型式试验, in the description
    expect(await serviceIds({ region: '440000' })).toContain(service.id); // province finds a district
  });

  it('suspending a platform (API) removes it and all its services; relisting brings them back', async () => {
    const api = new CatalogueApi(t);
    const { operator, platformId } = await api.listedPlatform({ name: '晋江市鞋材超临界发泡中试平台' });
    const ids = [
      await api.publishedService(operator, platformId, { title: '超临界发泡鞋底中试' }),
      await api.publishedService(operator, platformId, { title: '超临界发泡中底性能测试' }),
    ];
    await eventually(async () => expect((await serviceIds({ q: '超临界发泡' })).sort()).toEqual([...ids].sort()));

    await api.suspend(platformId);
    await eventually(async () => {
      expect(await serviceIds({ q: '超临界发泡' })).toEqual([]);
      const platforms = await t.http.get('/api/search/platforms').query({ q: '超临界发泡' });
      expect(platforms.body.items).toEqual([]);
    });

    await api.relist(platformId);
    await eventually(async () => expect((await serviceIds({ q: '超临界发泡' })).sort()).toEqual([...ids].sort()));
  });

  describe('filters and facets on a known dataset', () => {
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      const jinjiang = await rows.operator('晋江钛合金检测有限公司');
      const fuzhou = await rows.operator('福州钛合金研究院', '350100');
      const guangzhou = await rows.operator('广州钛合金中试基地有限公司', '440100');
      const a = await rows.platform(
        jinjiang.orgId,
        {
          name: '晋江钛合金检测中心',
          type: 'TESTING',
          regionCode: '350582',
          recognitionLevel: 'PROVINCE',
          fieldCodes: ['MATERIALS_CERAMICS'],
        },
        [
          { kind: 'CMA', certificateNo: 'CMA2023350582', accreditedScope: '钛合金 力学性能', validUntil: '2099-12-31' },
          { kind: 'CNAS', certificateNo: 'CNASL77881', accreditedScope: '过期范围', validUntil: '2001-01-01' },
        ],
      );
      const b = await rows.platform(fuzhou.orgId, {
        name: '福州钛合金正极材料中试平台',
        regionCode: '350100',
        fieldCodes: ['ENERGY_CATHODE'],
      });
      const c = await rows.platform(guangzhou.orgId, {
        name: '广州钛合金小批量试产基地',
        type: 'PILOT_BASE',
        regionCode: '440100',
        recognitionLevel: 'CITY',
        fieldCodes: ['ENERGY_CATHODE'],
      });
      const base = { fieldCodes: ['MATERIALS_CERAMICS'] };
      ids.a1 = (
        await rows.service(a.id, {
          ...base,
          title: '钛合金拉伸检测',
          category: 'INSPECTION_TESTING',
          stages: ['PILOT'],
          pricingKind: 'FIXED',
          priceFen: '500000',
          voucherEligible: true,
        })
      ).id;
      ids.a2 = (
        await rows.service(a.id, {
          ...base,
          title: '钛合金疲劳性能测试',
          category: 'PERFORMANCE_TEST',
          stages: ['LAB', 'PILOT'],
        })
      ).id;
      ids.b1 = (
        await rows.service(b.id, {
          title: '钛合金正极包覆工艺放大',
          category: 'SCALE_UP',
          fieldCodes: ['ENERGY_CATHODE'],
          stages: ['PILOT', 'SMALL_BATCH'],
          pricingKind: 'FIXED',
          priceFen: '3000000',
          voucherEligible: true,
        })
      ).id;
      ids.draft = (await rows.service(b.id, { title: '钛合金草稿服务', status: 'DRAFT', publishedAt: null })).id;
      ids.c1 = (
        await rows.service(c.id, {
          title: '钛合金零件小批量试产',
          category: 'SMALL_BATCH',
          fieldCodes: ['ENERGY_CATHODE'],
          stages: ['SMALL_BATCH'],
          pricingKind: 'UNIT',
          priceFen: '25000000',
          unitName: '批',
          voucherEligible: true,
        })
      ).id;
      Object.assign(ids, { a: a.id, b: b.id, c: c.id });
      await caughtUp();
    });

    const names = (found: string[]) => found.map((id) => Object.entries(ids).find(([, v]) => v === id)?.[0]).sort();
    const q = '钛合金';

    it('counts facets over the matching hits, with parent fields and parent regions', async () => {
      const res = await searchServices({ q });
      expect(res.body.total).toBe(4);
      expect(names(res.body.items.map((h: Hit) => h.id))).toEqual(['a1', 'a2', 'b1', 'c1']);
      expect(res.body.facets).toEqual({
        field: { MATERIALS_CERAMICS: 2, MATERIALS: 2, ENERGY_CATHODE: 2, ENERGY: 2 },
        category: { INSPECTION_TESTING: 1, PERFORMANCE_TEST: 1, SCALE_UP: 1, SMALL_BATCH: 1 },
        stage: { LAB: 1, PILOT: 3, SMALL_BATCH: 2 },
        region: { '350000': 3, '350500': 2, '350582': 2, '350100': 1, '440000': 1, '440100': 1 },
        platformType: { TESTING: 2, PILOT_SERVICE: 1, PILOT_BASE: 1 },
        recognitionLevel: { PROVINCE: 2, NONE: 1, CITY: 1 },
        voucherEligible: { true: 3, false: 1 },
        priceBand: { UNDER_10K: 1, ON_QUOTE: 1, '10K_50K': 1, OVER_200K: 1 },
      });
    });

    it.each([
      [{ region: '350500' }, ['a1', 'a2']],
      [{ region: '350000' }, ['a1', 'a2', 'b1']],
      [{ field: 'MATERIALS' }, ['a1', 'a2']],
      [{ field: 'ENERGY_CATHODE', stage: 'SMALL_BATCH' }, ['b1', 'c1']],
      [{ category: 'SCALE_UP' }, ['b1']],
      [{ platformType: 'PILOT_BASE' }, ['c1']],
      [{ recognitionLevel: 'PROVINCE' }, ['a1', 'a2']],
      [{ voucherEligible: 'false' }, ['a2']],
      [{ voucherEligible: 'true', priceMinFen: 1_000_000 }, ['b1', 'c1']],
      [{ priceMinFen: 1_000_000, priceMaxFen: 5_000_000 }, ['b1']],
      [{ priceBand: 'ON_QUOTE' }, ['a2']],
    ])('filters %j', async (filters, expected) => {
      expect(names(await serviceIds({ q, ...filters }))).toEqual(expected);
    });

    it('sorts by price with priced-on-request last, and pages with an exact total', async () => {
      expect(names(await serviceIds({ q, sort: 'priceAsc' }))).toEqual(['a1', 'a2', 'b1', 'c1']);
      const ordered = (await searchServices({ q, sort: 'priceAsc' })).body.items.map((h: Hit) => h.priceFen);
      expect(ordered).toEqual([500000, 3000000, 25000000, null]);
      const page2 = await searchServices({ q, sort: 'priceAsc', limit: 3, page: 2 });
      expect(page2.body).toMatchObject({ total: 4, page: 2, limit: 3 });
      expect(page2.body.items.map((h: Hit) => h.priceFen)).toEqual([null]);
    });

    it('searches platforms with facets, valid qualifications only, and exact certificate numbers', async () => {
      const res = await t.http.get('/api/search/platforms').query({ q });
      expect(res.body.total).toBe(3);
      expect(res.body.facets.platformType).toEqual({ TESTING: 1, PILOT_SERVICE: 1, PILOT_BASE: 1 });
      expect(res.body.facets.qualificationKind).toEqual({ CMA: 1 });
      const platformIds = async (query: Record<string, string>) =>
        (await t.http.get('/api/search/platforms').query(query)).body.items.map((h: { id: string }) => h.id);
      expect(await platformIds({ q, region: '350500' })).toEqual([ids.a]);
      expect(await platformIds({ qualificationKind: 'CMA' })).toEqual([ids.a]);
      expect(await platformIds({ q: 'CMA2023350582' })).toEqual([ids.a]);
      expect(await platformIds({ q: 'CMA2023350583' })).toEqual([]); // no typo tolerance on certificates
      expect(await platformIds({ q: 'CNASL77881' })).toEqual([]); // expired certificates are not shown
    });

    it('refuses bad filters with 400 naming the field', async () => {
      const cases: [Record<string, string>, string][] = [
        [{ field: 'NOT_A_FIELD' }, 'field'],
        [{ priceMinFen: '500', priceMaxFen: '100' }, 'priceMaxFen'],
        [{ priceMinFen: '-1' }, 'priceMinFen'],
        [{ region: '35058' }, 'region'],
        [{ voucherEligible: 'yes' }, 'voucherEligible'],
        [{ category: 'category = "SCALE_UP" OR id EXISTS' }, 'category'],
        [{ q: 'x'.repeat(101) }, 'q'],
        [{ colour: 'red' }, 'colour'],
      ];
      for (const [query, field] of cases) {
        const res = await searchServices(query);
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
        expect(res.body.details.fields.map((f: { field: string }) => f.field)).toContain(field);
      }
      const platforms = await t.http.get('/api/search/platforms').query({ category: 'SCALE_UP' });
      expect(platforms.status).toBe(400);
    });
  });

  it('reports the index lag in health and as Prometheus metrics', async () => {
    await caughtUp();
    const healthy = await t.http.get('/api/health');
    expect(healthy.body.details.searchIndex).toEqual({ status: 'up', pending: 0, lagSeconds: 0 });
    expect((await t.http.get('/api/metrics')).text).toMatch(/^pilotlink_outbox_pending 0$/m);

    // A row stuck for ten minutes (due only in an hour, so the relay leaves it alone).
    const [{ id }] = await t.db.query(
      `INSERT INTO outbox (aggregate_type, aggregate_id, event_type, created_at, next_attempt_at)
       VALUES ('service', gen_random_uuid(), 'test.stuck', now() - interval '10 minutes', now() + interval '1 hour')
       RETURNING id`,
    );
    try {
      const lagging = await t.http.get('/api/health');
      expect(lagging.status).toBe(503);
      expect(lagging.body.details.searchIndex).toMatchObject({ status: 'down', pending: 1 });
      expect(lagging.body.details.searchIndex.lagSeconds).toBeGreaterThanOrEqual(600);
      const metrics = (await t.http.get('/api/metrics')).text;
      expect(metrics).toMatch(/^pilotlink_outbox_pending 1$/m);
      expect(Number(metrics.match(/^pilotlink_outbox_oldest_pending_age_seconds (\S+)$/m)?.[1])).toBeGreaterThanOrEqual(
        600,
      );
    } finally {
      await t.db.query(`DELETE FROM outbox WHERE id = $1`, [id]);
    }
  });

  it('reconcile finds missing, stale and extra documents and the relay repairs them', async () => {
    await caughtUp();
    const queue = worker.get<Queue>(getQueueToken('maintenance'));
    expect((await queue.getJobSchedulers()).map((s) => s.key)).toContain('reconcile-search-index');

    const meili = meiliOf(t);
    const services = meili.index(indexUid(t, 'services'));
    const [missing, stale] = [...(await searchableTitles(t, 'services')).keys()];
    await services.deleteDocument(missing).waitTask(SYNC_WAIT);
    // Changed behind the outbox's back: no outbox row, so only the reconcile can notice.
    await t.db.query(`UPDATE services SET title = '钛合金悄悄改名', updated_at = now() WHERE id = $1`, [stale]);
    await services
      .addDocuments([
        { id: '00000000-0000-4000-8000-000000000001', title: '幽灵' },
        { id: 'junk', title: '垃圾' },
      ])
      .waitTask(SYNC_WAIT);

    const drift = await t.app.get(ReconcileService).reconcile();
    expect(drift.find((d) => d.index === indexUid(t, 'services'))).toMatchObject({ missing: 1, stale: 1, extra: 2 });
    expect(drift.find((d) => d.index === indexUid(t, 'platforms'))).toMatchObject({ missing: 0, stale: 0, extra: 0 });
    await caughtUp();
    expect(await serviceIds({ q: '悄悄改名' })).toEqual([stale]);
  });

  it('reindex rebuilds every index from PostgreSQL, also when no live index exists', async () => {
    await caughtUp();
    const meili = meiliOf(t);
    await meili.deleteIndex(indexUid(t, 'platforms')).waitTask(SYNC_WAIT);
    const results = await t.app.get(ReindexService).reindexAll();
    const expectedServices = await searchableTitles(t, 'services');
    expect(results.map((r) => [r.index, r.documents])).toEqual([
      [indexUid(t, 'services'), expectedServices.size],
      [indexUid(t, 'platforms'), (await searchableTitles(t, 'platforms')).size],
      [indexUid(t, 'demands'), 0],
      [indexUid(t, 'results'), 0],
      [indexUid(t, 'policies'), 0],
    ]);
    const uids = (await meili.getIndexes({ limit: 100 })).results
      .map((i) => i.uid)
      .filter((uid) => uid.startsWith(t.env.MEILI_INDEX_PREFIX));
    expect(uids.sort()).toEqual(
      [
        indexUid(t, 'platforms'),
        indexUid(t, 'services'),
        indexUid(t, 'demands'),
        indexUid(t, 'results'),
        indexUid(t, 'policies'),
      ].sort(),
    );
    const settings = await meili.index(indexUid(t, 'platforms')).getSettings();
    expect(settings.typoTolerance?.disableOnAttributes).toContain('certificateNos');
    await caughtUp();
    const top = await searchServices({ q: '钛合金拉伸' });
    expect(top.body.items[0].title).toBe('钛合金拉伸检测');
  });
});
