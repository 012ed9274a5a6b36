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
const { execFileSync, spawn } = require('node:child_process');
const net = require('node:net');
const path = require('node:path');
const { ensureDependencies, root } = require('./lib/deps');

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

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (message) => process.stderr.write(`[bench] ${message}\n`);

async function main() {
  const deadline = setTimeout(() => {
    log(`still running after ${DEADLINE_MS / 60_000} min: giving up`);
    void cleanup().finally(() => process.exit(2));
  }, DEADLINE_MS);

  ensureDependencies();
  log('building');
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  const { ensureStack } = require('./stack');
  state.stack = await ensureStack({ profile: 'test' });

  const databaseUrl = withDatabase(state.stack.env.DATABASE_URL, DB_NAME);
  const port = await freePort();
  const env = {
    ...process.env,
    ...state.stack.env,
    DATABASE_URL: databaseUrl,
    MEILI_INDEX_PREFIX: INDEX_PREFIX,
    QUEUE_PREFIX: 'pilotlink-bench',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    JWT_SECRET: 'bench-only-secret-bench-only-secret-0001',
  };
  state.meili = { url: state.stack.env.MEILI_URL, key: state.stack.env.MEILI_MASTER_KEY };

  await recreateDatabase(databaseUrl);
  state.databaseUrl = databaseUrl;
  cli(env, 'migrate');
  log(`generating ${PLATFORMS} platforms × ${SERVICES_PER_PLATFORM} services`);
  await generateCatalogue(databaseUrl);
  log('reindexing (build bench_*_new, then swap)');
  const reindexStarted = Date.now();
  cli(env, 'reindex');
  const reindexSeconds = (Date.now() - reindexStarted) / 1000;

  log('starting the built API and worker');
  state.children.push(launch('dist/apps/api/src/main.js', env), launch('dist/apps/worker/src/main.js', env));
  const api = `http://127.0.0.1:${port}`;
  await waitForHealth(`${api}/api/health`);

  const { plainToInstance } = require('class-transformer');
  const { serviceSearchRequest } = require(path.join(root, 'dist/libs/search/src/query/search-request.js'));
  const { ServiceSearchQueryDto } = require(path.join(root, 'dist/libs/search/src/dto/search.request.dto.js'));
  const uid = `${INDEX_PREFIX}services`;
  // The exact request the API sends for each query, so both paths do the same search work.
  const direct = QUERIES.map((query) => {
    const { q, params } = serviceSearchRequest(plainToInstance(ServiceSearchQueryDto, query));
    return JSON.stringify({ q, ...params });
  });
  const viaApi = (i) => fetchOk(`${api}/api/search/services?${new URLSearchParams(QUERIES[i])}`);
  const viaMeili = (i) =>
    fetchOk(`${state.meili.url}/indexes/${uid}/search`, {
      method: 'POST',
      // As the API's client asks (see meili.provider.ts): gzip on a kept-alive connection stalls ~40 ms.
      headers: {
        'content-type': 'application/json',
        'accept-encoding': 'identity',
        authorization: `Bearer ${state.meili.key}`,
      },
      body: direct[i],
    });

  const hits = await Promise.all(QUERIES.map((_, i) => viaApi(i).then((body) => body.total)));
  log(`query totals: ${hits.join(', ')}`);
  log('warming up');
  await load(viaApi, WARMUP, 2);
  await load(viaMeili, WARMUP, 2);
  const runs = [];
  for (const concurrency of CONCURRENCY_LEVELS) {
    log(`measuring ${REQUESTS} requests each at concurrency ${concurrency}`);
    const meiliStats = await load(viaMeili, REQUESTS, concurrency);
    const apiStats = await load(viaApi, REQUESTS, concurrency);
    runs.push({ concurrency, apiStats, meiliStats });
  }

  log(`measuring freshness over ${FRESHNESS_WRITES} writes`);
  const freshness = await measureFreshness(databaseUrl, api);

  printReport({ runs, freshness, reindexSeconds, hits });
  clearTimeout(deadline);
}

// ---------------------------------------------------------------------------------------------
// Data

