#!/usr/bin/env node
/**
 * `npm run bench:match`: matching latency and the publish → notification pipeline on a realistic corpus.
 *
 * Builds, makes sure the stack answers (as `npm test` does), then on a dedicated database
 * (`pilotlink_bench_match`, recreated each run), index prefix (`benchm_`) and queue prefix, at each catalogue
 * size in turn (`--services=20000,200000` or BENCH_SERVICES=20000,200000; default 20,000):
 *   1. generates listed platforms (one verified operator org each) × 10 published services up to the size
 *      (growing the previous size's catalogue), and once 5,000 open demands (PUBLIC and SUMMARY, several
 *      verified SME orgs) in bulk SQL; plus, per size, 100 draft demands to publish later;
 *   2. boots the built API and worker (once) and logs in as each SME owner, then runs the real full reindex
 *      (time printed);
 *   3. (a) measures GET /api/demands/:id/matches (owner's token) over many demands at concurrency 8 and 2, and
 *      the very same Meilisearch multi-search sent straight to Meilisearch — built by the exported pure
 *      `buildMatchQuery` of the compiled libs/demand, so both paths do the same search work;
 *   4. (b) publishes the 100 drafts through the API (4 at a time) and times each until its 20th inbox
 *      notification (`notifications.event_key = 'demand.published.<id>'`); then publishes a burst of 300 more
 *      (16 at a time) and counts the inbox rows written per second over that burst;
 *   5. samples the peak RSS of the API and of Meilisearch over (a) and (b).
 * The report has a block per size and the sizes side by side.
 * Everything runs on this machine (loopback only), bounded in requests and time; it cleans up after itself
 * (BENCH_KEEP=1 keeps the database and indexes). Not part of `npm test`.
 */
const path = require('node:path');
const {
  apiClient,
  catalogueSizes,
  compareLatency,
  createHarness,
  fetchOk,
  latencyTable,
  latencyVerdicts,
  meiliPid,
  outboxDrained,
  percentiles,
  root,
  sampleRss,
  sleep,
  verdict,
} = require('./lib/harness');
const { ACTIONS, CITIES, SUBJECTS, random, generateCatalogue } = require('./lib/bench-corpus');

const SERVICES_PER_PLATFORM = 10;
/** Services in the catalogue unless --services / BENCH_SERVICES say otherwise. */
const DEFAULT_SERVICES = 20_000;
const OPEN_DEMANDS = 5_000;
const SME_ORGS = 5;
/** Demands whose matches are requested, cycled through; each answers with at least 20 distinct platforms. */
const MATCHED_DEMANDS = 300;
const MATCH_LIMIT = 20;
/** 8 in flight saturates this 2-core machine (client, API and Meilisearch share it); 2 is one per core. */
const CONCURRENCY_LEVELS = [8, 2];
const REQUESTS = 2_000; // per target and concurrency, after warm-up
const WARMUP = 200;
const PUBLISHED_DEMANDS = 100;
const PUBLISHERS = 4;
const NOTIFIED_PLATFORMS = 20;
const NOTIFY_TIMEOUT_MS = 30_000;
const DEADLINE_MS = 10 * 60_000;
/** Generating and reindexing 200,000 services alone takes minutes on this machine. */
const DEADLINE_PER_100K_MS = 15 * 60_000;
const DB_NAME = 'pilotlink_bench_match';
const INDEX_PREFIX = 'benchm_';
const QUEUE_PREFIX = 'pilotlink-benchm';
const SME_PASSWORD = 'Bench-match-password-2026';

const TARGETS = {
  matchP95Ms: 40,
  matchRatio: 1.25,
  publishP95Ms: 250,
  deliveriesPerSecond: 1_000,
  growth: 1.5,
  apiRssMb: 300,
};
const SIZES = catalogueSizes(DEFAULT_SERVICES);

const harness = createHarness({
  name: 'bench:match',
  dbName: DB_NAME,
  indexPrefix: INDEX_PREFIX,
  queuePrefix: QUEUE_PREFIX,
  deadlineMs: DEADLINE_MS + (DEADLINE_PER_100K_MS * SIZES.at(-1)) / 100_000,
});
const { log } = harness;
const held = { pg: null, queueEvents: null, queues: [] };

