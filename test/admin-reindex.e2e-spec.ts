import { getQueueToken } from '@nestjs/bullmq';
import { PilotService } from '@pilotlink/catalogue/domain/pilot-service.entity';
import { Platform } from '@pilotlink/catalogue/domain/platform.entity';
import { withTransaction } from '@pilotlink/database';
import { QUEUES, REINDEX_SEARCH_JOB_ID } from '@pilotlink/queue';
import type { ReindexProgress } from '@pilotlink/search';
import { createPrivilegedOrg, createTestApp, RegisteredOrg, registerOrg, TestApp } from '@pilotlink/testing';
import { Queue, QueueEvents } from 'bullmq';
import { settle, waitFor } from './support/notification-fixtures';
import { CatalogueRows, indexedTitles, indexUid, meiliOf, searchableTitles } from './support/search-fixtures';

const SERVICES = 2_400; // more than two of the reindex's 1,000-row pages, so progress has steps to show
// Each run waits up to 60 s for its job; the test's own limit must exceed that, or jest's timeout fires
// first and hides which state was never reached.
const REINDEX_TEST_TIMEOUT = 180_000;

/**
 * The admin's reindex button as an API: one maintenance job with a fixed id (asking again while it is
 * queued or running answers the same run), progress per index that the worker reports as Meilisearch
 * confirms documents, the result once done, and admins only.
 */
