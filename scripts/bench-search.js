#!/usr/bin/env node
/**
 * `npm run bench:search`: search latency and index freshness on a realistic catalogue.
 *
 * Builds, makes sure the stack answers (as `npm test` does), then on a dedicated database
 * (`pilotlink_bench`, recreated each run) and index prefix (`bench_`), at each catalogue size in turn
 * (`--services=20000,200000` or BENCH_SERVICES=20000,200000; default 20,000 — ten services per platform):
 *   1. generates listed platforms × 10 published services (bulk SQL) up to the size, growing the previous
 *      size's catalogue;
 *   2. boots the built API and worker (once), and runs the real full reindex while searching through the API
 *      without pause: the reindex time, and whether any search failed or lost its hits meanwhile;
 *   3. measures GET /api/search/services for ~20 Chinese queries with filters (concurrency 8 and 2), and the
 *      very same Meilisearch requests sent straight to Meilisearch, in the same run;
 *   4. measures freshness: 200 service edits written as the catalogue writes them (row + outbox row in
 *      one transaction), each timed until the API finds it;
 *   5. samples the peak RSS of the API and of Meilisearch over 3 and 4.
 * The report has a block per size and the sizes side by side.
 * Everything runs on this machine (loopback only), bounded in requests and time; it cleans up after
 * itself (BENCH_KEEP=1 keeps the database and indexes). Not part of `npm test`.
 */
const path = require('node:path');
const {
  catalogueSizes,
  compareLatency,
  createHarness,
  fetchOk,
  latencyTable,
  latencyVerdicts,
  meiliPid,
  meiliSearch,
  median,
  outboxDrained,
  percentiles,
  probeDuring,
  root,
  sampleRss,
  sleep,
  verdict,
} = require('./lib/harness');
const { generateCatalogue } = require('./lib/bench-corpus');

const SERVICES_PER_PLATFORM = 10;
/** Services in the catalogue unless --services / BENCH_SERVICES say otherwise. */
const DEFAULT_SERVICES = 20_000;
/** 8 in flight saturates this 2-core machine (client, API and Meilisearch share it); 2 is one per core. */
const CONCURRENCY_LEVELS = [8, 2];
const REQUESTS = 4_000; // per target, after warm-up
const WARMUP = 300;
const FRESHNESS_WRITES = 200;
const FRESHNESS_WRITERS = 4;
/** Generating and reindexing 200,000 services alone takes minutes on this machine. */
const DEADLINE_MS = 20 * 60_000;
const DEADLINE_PER_100K_MS = 15 * 60_000;
const DB_NAME = 'pilotlink_bench';
const INDEX_PREFIX = 'bench_';

/** ~20 queries people would type, with filters; Traditional and synonym queries included. */
const QUERIES = [
  { q: '锂电池' },
  { q: '中试验证', region: '350500' },
  { q: '检测', category: 'INSPECTION_TESTING' },
  { q: '石墨烯', field: 'MATERIALS' },
  { q: '小批量试产', voucherEligible: 'true' },
  { q: '性能测试', priceMaxFen: '5000000' },
  { q: '碳化硅 可靠性' },
  { q: '中间试验' },
  { q: '檢驗檢測' },
  { q: '功能性面料', stage: 'PILOT' },
  { q: '型式试验', platformType: 'TESTING' },
  { q: '', region: '440100', sort: 'priceAsc' },
  { q: '工艺放大', recognitionLevel: 'PROVINCE' },
  { q: '医用导管' },
  { q: '模具', sort: 'newest' },
  { q: '概念验证' },
  { q: '海洋食品 加工' },
  { q: '失效分析', priceMinFen: '100000', priceMaxFen: '2000000' },
  { q: '光伏', field: 'ENERGY' },
  { q: '机器人 减速器', limit: '10' },
];

const SIZES = catalogueSizes(DEFAULT_SERVICES);
/** What a 2-core machine can be expected to hold: the targets. */
const TARGETS = { ratio: 1.25, p95Ms: 30, freshnessP95Ms: 1_000, growth: 1.5, apiRssMb: 300 };

const harness = createHarness({
  name: 'bench',
  dbName: DB_NAME,
  indexPrefix: INDEX_PREFIX,
  queuePrefix: 'pilotlink-bench',
  deadlineMs: DEADLINE_MS + (DEADLINE_PER_100K_MS * SIZES.at(-1)) / 100_000,
});
const { log } = harness;