async function main() {
  const env = await harness.prepare();
  require('reflect-metadata'); // the compiled library carries Nest and TypeORM decorators
  const { buildMatchQuery } = require(path.join(root, 'dist/libs/demand/src/index.js'));
  if (typeof buildMatchQuery !== 'function') throw new Error('libs/demand does not export buildMatchQuery');
  harness.cli('migrate');

  const { Client } = require('pg');
  held.pg = new Client({ connectionString: env.DATABASE_URL });
  await held.pg.connect();
  const pg = held.pg;
  const smes = await generateSmes(pg);
  let api = null;
  const tokens = new Map();
  let platforms = 0;
  const results = [];
  for (const services of SIZES) {
    const added = services / SERVICES_PER_PLATFORM - platforms;
    log(`generating ${added} platforms × ${SERVICES_PER_PLATFORM} services (catalogue of ${services} services)`);
    await generateCatalogue(pg, {
      platforms: added,
      servicesPerPlatform: SERVICES_PER_PLATFORM,
      // One org per platform: notifications go to orgs, so 20 matched platforms are 20 recipients.
      operatorOrgs: added,
      offset: platforms,
    });
    platforms += added;
    if (results.length === 0) await generateDemands(pg, smes, OPEN_DEMANDS, 'OPEN', 7);
    const drafts = await generateDemands(pg, smes, PUBLISHED_DEMANDS, 'DRAFT', 11 + results.length);
    log('reindexing (build benchm_*_new, then swap)');
    const reindexStarted = Date.now();
    // Before the first boot as before; afterwards with the API and worker up, as production reindexes.
    if (api) await harness.cliAsync('reindex');
    else harness.cli('reindex');
    const reindexSeconds = (Date.now() - reindexStarted) / 1000;

    if (!api) {
      log('starting the built API and worker');
      api = apiClient(await harness.boot());
      for (const sme of smes) {
        const session = await api('POST', '/auth/login', { body: { email: sme.email, password: SME_PASSWORD } });
        tokens.set(sme.id, session.accessToken);
      }
    }
    // A catalogue grown in bulk SQL is found by the worker's reconcile: let the relay catch up first.
    const drained = await outboxDrained(env.DATABASE_URL);
    log(`outbox drained: ${drained.rows} rows pending, ${drained.seconds.toFixed(1)} s`);
    const rss = sampleRss({ api: harness.pids().apis[0], meilisearch: meiliPid(env.MEILI_URL) });

    // (a) matches: the API beside the same search sent straight to Meilisearch.
    const { rows: sample } = await pg.query(
      `SELECT * FROM demands WHERE status = 'OPEN' ORDER BY md5(id::text) LIMIT $1`,
      [MATCHED_DEMANDS],
    );
    const meili = { url: env.MEILI_URL, key: env.MEILI_MASTER_KEY };
    const direct = sample.map((row) => directRequest(buildMatchQuery, demandOf(row), meili));
    const viaApi = (i) => {
      const row = sample[i % sample.length];
      return api('GET', `/demands/${row.id}/matches?limit=${MATCH_LIMIT}`, { token: tokens.get(row.sme_org_id) });
    };
    const viaMeili = (i) => direct[i % direct.length]();
    // Not timed: every benched demand must fit services of at least 20 distinct platforms (the top-K notified).
    const distinctPlatforms = [];
    for (const row of sample) {
      const body = await api('GET', `/demands/${row.id}/matches?limit=100`, { token: tokens.get(row.sme_org_id) });
      distinctPlatforms.push(new Set(body.items.map((item) => item.platform.id)).size);
    }
    const minPlatforms = Math.min(...distinctPlatforms);
    log(`matches per demand: at least ${minPlatforms} distinct platforms among the first 100`);
    if (minPlatforms < NOTIFIED_PLATFORMS)
      throw new Error(`a benched demand fits fewer than ${NOTIFIED_PLATFORMS} platforms`);
    const runs = await compareLatency({
      viaApi,
      viaMeili,
      warmup: WARMUP,
      requests: REQUESTS,
      levels: CONCURRENCY_LEVELS,
      log,
    });

    // (b) publish → 20th inbox notification.
    log(`publishing ${drafts.length} demands, ${PUBLISHERS} at a time`);
    const publish = await measurePublish(env, api, tokens, drafts);

    const result = { services, platforms, runs, publish, reindexSeconds, minPlatforms, rss: rss.stop() };
    // Each size as soon as it is measured: a later, larger size may run out of time or memory.
    printSize(result);
    results.push(result);
  }
  if (results.length > 1) process.stdout.write(sideBySide(results).join('\n') + '\n\n');
}