describe('admin: search reindex job with progress (e2e)', () => {
  let t: TestApp;
  let admin: RegisteredOrg;
  let sme: RegisteredOrg;
  let renamedServiceId: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await createPrivilegedOrg(t, 'ADMIN', '350000');
    const bureau = await createPrivilegedOrg(t, 'BUREAU', '350500');
    sme = await registerOrg(t.http);
    await t.http.post(`/api/orgs/${sme.orgId}/verify`).set(bureau.auth).expect(200);

    // Platforms through the outbox; services straight into PostgreSQL, as if the index had lost them.
    const rows = new CatalogueRows(t);
    const operator = await rows.operator('晋江市中试科技有限公司');
    const platforms: Platform[] = [];
    for (let i = 0; i < 3; i += 1) platforms.push(await rows.platform(operator.orgId, { name: `晋江中试平台${i}` }));
    await withTransaction(t.db, async (manager) => {
      const services = Array.from({ length: SERVICES }, (_, i) =>
        manager.create(PilotService, {
          platformId: platforms[i % platforms.length].id,
          title: `石墨烯导热膜中试${i}`,
          description: '卷对卷 中试',
          category: 'PERFORMANCE_TEST',
          fieldCodes: ['MATERIALS_GRAPHENE'],
          stages: ['PILOT'],
          pricingKind: 'QUOTE',
          priceFen: null,
          unitName: null,
          leadTimeDays: 10,
          voucherEligible: false,
          status: i % 10 === 9 ? 'DRAFT' : 'PUBLISHED',
          publishedAt: new Date(),
        }),
      );
      for (let start = 0; start < services.length; start += 500) {
        await manager.insert(PilotService, services.slice(start, start + 500));
      }
    });
    for (const title of ['锂电池正极材料中试', '生物发酵工艺放大']) {
      const demand = await t.http.post('/api/demands').set(sme.auth).send({
        title,
        fieldCode: 'MATERIALS_GRAPHENE',
        stage: 'PILOT',
        mode: 'OPEN',
        confidentiality: 'PUBLIC',
      });
      await t.http.post(`/api/demands/${demand.body.id}/publish`).set(sme.auth).expect(200);
    }
    [{ id: renamedServiceId }] = await t.db.query(`SELECT id FROM services WHERE status = 'PUBLISHED' LIMIT 1`);
  });
  afterAll(() => t?.close());

  const poll = (id: string) => t.http.get(`/api/admin/search/reindex/${id}`).set(admin.auth);

  it('is for admins only, and an unknown job is a 404', async () => {
    const post = await t.http.post('/api/admin/search/reindex').set(sme.auth);
    expect(post.status).toBe(403);
    expect(post.body.code).toBe('FORBIDDEN');
    expect((await t.http.get(`/api/admin/search/reindex/${REINDEX_SEARCH_JOB_ID}`).set(sme.auth)).status).toBe(403);
    expect((await t.http.post('/api/admin/search/reindex')).status).toBe(401);
    const unknown = await poll(REINDEX_SEARCH_JOB_ID); // nothing started yet
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('NOT_FOUND');
    expect((await poll('expire-vouchers')).status).toBe(404);
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body;
    expect(doc.paths['/api/admin/search/reindex'].post.responses['202'].content['application/json'].schema.$ref).toBe(
      '#/components/schemas/ReindexJobDto',
    );
    expect(doc.paths['/api/admin/search/reindex/{jobId}'].get.responses).toHaveProperty('404');
    expect(doc.components.schemas.ReindexProgressDto.properties).toHaveProperty('percent');
  });

  it(
    'two requests while a run is pending or running get the same job; it completes at 100 % and the index matches PostgreSQL',
    async () => {
      // No worker yet: the job waits, so the second request certainly meets it unfinished.
      const [a, b] = await Promise.all([
        t.http.post('/api/admin/search/reindex').set(admin.auth),
        t.http.post('/api/admin/search/reindex').set(admin.auth),
      ]);
      expect([a.status, b.status]).toEqual([202, 202]);
      expect(a.body.id).toBe(REINDEX_SEARCH_JOB_ID);
      expect(b.body.id).toBe(a.body.id);
      expect([a.body.started, b.body.started].sort()).toEqual([false, true]);
      const again = await t.http.post('/api/admin/search/reindex').set(admin.auth).expect(202);
      expect(again.body).toMatchObject({ id: a.body.id, started: false, state: 'waiting', progress: null });
      const maintenance = t.app.get<Queue>(getQueueToken(QUEUES.MAINTENANCE));
      expect(await maintenance.getJobCountByTypes('waiting')).toBe(1);

      // The worker reports progress as it goes; listen before it starts.
      const events = new QueueEvents(QUEUES.MAINTENANCE, {
        connection: { url: process.env.REDIS_URL },
        prefix: t.env.QUEUE_PREFIX,
      });
      const heard: ReindexProgress[] = [];
      events.on('progress', ({ jobId, data }) => {
        if (jobId === REINDEX_SEARCH_JOB_ID) heard.push(data as unknown as ReindexProgress);
      });
      await events.waitUntilReady();
      try {
        await t.startWorker();
        // While it runs, a third request still answers the same run.
        const during = await waitFor(async () => {
          const res = await poll(a.body.id);
          return res.body.state === 'active' && res.body;
        }, 'the run to start');
        expect(during.startedAt).toEqual(expect.any(String));
        const meanwhile = await t.http.post('/api/admin/search/reindex').set(admin.auth).expect(202);
        expect(meanwhile.body).toMatchObject({ id: a.body.id, started: false });

        const done = await waitFor(
          async () => {
            const res = await poll(a.body.id);
            return res.body.state === 'completed' && res.body;
          },
          'the reindex to complete',
          60_000,
        );
        const published = Math.round(SERVICES * 0.9);
        expect(done.progress).toMatchObject({ percent: 100, current: null });
        expect(done.progress.indexes).toEqual([
          { kind: 'services', index: indexUid(t, 'services'), state: 'DONE', total: published, done: published },
          { kind: 'platforms', index: indexUid(t, 'platforms'), state: 'DONE', total: 3, done: 3 },
          { kind: 'demands', index: indexUid(t, 'demands'), state: 'DONE', total: 2, done: 2 },
          { kind: 'results', index: indexUid(t, 'results'), state: 'DONE', total: 0, done: 0 },
          { kind: 'policies', index: indexUid(t, 'policies'), state: 'DONE', total: 0, done: 0 },
        ]);
        expect(done.result.map((r: { index: string; documents: number }) => [r.index, r.documents])).toEqual([
          [indexUid(t, 'services'), published],
          [indexUid(t, 'platforms'), 3],
          [indexUid(t, 'demands'), 2],
          [indexUid(t, 'results'), 0],
          [indexUid(t, 'policies'), 0],
        ]);
        expect(done.failedReason).toBeNull();
        expect(done.finishedAt).toEqual(expect.any(String));

        // Progress went up step by step (services page by page) and ended at 100.
        await waitFor(async () => heard.at(-1)?.percent === 100, 'the last progress event');
        const percents = heard.map((p) => p.percent);
        expect(percents).toEqual([...percents].sort((x, y) => x - y));
        expect(percents.filter((p) => p > 0 && p < 100).length).toBeGreaterThanOrEqual(3);
        expect(heard.some((p) => p.current === 'services' && p.indexes[0].done === 1_000)).toBe(true);
      } finally {
        await events.close();
      }

      for (const kind of ['services', 'platforms'] as const) {
        expect(await indexedTitles(t, kind)).toEqual(await searchableTitles(t, kind));
      }
      const demandIds = (await t.db.query<{ id: string }[]>(`SELECT id FROM demands WHERE status = 'OPEN'`)).map(
        (row) => row.id,
      );
      const { results } = await meiliOf(t)
        .index(indexUid(t, 'demands'))
        .getDocuments({ fields: ['id'] });
      expect(results.map((doc) => doc.id).sort()).toEqual(demandIds.sort());
      const audit = await t.db.query(`SELECT actor_org_id FROM audit_events WHERE action = 'search.reindex_requested'`);
      expect(audit).toEqual([{ actor_org_id: admin.orgId }]);
    },
    REINDEX_TEST_TIMEOUT,
  );

  it(
    'a request after a run has finished starts a fresh run, which picks up what changed behind the index',
    async () => {
      await settle(t, 200);
      // Renamed without an outbox row: only a rebuild from PostgreSQL can notice.
      await t.db.query(`UPDATE services SET title = '悄悄改名的中试服务' WHERE id = $1`, [renamedServiceId]);
      const next = await t.http.post('/api/admin/search/reindex').set(admin.auth).expect(202);
      expect(next.body).toMatchObject({ id: REINDEX_SEARCH_JOB_ID, started: true });
      expect(['waiting', 'active']).toContain(next.body.state);
      const done = await waitFor(
        async () => {
          const res = await poll(next.body.id);
          return res.body.state === 'completed' && res.body;
        },
        'the second reindex to complete',
        60_000,
      );
      expect(done.progress.percent).toBe(100);
      expect((await indexedTitles(t, 'services')).get(renamedServiceId)).toBe('悄悄改名的中试服务');
    },
    REINDEX_TEST_TIMEOUT,
  );
});