async function main() {
  const env = await harness.prepare();
  const databaseUrl = env.DATABASE_URL;
  const meili = { url: env.MEILI_URL, key: env.MEILI_MASTER_KEY };
  harness.cli('migrate');

  const { plainToInstance } = require('class-transformer');
  const { serviceSearchRequest } = require(path.join(root, 'dist/libs/search/src/query/search-request.js'));
  const { ServiceSearchQueryDto } = require(path.join(root, 'dist/libs/search/src/dto/search.request.dto.js'));
  const uid = `${INDEX_PREFIX}services`;
  // The exact request the API sends for each query, so both paths do the same search work.
  const direct = QUERIES.map((query) => {
    const { q, params } = serviceSearchRequest(plainToInstance(ServiceSearchQueryDto, query));
    return JSON.stringify({ q, ...params });
  });

  let api = null;
  let platforms = 0;
  const results = [];
  for (const services of SIZES) {
    const added = services / SERVICES_PER_PLATFORM - platforms;
    log(`generating ${added} platforms × ${SERVICES_PER_PLATFORM} services (catalogue of ${services} services)`);
    const { Client } = require('pg');
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await generateCatalogue(client, {
        platforms: added,
        servicesPerPlatform: SERVICES_PER_PLATFORM,
        operatorOrgs: Math.ceil(added / 10),
        offset: platforms,
        orgOffset: Math.ceil(platforms / 10),
      });
    } finally {
      await client.end();
    }
    platforms += added;
    if (!api) {
      log('starting the built API and worker');
      api = await harness.boot();
    }
    const viaApi = (i) => fetchOk(`${api}/api/search/services?${new URLSearchParams(QUERIES[i % QUERIES.length])}`);
    const viaMeili = (i) => meiliSearch(meili, uid, direct[i % QUERIES.length]);

    log('reindexing (build bench_*_new, then swap) while searching through the API');
    const reindex = await probeDuring(
      () => harness.cliAsync('reindex'),
      () => viaApi(0).then((body) => body.total),
    );
    const drained = await outboxDrained(databaseUrl);
    log(`outbox drained: ${drained.rows} rows pending after the reindex, ${drained.seconds.toFixed(1)} s`);
    const hits = await Promise.all(QUERIES.map((_, i) => viaApi(i).then((body) => body.total)));
    log(`query totals: ${hits.join(', ')}`);

    const rss = sampleRss({ api: harness.pids().apis[0], meilisearch: meiliPid(meili.url) });
    const runs = await compareLatency({
      viaApi,
      viaMeili,
      warmup: WARMUP,
      requests: REQUESTS,
      levels: CONCURRENCY_LEVELS,
      log,
    });
    log(`measuring freshness over ${FRESHNESS_WRITES} writes`);
    const freshness = await measureFreshness(databaseUrl, api);
    const result = { services, platforms, runs, freshness, reindex, drained, hits, rss: rss.stop() };
    // Each size as soon as it is measured: a later, larger size may run out of time or memory.
    printSize(result);
    results.push(result);
  }
  if (results.length > 1) process.stdout.write(sideBySide(results).join('\n') + '\n\n');
}

// ---------------------------------------------------------------------------------------------
// Measurements

/** Edit a service (row + outbox row in one transaction, as the catalogue does); time until the API finds it. */
async function measureFreshness(url, api) {
  const { Client } = require('pg');
  const reader = new Client({ connectionString: url });
  await reader.connect();
  const { rows } = await reader.query(`SELECT id FROM services ORDER BY id LIMIT $1`, [FRESHNESS_WRITES]);
  await reader.end();
  const latencies = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: FRESHNESS_WRITERS }, async () => {
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        for (let i = next++; i < rows.length; i = next++) {
          const token = `fresh${i}k${Date.now().toString(36)}`;
          const t0 = Date.now();
          await client.query('BEGIN');
          await client.query(`UPDATE services SET title = $1, updated_at = now() WHERE id = $2`, [
            `${token} 锂电池检测`,
            rows[i].id,
          ]);
          await client.query(
            `INSERT INTO outbox (aggregate_type, aggregate_id, event_type) VALUES ('service', $1, 'bench.updated')`,
            [rows[i].id],
          );
          await client.query('COMMIT');
          for (;;) {
            const body = await fetchOk(`${api}/api/search/services?q=${token}&limit=1`);
            if (body.total > 0) break;
            if (Date.now() - t0 > 30_000) throw new Error(`write ${i} not searchable after 30 s`);
            // 25 ms: finer polling by several writers would itself load Meilisearch and slow indexing.
            await sleep(25);
          }
          latencies.push(Date.now() - t0);
        }
      } finally {
        await client.end();
      }
    }),
  );
  return percentiles(latencies);
}