// ---------------------------------------------------------------------------------------------
// Data

/** Verified SME orgs, each with an owner who can log in (argon2id, as the API hashes). */
async function generateSmes(pg) {
  const argon2 = require('argon2');
  const hash = await argon2.hash(SME_PASSWORD, { type: argon2.argon2id });
  const smes = [];
  for (let n = 1; n <= SME_ORGS; n++) {
    const city = CITIES[(n * 3) % CITIES.length];
    const { rows } = await pg.query(
      `INSERT INTO orgs (kind, name, uscc, region_code, verification_status, verified_at)
       VALUES ('SME', $1, $2, $3, 'VERIFIED', now()) RETURNING id`,
      [`${city.name}示范制造科技第${n}有限公司`, `9135058299${String(n).padStart(7, '0')}X`, city.code],
    );
    const email = `bench-sme-${n}@bench.pilotlink.cn`;
    await pg.query(
      `INSERT INTO users (org_id, email, display_name, password_hash, role) VALUES ($1, $2, $3, $4, 'OWNER')`,
      [rows[0].id, email, `采购负责人${n}`, hash],
    );
    smes.push({ id: rows[0].id, email });
  }
  return smes;
}

const STAGE_NAMES = { CONCEPT: '概念验证', LAB: '小试', PILOT: '中试', SMALL_BATCH: '小批量试生产' };
const TITLE_FORMS = [
  (s, a) => `${s.name}${a.name}`,
  (s, a) => `寻求${s.name}${a.name}服务`,
  (s, a) => `${s.name}${a.name}合作需求`,
  (s, a) => `新一代${s.name}的${a.name}`,
];

/**
 * Demands drawn from the catalogue's subjects × actions, so each finds many fitting services: `OPEN` ones
 * (published, indexed by the reindex) or `DRAFT` ones (published later through the API). 70 % PUBLIC, 30 %
 * SUMMARY. Returns the rows ({ id, sme_org_id }).
 */
