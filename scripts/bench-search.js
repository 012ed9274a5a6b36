#!/usr/bin/env node
/**
 * `npm run bench:search`: search latency and index freshness on a realistic catalogue.
 *
 * Builds, makes sure the stack answers (as `npm test` does), then on a dedicated database
 * (`pilotlink_bench`, recreated each run) and index prefix (`bench_`):
 *   1. generates 2,000 listed platforms × 10 published services (bulk SQL) and runs the real reindex;
 *   2. boots the built API and worker;
 *   3. measures GET /api/search/services for ~20 Chinese queries with filters (concurrency 8), and the
 *      very same Meilisearch requests sent straight to Meilisearch, in the same run;
 *   4. measures freshness: 200 service edits written as the catalogue writes them (row + outbox row in
 *      one transaction), each timed until the API finds it.
 * Everything runs on this machine (loopback only), bounded in requests and time; it cleans up after
 * itself (BENCH_KEEP=1 keeps the database and indexes). Not part of `npm test`.
 */
const path = require('node:path');
const {
  compareLatency,
  createHarness,
  fetchOk,
  latencyTable,
  latencyVerdicts,
  meiliSearch,
  median,
  percentiles,
  root,
  sleep,
  verdict,
} = require('./lib/harness');
const { generateCatalogue } = require('./lib/bench-corpus');

const PLATFORMS = 2_000;
const SERVICES_PER_PLATFORM = 10;
/** 8 in flight saturates this 2-core machine (client, API and Meilisearch share it); 2 is one per core. */
const CONCURRENCY_LEVELS = [8, 2];
const REQUESTS = 4_000; // per target, after warm-up
const WARMUP = 300;
const FRESHNESS_WRITES = 200;
const FRESHNESS_WRITERS = 4;
const DEADLINE_MS = 20 * 60_000;
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

const harness = createHarness({
  name: 'bench',
  dbName: DB_NAME,
  indexPrefix: INDEX_PREFIX,
  queuePrefix: 'pilotlink-bench',
  deadlineMs: DEADLINE_MS,
});
const { log } = harness;

async function main() {
  const env = await harness.prepare();
  const databaseUrl = env.DATABASE_URL;
  const meili = { url: env.MEILI_URL, key: env.MEILI_MASTER_KEY };
  harness.cli('migrate');
  log(`generating ${PLATFORMS} platforms × ${SERVICES_PER_PLATFORM} services`);
  const { Client } = require('pg');
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await generateCatalogue(client, {
      platforms: PLATFORMS,
      servicesPerPlatform: SERVICES_PER_PLATFORM,
      operatorOrgs: PLATFORMS / 10,
    });
  } finally {
    await client.end();
  }
  log('reindexing (build bench_*_new, then swap)');
  const reindexStarted = Date.now();
  harness.cli('reindex');
  const reindexSeconds = (Date.now() - reindexStarted) / 1000;

  log('starting the built API and worker');
  const api = await harness.boot();

  const { plainToInstance } = require('class-transformer');
  const { serviceSearchRequest } = require(path.join(root, 'dist/libs/search/src/query/search-request.js'));
  const { ServiceSearchQueryDto } = require(path.join(root, 'dist/libs/search/src/dto/search.request.dto.js'));
  const uid = `${INDEX_PREFIX}services`;
  // The exact request the API sends for each query, so both paths do the same search work.
  const direct = QUERIES.map((query) => {
    const { q, params } = serviceSearchRequest(plainToInstance(ServiceSearchQueryDto, query));
    return JSON.stringify({ q, ...params });
  });
  const viaApi = (i) => fetchOk(`${api}/api/search/services?${new URLSearchParams(QUERIES[i % QUERIES.length])}`);
  const viaMeili = (i) => meiliSearch(meili, uid, direct[i % QUERIES.length]);

  const hits = await Promise.all(QUERIES.map((_, i) => viaApi(i).then((body) => body.total)));
  log(`query totals: ${hits.join(', ')}`);
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

  printReport({ runs, freshness, reindexSeconds, hits });
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

function printReport({ runs, freshness, reindexSeconds, hits }) {
  const lines = [
    '',
    `  Search benchmark — ${PLATFORMS} listed platforms × ${SERVICES_PER_PLATFORM} published services, ` +
      `${QUERIES.length} queries with filters (median ${median(hits)} hits), ${REQUESTS} requests per row`,
    '',
    ...latencyTable(runs, 'API', 30),
  ];
  lines.push(
    `  Freshness (write → found via API), ${freshness.n} writes, ${FRESHNESS_WRITERS} writers:`,
    `    p50 ${freshness.p50} ms   p95 ${freshness.p95} ms   p99 ${freshness.p99} ms   max ${freshness.max} ms`,
    `  Full reindex of ${PLATFORMS * SERVICES_PER_PLATFORM + PLATFORMS} documents: ${reindexSeconds.toFixed(1)} s`,
    '',
  );
  lines.push(
    ...latencyVerdicts(runs, { ratio: 3, p95Ms: 30 }),
    `  Freshness p95 < 1 s ... ${verdict(freshness.p95 < 1000)} (${freshness.p95} ms)`,
    '',
  );
  process.stdout.write(lines.join('\n') + '\n');
}

harness.run(main);