const mb = (value) => (value === null ? 'n/a' : `${value.toFixed(0)} MB`);

function printSize({ services, platforms, runs, freshness, reindex, drained, hits, rss }) {
  const lines = [
    '',
    `  Search benchmark — ${platforms} listed platforms × ${SERVICES_PER_PLATFORM} published services, ` +
      `${QUERIES.length} queries with filters (median ${median(hits)} hits), ${REQUESTS} requests per row`,
    '',
    ...latencyTable(runs, 'API', 30),
    `  Freshness (write → found via API), ${freshness.n} writes, ${FRESHNESS_WRITERS} writers:`,
    `    p50 ${freshness.p50} ms   p95 ${freshness.p95} ms   p99 ${freshness.p99} ms   max ${freshness.max} ms`,
    `  Full reindex of ${services + platforms} documents: ${reindex.seconds.toFixed(1)} s, ` +
      `${reindex.probes} searches meanwhile, ${reindex.failures.length} failed or empty` +
      (reindex.failures.length ? ` (${[...new Set(reindex.failures)].slice(0, 3).join('; ')})` : ''),
    `  Outbox after the reindex: ${drained.rows} rows pending (the worker's reconcile finds bulk-inserted ` +
      `services), drained in ${drained.seconds.toFixed(1)} s before measuring`,
    `  Peak RSS while measuring: API ${mb(rss.api)}, Meilisearch ${mb(rss.meilisearch)}`,
    '',
    ...latencyVerdicts(runs, { ratio: TARGETS.ratio, p95Ms: TARGETS.p95Ms }),
    `  Freshness p95 ≤ 1 s ... ${verdict(freshness.p95 <= TARGETS.freshnessP95Ms)} (${freshness.p95} ms)`,
    `  No search failed during the reindex ... ${verdict(reindex.failures.length === 0)}`,
    `  API RSS ≤ ${TARGETS.apiRssMb} MB ... ${verdict(rss.api !== null && rss.api <= TARGETS.apiRssMb)} (${mb(rss.api)})`,
  ];
  process.stdout.write(lines.join('\n') + '\n\n');
}

/** The sizes in columns, and the largest against the smallest (the "p95 at 200k / at 20k"). */
function sideBySide(results) {
  const width = 36;
  const cell = (text) => String(text).padStart(14);
  const at = (r, concurrency) => r.runs.find((run) => run.concurrency === concurrency);
  const rows = [
    ['services', (r) => r.services.toLocaleString('en')],
    ...CONCURRENCY_LEVELS.flatMap((c) => [
      [`API p95, concurrency ${c}`, (r) => `${at(r, c).apiStats.p95.toFixed(1)} ms`],
      [`Meilisearch p95, concurrency ${c}`, (r) => `${at(r, c).meiliStats.p95.toFixed(1)} ms`],
      [`API / direct p95, conc. ${c}`, (r) => `${(at(r, c).apiStats.p95 / at(r, c).meiliStats.p95).toFixed(2)}×`],
    ]),
    ['write → searchable p95', (r) => `${r.freshness.p95} ms`],
    ['full reindex', (r) => `${r.reindex.seconds.toFixed(1)} s`],
    ['searches failed during reindex', (r) => `${r.reindex.failures.length} of ${r.reindex.probes}`],
    ['API RSS (peak)', (r) => mb(r.rss.api)],
    ['Meilisearch RSS (peak)', (r) => mb(r.rss.meilisearch)],
  ];
  const [small, large] = [results[0], results.at(-1)];
  const lines = [
    '  Side by side',
    ...rows.map(([name, value]) => `  ${name.padEnd(width)}${results.map((r) => cell(value(r))).join('')}`),
  ];
  lines.push('');
  for (const c of CONCURRENCY_LEVELS) {
    const growth = at(large, c).apiStats.p95 / at(small, c).apiStats.p95;
    const engine = at(large, c).meiliStats.p95 / at(small, c).meiliStats.p95;
    lines.push(
      `  API p95 at ${large.services} / at ${small.services}, concurrency ${c} ≤ ${TARGETS.growth}× ... ` +
        `${verdict(growth <= TARGETS.growth)} (${growth.toFixed(2)}×; Meilisearch ${engine.toFixed(2)}×)`,
    );
  }
  return lines;
}

harness.run(main);