async function generateDemands(pg, smes, count, status, seed) {
  const rnd = random(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const d = {
    sme: [],
    title: [],
    desc: [],
    field: [],
    stage: [],
    categories: [],
    min: [],
    max: [],
    region: [],
    confidentiality: [],
  };
  for (let i = 0; i < count; i++) {
    const subject = pick(SUBJECTS);
    const action = pick(ACTIONS);
    const city = pick(CITIES);
    const stage = pick(action.stages);
    const minYuan = 10_000 * (1 + Math.floor(rnd() * 20));
    d.sme.push(smes[i % smes.length].id);
    d.title.push(pick(TITLE_FORMS)(subject, action));
    d.desc.push(
      `我司主要从事${subject.name}相关产品的研发和生产，项目目前处于${STAGE_NAMES[stage]}阶段。` +
        `需要具备${action.name}能力的平台协助完成验证，并出具报告，预算约${minYuan / 10_000}万元起。` +
        `优先考虑${city.name}及周边的平台，可接受现场考察。`,
    );
    d.field.push(subject.field);
    d.stage.push(stage);
    d.categories.push(action.category);
    d.min.push(minYuan * 100);
    d.max.push(minYuan * 100 * (2 + Math.floor(rnd() * 4)));
    d.region.push(rnd() < 0.3 ? null : city.code);
    d.confidentiality.push(rnd() < 0.7 ? 'PUBLIC' : 'SUMMARY');
  }
  const { rows } = await pg.query(
    `INSERT INTO demands (sme_org_id, title, description, field_code, stage, categories, budget_min_fen,
                          budget_max_fen, region_code, mode, confidentiality, status, published_at)
     SELECT sme, title, descr, field, stage, string_to_array(cats, ','), bmin, bmax, region, 'OPEN', conf, $11,
            CASE WHEN $11 = 'OPEN' THEN now() - random() * interval '30 days' END
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[],
                   $8::bigint[], $9::text[], $10::text[])
            AS d(sme, title, descr, field, stage, cats, bmin, bmax, region, conf)
     RETURNING id, sme_org_id`,
    [...Object.values(d), status],
  );
  return rows;
}

/** The demand as the matcher reads it (MatchableDemand: camelCase, budgets as pg's bigint strings). */
function demandOf(row) {
  return {
    title: row.title,
    description: row.description,
    fieldCode: row.field_code,
    stage: row.stage,
    categories: row.categories,
    budgetMinFen: row.budget_min_fen,
    budgetMaxFen: row.budget_max_fen,
    regionCode: row.region_code,
  };
}

/**
 * The Meilisearch requests the API sends for a demand — one /multi-search round trip, built by the same pure
 * `buildMatchQuery` — as a thunk. Only the search is timed here; the API also reads the demand and ranks.
 */
function directRequest(buildMatchQuery, demand, meili) {
  const { queries } = buildMatchQuery(demand, `${INDEX_PREFIX}services`);
  const body = JSON.stringify({ queries });
  return () =>
    fetchOk(`${meili.url}/multi-search`, {
      method: 'POST',
      // As the API's client asks (see meili.provider.ts): gzip on a kept-alive connection stalls ~40 ms.
      headers: {
        'content-type': 'application/json',
        'accept-encoding': 'identity',
        authorization: `Bearer ${meili.key}`,
      },
      body,
    });
}

// ---------------------------------------------------------------------------------------------
// Publish → notifications

async function measurePublish(env, api, tokens, drafts) {
  const { Client } = require('pg');
  const { Queue, QueueEvents } = require('bullmq');
  const connection = { url: env.REDIS_URL };
  await held.queueEvents?.close(); // the previous size's
  held.queueEvents = new QueueEvents('notifications', { connection, prefix: QUEUE_PREFIX });
  await held.queueEvents.waitUntilReady();
  const completedAt = [];
  held.queueEvents.on('completed', () => completedAt.push(Date.now()));

  const latencies = [];
  const late = [];
  let next = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: PUBLISHERS }, async () => {
      const poller = new Client({ connectionString: env.DATABASE_URL });
      await poller.connect();
      try {
        for (let i = next++; i < drafts.length; i = next++) {
          const demand = drafts[i];
          const key = `demand.published.${demand.id}`;
          const t0 = Date.now();
          await api('POST', `/demands/${demand.id}/publish`, { token: tokens.get(demand.sme_org_id) });
          for (;;) {
            const { rows } = await poller.query(`SELECT count(*)::int AS n FROM notifications WHERE event_key = $1`, [
              key,
            ]);
            if (rows[0].n >= NOTIFIED_PLATFORMS) {
              latencies.push(Date.now() - t0);
              break;
            }
            if (Date.now() - t0 > NOTIFY_TIMEOUT_MS) {
              late.push({ id: demand.id, notified: rows[0].n });
              break;
            }
            await sleep(5);
          }
        }
      } finally {
        await poller.end();
      }
    }),
  );
  const finished = Date.now();
  // Let the last jobs' completion events arrive, then count those of the phase.
  await sleep(500);
  const jobs = completedAt.filter((t) => t >= started && t <= finished).length;
  const counts = await Promise.all(
    ['notifications', 'webhooks'].map(async (name) => {
      const queue = new Queue(name, { connection, prefix: QUEUE_PREFIX });
      held.queues.push(queue);
      return [name, await queue.getJobCounts('failed', 'waiting', 'active', 'delayed')];
    }),
  );
  const burst = await measureBurst(env, api, tokens);
  return {
    ...(latencies.length ? percentiles(latencies) : { n: 0 }),
    late,
    jobs,
    seconds: (finished - started) / 1000,
    counts: Object.fromEntries(counts),
    burst,
  };
}

/** Demands of the delivery-rate burst, and how many of their publishes are in flight at once. */
const BURST_DEMANDS = 300;
const BURST_PUBLISHERS = 16;
const BURST_TIMEOUT_MS = 120_000;

/**
 * Notification deliveries per second: a burst of publishes (drafts made here, as the latency phase's are),
 * then the inbox rows written for them over the wall time of the phase that writes them — from the first
 * publish request (the database's clock) to the last row's commit time (`created_at`, the same clock).
 */