const CITIES = [
  { code: '350582', name: '晋江' },
  { code: '350581', name: '石狮' },
  { code: '350503', name: '丰泽' },
  { code: '350102', name: '鼓楼' },
  { code: '350100', name: '福州' },
  { code: '440106', name: '天河' },
  { code: '440112', name: '黄埔' },
  { code: '440100', name: '广州' },
  { code: '330402', name: '南湖' },
  { code: '330400', name: '嘉兴' },
];
const SUBJECTS = [
  { name: '锂电池正极材料', field: 'ENERGY_CATHODE' },
  { name: '石墨烯导热膜', field: 'MATERIALS_GRAPHENE' },
  { name: '碳化硅功率器件', field: 'ELECTRONICS_IC' },
  { name: '功能性面料', field: 'TEXTILE_FIBER' },
  { name: '超临界发泡鞋材', field: 'TEXTILE_SUPERCRITICAL_FOAM' },
  { name: '海洋食品精深加工', field: 'FOOD_MARINE' },
  { name: '医用高分子导管', field: 'BIOMED_DEVICES' },
  { name: '精密注塑模具', field: 'EQUIPMENT_MOULD' },
  { name: '工业机器人减速器', field: 'EQUIPMENT_ROBOTICS' },
  { name: '光伏银浆', field: 'ENERGY' },
  { name: '氢燃料电池膜电极', field: 'ENERGY_HYDROGEN' },
  { name: '先进陶瓷基板', field: 'MATERIALS_CERAMICS' },
  { name: '智能传感器', field: 'EQUIPMENT_SENSING' },
  { name: '合成生物菌株', field: 'FUTURE_SYNBIO' },
  { name: '电芯及模组', field: 'ENERGY_CELL' },
];
const ACTIONS = [
  { name: '中试验证', category: 'SCALE_UP', stages: ['PILOT'] },
  { name: '小批量试产', category: 'SMALL_BATCH', stages: ['SMALL_BATCH'] },
  { name: '性能测试', category: 'PERFORMANCE_TEST', stages: ['LAB', 'PILOT'] },
  { name: '检验检测', category: 'INSPECTION_TESTING', stages: ['PILOT', 'SMALL_BATCH'] },
  { name: '工艺放大', category: 'SCALE_UP', stages: ['PILOT'] },
  { name: '型式试验', category: 'TYPE_TEST', stages: ['SMALL_BATCH'] },
  { name: '失效分析', category: 'INSPECTION_TESTING', stages: ['LAB'] },
  { name: '可靠性测试', category: 'PERFORMANCE_TEST', stages: ['PILOT'] },
  { name: '配方优化', category: 'PROCESS_IMPROVEMENT', stages: ['LAB', 'PILOT'] },
  { name: '概念验证', category: 'CONCEPT_VERIFICATION', stages: ['CONCEPT'] },
];
const TYPES = ['PILOT_SERVICE', 'COMMON_TECH', 'CONCEPT_VERIFICATION', 'PILOT_BASE', 'TESTING'];
const TYPE_NAMES = ['中试服务平台', '共性技术平台', '概念验证中心', '产业化中试基地', '检验检测中心'];
const MODELS = ['LEADING', 'SPECIALIZED', 'COMPREHENSIVE'];
const LEVELS = ['NONE', 'NONE', 'CITY', 'PROVINCE', 'NATIONAL'];

/** Deterministic pseudo-random numbers, so every run measures the same catalogue. */
function random(seed) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

