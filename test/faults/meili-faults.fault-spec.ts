import { createTestApp, TestApp } from '@pilotlink/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { MeiliServer } from '../support/meili-server';
import { freePort, waitFor } from '../support/notification-fixtures';
import { CatalogueApi, indexedTitles, pendingOutboxRows } from '../support/search-fixtures';

/**
 * Fault trial (issue 14 (a)): the suite's own Meilisearch killed during 50 service publishes. Every
 * write is acknowledged, search answers 503 meanwhile, and after the restart every published service is
 * searchable — the catch-up time is printed.
 */
describe('fault trial: Meilisearch killed during 50 publishes', () => {
  let meili: MeiliServer;
  let dataDir: string;
  let t: TestApp;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'pilotlink-meili-fault-'));
    meili = new MeiliServer(await freePort(), dataDir);
    await meili.start();
    t = await createTestApp({ env: { MEILI_URL: meili.url } });
    await t.startWorker();
  });
  afterAll(async () => {
    await meili.start();
    await t.close();
    await meili.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('50/50 acknowledged, search 503 meanwhile, all searchable after the restart', async () => {
    const api = new CatalogueApi(t);
    const { operator, platformId } = await api.listedPlatform({ name: '晋江市纺织面料中试服务平台' });
    await meili.stop();
    const titles = Array.from({ length: 50 }, (_, i) => `面料中试批次${i + 1}`);
    let acknowledged = 0;
    for (const title of titles) {
      await api.publishedService(operator, platformId, { title }); // throws unless created and published
      acknowledged += 1;
    }
    const search = await t.http.get('/api/search/services').query({ q: '面料' });
    expect([search.status, search.body.code]).toEqual([503, 'SEARCH_UNAVAILABLE']);

    await meili.start();
    const restartedAt = Date.now();
    await waitFor(async () => (await pendingOutboxRows(t)) === 0, 'the outbox to drain', 90_000);
    const indexed = await waitFor(
      async () => {
        const present = [...(await indexedTitles(t, 'services')).values()];
        return titles.every((title) => present.includes(title)) && present;
      },
      'every service to be searchable',
      90_000,
    );
    const catchUp = (Date.now() - restartedAt) / 1000;
    const [{ n: present }] = await t.db.query(`SELECT count(*)::int AS n FROM services WHERE title = ANY($1)`, [
      titles,
    ]);
    process.stdout.write(
      `fault (a) Meilisearch: ${acknowledged}/50 acknowledged, ${present} present, ` +
        `${indexed.filter((title) => titles.includes(title)).length} searchable, ` +
        `${indexed.filter((title) => titles.includes(title)).length - titles.length} duplicated, caught up ${catchUp.toFixed(1)} s after restart\n`,
    );
    expect(acknowledged).toBe(50);
    expect(present).toBe(50);
  });
});