async function measureBurst(env, api, tokens) {
  const { Client } = require('pg');
  const pg = new Client({ connectionString: env.DATABASE_URL });
  await pg.connect();
  try {
    const smes = [...tokens.keys()].map((id) => ({ id }));
    const drafts = await generateDemands(pg, smes, BURST_DEMANDS, 'DRAFT', 13);
    const ids = drafts.map((d) => d.id);
    const keys = ids.map((id) => `demand.published.${id}`);
    const rowsOf = async () =>
      (
        await pg.query(
          `SELECT count(*)::int AS n, count(DISTINCT event_key)::int AS demands,
                  extract(epoch FROM max(created_at)) * 1000 AS last FROM notifications WHERE event_key = ANY($1)`,
          [keys],
        )
      ).rows[0];
    log(`burst: publishing ${drafts.length} demands, ${BURST_PUBLISHERS} at a time`);
    const {
      rows: [{ at }],
    } = await pg.query(`SELECT extract(epoch FROM clock_timestamp()) * 1000 AS at`);
    let next = 0;
    await Promise.all(
      Array.from({ length: BURST_PUBLISHERS }, async () => {
        for (let i = next++; i < drafts.length; i = next++) {
          const demand = drafts[i];
          await api('POST', `/demands/${demand.id}/publish`, { token: tokens.get(demand.sme_org_id) });
        }
      }),
    );
    const published = Date.now();
    let rows = await rowsOf();
    // Every demand told its 20 platforms, and nothing more written for a moment: the burst is delivered.
    for (let seen = -1; rows.demands < drafts.length || rows.n !== seen; rows = await rowsOf()) {
      if (Date.now() - published > BURST_TIMEOUT_MS) break;
      seen = rows.n;
      await sleep(250);
    }
    const seconds = (Number(rows.last) - Number(at)) / 1000;
    return { demands: drafts.length, notified: rows.demands, rows: rows.n, seconds, perSecond: rows.n / seconds };
  } finally {
    await pg.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Report

const mb = (value) => (value === null ? 'n/a' : `${value.toFixed(0)} MB`);

function printSize({ services, platforms, runs, publish, reindexSeconds, minPlatforms, rss }) {
  const lines = [
    '',
    `  Matching benchmark — ${platforms} listed platforms × ${SERVICES_PER_PLATFORM} published services, ` +
      `${OPEN_DEMANDS} open demands; GET /api/demands/:id/matches?limit=${MATCH_LIMIT} over ${MATCHED_DEMANDS} ` +
      `demands (each fitting ≥ ${minPlatforms} distinct platforms), ${REQUESTS} requests per row`,
    '',
    ...latencyTable(runs, 'API matches'),
  ];
  const rate = publish.jobs / publish.seconds;
  const { burst } = publish;
  lines.push(
    `  Publish → ${NOTIFIED_PLATFORMS}th inbox notification, ${publish.n} of ${PUBLISHED_DEMANDS} demands, ` +
      `${PUBLISHERS} publishers:`,
    publish.n
      ? `    p50 ${publish.p50} ms   p95 ${publish.p95} ms   p99 ${publish.p99} ms   max ${publish.max} ms`
      : '    none reached it',
    `  Notifications queue: ${publish.jobs} dispatch jobs completed in ${publish.seconds.toFixed(1)} s = ${rate.toFixed(0)} jobs/s`,
    `  Deliveries: a burst of ${burst.demands} publishes (${BURST_PUBLISHERS} at a time) wrote ${burst.rows} inbox rows ` +
      `(${burst.notified} demands notified) in ${burst.seconds.toFixed(1)} s = ${burst.perSecond.toFixed(0)} rows/s`,
    `  Queue state after the phase: ${Object.entries(publish.counts)
      .map(
        ([name, c]) =>
          `${name} ${Object.entries(c)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')}`,
      )
      .join('; ')}`,
    `  Full reindex (${services} services, ${platforms} platforms, ${OPEN_DEMANDS} demands): ` +
      `${reindexSeconds.toFixed(1)} s`,
    `  Peak RSS while measuring: API ${mb(rss.api)}, Meilisearch ${mb(rss.meilisearch)}`,
    '',
  );
  if (publish.late.length) {
    lines.push(
      `  ${publish.late.length} demands had fewer than ${NOTIFIED_PLATFORMS} notifications after ` +
        `${NOTIFY_TIMEOUT_MS / 1000} s: ${publish.late
          .slice(0, 5)
          .map((l) => `${l.id} (${l.notified})`)
          .join(', ')}`,
      '',
    );
  }
  lines.push(
    ...latencyVerdicts(runs, { ratio: TARGETS.matchRatio, p95Ms: TARGETS.matchP95Ms }),
    `  Publish → ${NOTIFIED_PLATFORMS} notifications p95 ≤ ${TARGETS.publishP95Ms} ms ... ` +
      `${verdict(publish.n === PUBLISHED_DEMANDS && publish.p95 <= TARGETS.publishP95Ms)} ` +
      `(${publish.n ? `${publish.p95} ms` : 'n/a'}${publish.late.length ? `, ${publish.late.length} late` : ''})`,
    `  Notification deliveries ≥ ${TARGETS.deliveriesPerSecond}/s ... ` +
      `${verdict(burst.notified === burst.demands && burst.perSecond >= TARGETS.deliveriesPerSecond)} ` +
      `(${burst.perSecond.toFixed(0)} inbox rows/s${burst.notified < burst.demands ? `, ${burst.demands - burst.notified} demands never notified` : ''})`,
    `  API RSS ≤ ${TARGETS.apiRssMb} MB ... ${verdict(rss.api !== null && rss.api <= TARGETS.apiRssMb)} (${mb(rss.api)})`,
    '',
  );
  process.stdout.write(lines.join('\n') + '\n');
}

/** The sizes in columns, and the largest against the smallest (the issue's "p95 at 200k / at 20k"). */
function sideBySide(results) {
  const width = 36;
  const cell = (text) => String(text).padStart(14);
  const at = (r, concurrency) => r.runs.find((run) => run.concurrency === concurrency);
  const rows = [
    ['services', (r) => r.services.toLocaleString('en')],
    ...CONCURRENCY_LEVELS.flatMap((c) => [
      [`API matches p95, concurrency ${c}`, (r) => `${at(r, c).apiStats.p95.toFixed(1)} ms`],
      [`Meilisearch p95, concurrency ${c}`, (r) => `${at(r, c).meiliStats.p95.toFixed(1)} ms`],
      [`API / direct p95, conc. ${c}`, (r) => `${(at(r, c).apiStats.p95 / at(r, c).meiliStats.p95).toFixed(2)}×`],
    ]),
    [`publish → ${NOTIFIED_PLATFORMS}th inbox p95`, (r) => (r.publish.n ? `${r.publish.p95} ms` : 'n/a')],
    ['inbox rows written per second', (r) => `${r.publish.burst.perSecond.toFixed(0)}/s`],
    ['full reindex', (r) => `${r.reindexSeconds.toFixed(1)} s`],
    ['API RSS (peak)', (r) => mb(r.rss.api)],
    ['Meilisearch RSS (peak)', (r) => mb(r.rss.meilisearch)],
  ];
  const [small, large] = [results[0], results.at(-1)];
  const lines = [
    '  Side by side',
    ...rows.map(([name, value]) => `  ${name.padEnd(width)}${results.map((r) => cell(value(r))).join('')}`),
    '',
  ];
  for (const c of CONCURRENCY_LEVELS) {
    const growth = at(large, c).apiStats.p95 / at(small, c).apiStats.p95;
    const engine = at(large, c).meiliStats.p95 / at(small, c).meiliStats.p95;
    lines.push(
      `  API matches p95 at ${large.services} / at ${small.services}, concurrency ${c} ≤ ${TARGETS.growth}× ... ` +
        `${verdict(growth <= TARGETS.growth)} (${growth.toFixed(2)}×; Meilisearch ${engine.toFixed(2)}×)`,
    );
  }
  return lines;
}

harness.run(main, {
  beforeCleanup: async () => {
    await held.queueEvents?.close().catch(() => {});
    for (const queue of held.queues) await queue.close().catch(() => {});
    await held.pg?.end().catch(() => {});
  },
});