async function generateCatalogue(url) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  const rnd = random(42);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  try {
    const orgs = await client.query(
      `INSERT INTO orgs (kind, name, uscc, region_code, verification_status)
       SELECT 'PLATFORM_OPERATOR', '中试科技集团第' || n || '有限公司', '9135058200' || lpad(n::text, 7, '0') || 'X',
              '350582', 'VERIFIED'
         FROM generate_series(1, $1::int) AS n
       RETURNING id`,
      [PLATFORMS / 10],
    );
    const platforms = {
      org: [],
      name: [],
      type: [],
      model: [],
      fields: [],
      region: [],
      level: [],
      rating: [],
      desc: [],
    };
    for (let i = 0; i < PLATFORMS; i++) {
      const city = CITIES[i % CITIES.length];
      const subject = SUBJECTS[(i * 7) % SUBJECTS.length];
      const t = i % TYPES.length;
      platforms.org.push(orgs.rows[i % orgs.rows.length].id);
      platforms.name.push(`${city.name}${subject.name}${TYPE_NAMES[t]}${i + 1}号`);
      platforms.type.push(TYPES[t]);
      platforms.model.push(pick(MODELS));
      platforms.fields.push(subject.field);
      platforms.region.push(city.code);
      platforms.level.push(pick(LEVELS));
      platforms.rating.push(rnd() < 0.3 ? null : (3 + rnd() * 2).toFixed(2));
      platforms.desc.push(`面向${subject.name}企业提供${ACTIONS.map((a) => a.name).join('、')}等服务。`);
    }
    const inserted = await client.query(
      `INSERT INTO platforms (operator_org_id, name, type, operating_model, field_codes, region_code,
                              recognition_level, rating_avg, description, status, listed_at)
       SELECT org, name, type, model, string_to_array(fields, ','), region, level, rating, descr, 'LISTED', now()
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                     $8::numeric[], $9::text[]) AS p(org, name, type, model, fields, region, level, rating, descr)
       RETURNING id, field_codes`,
      Object.values(platforms),
    );
    const services = {
      platform: [],
      title: [],
      desc: [],
      category: [],
      fields: [],
      stages: [],
      kind: [],
      price: [],
      unit: [],
      lead: [],
      voucher: [],
    };
    for (const [i, platform] of inserted.rows.entries()) {
      for (let j = 0; j < SERVICES_PER_PLATFORM; j++) {
        const subject = SUBJECTS[(i + j * 3) % SUBJECTS.length];
        const action = ACTIONS[(i * 3 + j) % ACTIONS.length];
        const kind = pick(['FIXED', 'FIXED', 'UNIT', 'QUOTE']);
        services.platform.push(platform.id);
        services.title.push(`${subject.name}${action.name}`);
        services.desc.push(
          `依托${platform.field_codes[0]}方向的中试线，为企业提供${subject.name}的${action.name}服务，` +
            `出具检测报告，支持首台套与小批量试生产。服务编号${i + 1}-${j + 1}。`,
        );
        services.category.push(action.category);
        services.fields.push(subject.field);
        services.stages.push(action.stages.join(','));
        services.kind.push(kind);
        services.price.push(kind === 'QUOTE' ? null : String(Math.round(10_000 + rnd() * 30_000_000)));
        services.unit.push(kind === 'UNIT' ? pick(['样品', '批次', '小时']) : null);
        services.lead.push(Math.floor(3 + rnd() * 90));
        services.voucher.push(rnd() < 0.6);
      }
    }
    await client.query(
      `INSERT INTO services (platform_id, title, description, category, field_codes, stages, pricing_kind, price_fen,
                             unit_name, lead_time_days, voucher_eligible, status, published_at)
       SELECT platform, title, descr, category, string_to_array(fields, ','), string_to_array(stages, ','), kind,
              price, unit, lead, voucher, 'PUBLISHED', now() - random() * interval '300 days'
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                     $8::bigint[], $9::text[], $10::int[], $11::boolean[])
              AS s(platform, title, descr, category, fields, stages, kind, price, unit, lead, voucher)`,
      Object.values(services),
    );
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Measurements

/** Runs `count` requests (cycling through the queries) with `concurrency` in flight; latencies in ms. */
async function load(request, count, concurrency) {
  const latencies = [];
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) {
        const t0 = process.hrtime.bigint();
        await request(i % QUERIES.length);
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { ...percentiles(latencies), rps: count / seconds };
}

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

function percentiles(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  return { n: sorted.length, p50: at(50), p95: at(95), p99: at(99), max: sorted[sorted.length - 1] };
}

function printReport({ runs, freshness, reindexSeconds, hits }) {
  const ms = (v) => `${v.toFixed(1)} ms`.padStart(10);
  const row = (name, s) =>
    `  ${name.padEnd(30)}${ms(s.p50)}${ms(s.p95)}${ms(s.p99)}${`${s.rps.toFixed(0)}/s`.padStart(10)}`;
  const check = (ok) => (ok ? 'PASS' : 'FAIL');
  const lines = [
    '',
    `  Search benchmark — ${PLATFORMS} listed platforms × ${SERVICES_PER_PLATFORM} published services, ` +
      `${QUERIES.length} queries with filters (median ${median(hits)} hits), ${REQUESTS} requests per row`,
    '',
    `  ${''.padEnd(30)}${'p50'.padStart(10)}${'p95'.padStart(10)}${'p99'.padStart(10)}${'req/s'.padStart(10)}`,
  ];
  for (const { concurrency, apiStats, meiliStats } of runs) {
    const ratio = (key) => `${(apiStats[key] / meiliStats[key]).toFixed(2)}×`.padStart(10);
    lines.push(
      row(`API, concurrency ${concurrency}`, apiStats),
      row(`Meilisearch direct, conc. ${concurrency}`, meiliStats),
      `  ${'ratio API / direct'.padEnd(30)}${ratio('p50')}${ratio('p95')}${ratio('p99')}` +
        `${`${(apiStats.rps / meiliStats.rps).toFixed(2)}×`.padStart(10)}`,
      '',
    );
  }
  lines.push(
    `  Freshness (write → found via API), ${freshness.n} writes, ${FRESHNESS_WRITERS} writers:`,
    `    p50 ${freshness.p50} ms   p95 ${freshness.p95} ms   p99 ${freshness.p99} ms   max ${freshness.max} ms`,
    `  Full reindex of ${PLATFORMS * SERVICES_PER_PLATFORM + PLATFORMS} documents: ${reindexSeconds.toFixed(1)} s`,
    '',
  );
  for (const { concurrency, apiStats, meiliStats } of runs) {
    lines.push(
      `  Concurrency ${concurrency}: API p95 ≤ 3× direct p95 ... ${check(apiStats.p95 <= 3 * meiliStats.p95)}` +
        ` (${(apiStats.p95 / meiliStats.p95).toFixed(2)}×);  API p95 < 30 ms ... ${check(apiStats.p95 < 30)}` +
        ` (${apiStats.p95.toFixed(1)} ms)`,
    );
  }
  lines.push(`  Freshness p95 < 1 s ... ${check(freshness.p95 < 1000)} (${freshness.p95} ms)`, '');
  process.stdout.write(lines.join('\n') + '\n');
}

function median(values) {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

// ---------------------------------------------------------------------------------------------
// Plumbing

const state = { stack: null, children: [], databaseUrl: null, meili: null };

async function fetchOk(url, init) {
  const res = await fetch(url, init);
  const body = await res.json();
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return body;
}

function withDatabase(url, name) {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function recreateDatabase(url) {
  const { Client } = require('pg');
  const admin = new Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${DB_NAME}"`);
  } finally {
    await admin.end();
  }
}

function cli(env, command) {
  execFileSync(process.execPath, [path.join(root, 'dist/apps/worker/src/cli.js'), command], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
}

function launch(entry, env) {
  return spawn(process.execPath, [path.join(root, entry)], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url) {
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`the API did not become healthy at ${url}`);
    await sleep(500);
  }
}

async function cleanup() {
  await Promise.all(
    state.children.map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', resolve);
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
        }),
    ),
  );
  // BENCH_KEEP=1 leaves the database and indexes for a closer look.
  const keep = process.env.BENCH_KEEP === '1';
  if (state.meili && !keep) {
    const headers = { authorization: `Bearer ${state.meili.key}` };
    for (const kind of ['services', 'platforms']) {
      await fetch(`${state.meili.url}/indexes/${INDEX_PREFIX}${kind}`, { method: 'DELETE', headers }).catch(() => {});
    }
  }
  if (state.databaseUrl && !keep) {
    const { Client } = require('pg');
    const admin = new Client({ connectionString: withDatabase(state.databaseUrl, 'postgres') });
    await admin
      .connect()
      .then(() => admin.query(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`))
      .catch((error) => log(`could not drop ${DB_NAME}: ${error.message}`))
      .finally(() => admin.end().catch(() => {}));
  }
  if (state.stack) await state.stack.stop();
}

process.on('SIGINT', () => void cleanup().finally(() => process.exit(130)));
process.on('SIGTERM', () => void cleanup().finally(() => process.exit(143)));

main()
  .then(() => cleanup())
  .catch(async (error) => {
    process.stderr.write(`bench:search: ${error.stack ?? error.message}\n`);
    await cleanup();
    process.exitCode = 1;
  });
