import { INestApplicationContext } from '@nestjs/common';
import { OUTBOX_RELAY_LOCK_KEY } from '@pilotlink/queue';
import { createTestApp, registerOrg, TestApp } from '@pilotlink/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  CatalogueApi,
  eventually,
  indexedTitles,
  pendingOutboxRows,
  searchableTitles,
} from './support/search-fixtures';
import { MeiliServer } from './support/meili-server';
import { freePort } from './support/notification-fixtures';

/**
 * Faults against the real services. Redis is not faulted here on purpose: the outbox relay uses only
 * PostgreSQL and Meilisearch (see OutboxRelay), so a Redis outage cannot affect indexing.
 */

/** The index holds exactly what PostgreSQL says is searchable: nothing lost, nothing stale, no outbox row left. */
async function indexMatchesDatabase(t: TestApp): Promise<void> {
  expect(await pendingOutboxRows(t)).toBe(0);
  expect(await indexedTitles(t, 'services')).toEqual(await searchableTitles(t, 'services'));
  expect(await indexedTitles(t, 'platforms')).toEqual(await searchableTitles(t, 'platforms'));
}

// createTestApp copies its env into process.env; each block names its Meilisearch explicitly.
const SHARED_MEILI_URL = process.env.MEILI_URL!;

describe('search faults: Meilisearch outage (e2e)', () => {
  let meili: MeiliServer;
  let dataDir: string;
  let t: TestApp;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'pilotlink-meili-'));
    meili = new MeiliServer(await freePort(), dataDir);
    await meili.start();
    t = await createTestApp({ env: { MEILI_URL: meili.url } });
    await t.startWorker();
  });

  afterAll(async () => {
    await meili.start(); // t.close() drops this file's indexes (a no-op when it is running)
    await t.close();
    await meili.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes succeed while it is down, search answers 503, and the index catches up with nothing lost or stale', async () => {
    const api = new CatalogueApi(t);
    const first = await api.listedPlatform({ name: '晋江市纺织面料中试服务平台' });
    const second = await api.listedPlatform({ name: '晋江市鞋服检测中心' });
    const renamed = await api.publishedService(first.operator, first.platformId, { title: '功能性面料中试放大' });
    await api.publishedService(first.operator, first.platformId, { title: '面料透湿性能测试' });
    const hidden = await api.publishedService(second.operator, second.platformId, { title: '鞋材耐磨检测' });
    // A freshly started Meilisearch loads its Chinese segmenter on first use: allow for that once.
    await eventually(() => indexMatchesDatabase(t), 15_000, 200);

    await meili.stop();

    // Writes go on: each commits with its outbox row, whatever Meilisearch does.
    const added = await api.publishedService(first.operator, first.platformId, { title: '抗菌面料小批量试产' });
    await api.updateService(first.operator, renamed, { title: '功能性面料工艺熟化' });
    await api.suspend(second.platformId);

    for (const route of ['/api/search/services', '/api/search/platforms']) {
      const res = await t.http.get(route).query({ q: '面料' });
      expect(res.status).toBe(503);
      expect(res.body.code).toBe('SEARCH_UNAVAILABLE');
    }
    const health = await t.http.get('/api/health');
    expect(health.status).toBe(503);
    expect(health.body.details).toMatchObject({
      meilisearch: { status: 'down' },
      postgres: { status: 'up' },
      searchIndex: { status: 'up' },
    });
    expect(health.body.details.searchIndex.pending).toBeGreaterThan(0);
    expect((await t.http.get(`/api/platforms/${first.platformId}`)).status).toBe(200); // the rest of the API works

    // The relay tried, failed and kept every row, with the error and a retry time.
    await eventually(async () => {
      const [row] = await t.db.query(
        `SELECT count(*)::int AS n, min(attempts) AS attempts, bool_and(last_error IS NOT NULL) AS errors
           FROM outbox WHERE processed_at IS NULL`,
      );
      expect(row.n).toBeGreaterThanOrEqual(3); // create + publish, edit, suspend
      expect(row.errors).toBe(true);
      expect(row.attempts).toBeGreaterThanOrEqual(1);
    });

    await meili.start(); // same port, same data

    await eventually(() => indexMatchesDatabase(t), 15_000, 200);
    const found = await t.http.get('/api/search/services').query({ q: '面料' });
    expect(found.status).toBe(200);
    const ids = found.body.items.map((hit: { id: string }) => hit.id);
    expect(ids).toEqual(expect.arrayContaining([added, renamed]));
    expect(ids).not.toContain(hidden);
    expect((await t.http.get('/api/health')).body.details.meilisearch.status).toBe('up');
  });
});

describe('search faults: a worker dies in the middle of a batch (e2e)', () => {
  let t: TestApp;
  // Two batches' worth of rows: enough to interrupt one, small enough not to crowd the shared Meilisearch.
  const PLATFORMS = 20;
  const SERVICES_PER_PLATFORM = 30;

  beforeAll(async () => {
    t = await createTestApp({ env: { MEILI_URL: SHARED_MEILI_URL } });
  });
  afterAll(() => t.close());

  /** The backend holding the relay's advisory lock in this database, i.e. a relay in the middle of a batch. */
  async function relayBackend(): Promise<number> {
    const rows = await t.db.query(
      `SELECT pid FROM pg_locks
        WHERE locktype = 'advisory' AND objid = $1 AND objsubid = 1 AND granted
          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      [OUTBOX_RELAY_LOCK_KEY],
    );
    if (rows.length === 0) throw new Error('no relay batch in flight');
    return rows[0].pid;
  }

  it('leaves its rows pending; the next workers publish every row exactly as the database says', async () => {
    const operator = await registerOrg(t.http, { kind: 'PLATFORM_OPERATOR' });
    await t.db.query(
      `INSERT INTO platforms (operator_org_id, name, type, operating_model, field_codes, region_code, status, listed_at)
       SELECT $1, '批量中试平台' || n, 'PILOT_SERVICE', 'SPECIALIZED', ARRAY['AI'], '350582', 'LISTED', now()
         FROM generate_series(1, $2::int) AS n`,
      [operator.orgId, PLATFORMS],
    );
    await t.db.query(
      `INSERT INTO services (platform_id, title, category, field_codes, stages, pricing_kind, lead_time_days, status, published_at)
       SELECT p.id, p.name || '的检测服务' || n, 'INSPECTION_TESTING', ARRAY['AI'], ARRAY['PILOT'], 'QUOTE', 7, 'PUBLISHED', now()
         FROM platforms p CROSS JOIN generate_series(1, $1::int) AS n`,
      [SERVICES_PER_PLATFORM],
    );
    // One outbox row per change, as the catalogue writes them.
    await t.db.query(
      `INSERT INTO outbox (aggregate_type, aggregate_id, event_type)
       SELECT 'service', id, 'service.published' FROM services
       UNION ALL SELECT 'platform', id, 'platform.listed' FROM platforms`,
    );
    const total = PLATFORMS * SERVICES_PER_PLATFORM + PLATFORMS;
    expect(await pendingOutboxRows(t)).toBe(total);

    const doomed: INestApplicationContext = await t.startWorker();
    // Catch the relay inside its first batch's transaction and cut its database connection, as a crash would.
    const pid = await eventually(relayBackend, 10_000, 2);
    const [{ killed }] = await t.db.query('SELECT pg_terminate_backend($1) AS killed', [pid]);
    expect(killed).toBe(true);
    await doomed.close();
    expect(await pendingOutboxRows(t)).toBeGreaterThan(0); // the interrupted batch was never marked done

    // Two workers at once: the advisory lock lets one relay at a time, and together they finish the job.
    await Promise.all([t.startWorker(), t.startWorker()]);
    await eventually(() => indexMatchesDatabase(t), 30_000, 250);
    expect((await indexedTitles(t, 'services')).size).toBe(PLATFORMS * SERVICES_PER_PLATFORM);
    const [{ unprocessed }] = await t.db.query(
      `SELECT count(*)::int AS unprocessed FROM outbox WHERE processed_at IS NULL`,
    );
    expect(unprocessed).toBe(0);
  });
});
