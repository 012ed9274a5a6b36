#!/usr/bin/env node
/**
 * `npm run eval:matching`: ranking quality of `GET /api/demands/:id/matches` on the hand-labelled set in
 * test/fixtures/matching-eval.json (see its "about").
 *
 * Builds, makes sure the stack answers (as `npm test` does), then on a dedicated database (`pilotlink_eval`,
 * recreated each run) and index prefix (`eval_`): migrates, loads the demo data, reindexes, boots the built
 * API and worker, logs in as the demo SME, creates and publishes every fixture demand through the API, asks
 * for its top 10 matches and scores them against the labels: precision@5 (share of the first 5 that are
 * relevant) and nDCG@10 (graded: gain 2^rel − 1, log2 discount, ideal from all labels), with the compiled
 * libs/demand ranking metrics. Prints one row per demand and the means; EVAL_VERBOSE=1 also prints each
 * demand's ranking, EVAL_JSON=<file> writes the raw results. Cleans up after itself (BENCH_KEEP=1 keeps the
 * database and indexes).
 */
const fs = require('node:fs');
const path = require('node:path');
const { apiClient, createHarness, root } = require('./lib/harness');

const FIXTURE = path.join(root, 'test/fixtures/matching-eval.json');
const DB_NAME = 'pilotlink_eval';
const INDEX_PREFIX = 'eval_';
const DEADLINE_MS = 10 * 60_000;
const LIMIT = 10;
const DEMO_SME = { email: 'sme@demo.pilotlink.cn', password: 'PilotLink-demo-2026' };

const harness = createHarness({
  name: 'eval',
  dbName: DB_NAME,
  indexPrefix: INDEX_PREFIX,
  queuePrefix: 'pilotlink-eval',
  deadlineMs: DEADLINE_MS,
});
const { log } = harness;

/** A labelled service: titles are unique in the demo catalogue; the platform name makes the key self-evident. */
const keyOf = (platformName, serviceTitle) => `${platformName}｜${serviceTitle}`;

async function main() {
  const fixture = readFixture();
  const env = await harness.prepare();
  harness.cli('migrate');
  log('loading the demo data');
  harness.cli('seed', { quiet: true });
  log('reindexing');
  harness.cli('reindex');
  await checkLabelsAgainstCatalogue(env.DATABASE_URL, fixture.demands);

  log('starting the built API and worker');
  const api = apiClient(await harness.boot());
  const { accessToken: token } = await api('POST', '/auth/login', { body: DEMO_SME });

  const metrics = require(path.join(root, 'dist/libs/demand/src/matching/ranking-metrics.js'));
  const results = [];
  for (const demand of fixture.demands) {
    const created = await api('POST', '/demands', { token, body: demandBody(demand) });
    await api('POST', `/demands/${created.id}/publish`, { token });
    const matches = await api('GET', `/demands/${created.id}/matches?limit=${LIMIT}`, { token });
    const ranked = matches.items.map((item) => keyOf(item.platform.name, item.service.title));
    const labels = Object.fromEntries(demand.relevant.map((r) => [keyOf(r.platform, r.service), r.relevance]));
    results.push({
      id: demand.id,
      title: demand.title,
      relevantCount: demand.relevant.length,
      total: matches.total,
      ranked,
      scores: matches.items.map((item) => item.score),
      labels,
      precision5: metrics.precisionAtK(ranked, labels, 5),
      ndcg10: metrics.ndcgAtK(ranked, labels, 10),
    });
  }
  printReport(results, metrics);
  if (process.env.EVAL_JSON) fs.writeFileSync(process.env.EVAL_JSON, JSON.stringify(results, null, 2));
}

function readFixture() {
  const fixture = JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));
  if (!Array.isArray(fixture.demands) || fixture.demands.length === 0) throw new Error(`${FIXTURE}: no demands`);
  return fixture;
}

function demandBody(demand) {
  return {
    title: demand.title,
    description: demand.description,
    fieldCode: demand.fieldCode,
    stage: demand.stage,
    categories: demand.categories,
    budgetMinFen: demand.budgetMinFen,
    budgetMaxFen: demand.budgetMaxFen,
    regionCode: demand.regionCode,
    mode: 'OPEN',
    confidentiality: 'PUBLIC',
  };
}

/** Every label must name a service the matcher can return (published, on a listed platform), or the score lies. */
async function checkLabelsAgainstCatalogue(databaseUrl, demands) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT p.name AS platform, s.title AS service FROM services s JOIN platforms p ON p.id = s.platform_id
        WHERE s.status = 'PUBLISHED' AND p.status = 'LISTED'`,
    );
    const searchable = new Set(rows.map((row) => keyOf(row.platform, row.service)));
    const unknown = demands.flatMap((d) =>
      d.relevant.filter((r) => !searchable.has(keyOf(r.platform, r.service))).map((r) => `${d.id}: ${r.service}`),
    );
    if (unknown.length) throw new Error(`labels naming no searchable demo service:\n  ${unknown.join('\n  ')}`);
    log(`${demands.length} demands, labels checked against ${searchable.size} searchable demo services`);
  } finally {
    await client.end();
  }
}

function printReport(results, { meanOf }) {
  const fmt = (value) => (value === null ? '—' : value.toFixed(3)).padStart(8);
  const lines = [
    '',
    `  Matching quality — ${results.length} hand-labelled demands, GET /api/demands/:id/matches?limit=${LIMIT}`,
    '',
    `  ${'demand'.padEnd(40)}${'labels'.padStart(7)}${'hits'.padStart(6)}${'P@5'.padStart(8)}${'nDCG@10'.padStart(8)}` +
      `  first relevant`,
  ];
  for (const r of results) {
    const firstRelevant = r.ranked.findIndex((key) => (r.labels[key] ?? 0) > 0);
    lines.push(
      `  ${r.id.padEnd(40)}${String(r.relevantCount).padStart(7)}${String(r.total).padStart(6)}` +
        `${fmt(r.precision5)}${fmt(r.ndcg10)}  ${firstRelevant < 0 ? 'none in top 10' : `rank ${firstRelevant + 1}`}`,
    );
    if (process.env.EVAL_VERBOSE === '1') {
      r.ranked.forEach((key, i) =>
        lines.push(`      ${String(i + 1).padStart(2)}. [${r.labels[key] ?? 0}] ${r.scores[i]?.toFixed(3)} ${key}`),
      );
    }
  }
  const groups = [
    ['synonyms', (r) => r.id.startsWith('synonym-')],
    ['Traditional Chinese', (r) => r.id.startsWith('traditional-')],
    ['cross-field', (r) => r.id.startsWith('cross-field-')],
    ['few relevant (≤ 2 labels)', (r) => r.relevantCount <= 2],
  ];
  const p5 = meanOf(results.map((r) => r.precision5));
  const ndcg = meanOf(results.map((r) => r.ndcg10));
  const unscorable = results.filter((r) => r.ndcg10 === null).length;
  lines.push(
    '',
    `  mean precision@5 ${p5 === null ? '—' : p5.toFixed(3)}   mean nDCG@10 ${ndcg === null ? '—' : ndcg.toFixed(3)}` +
      `   over ${results.length - unscorable} scorable demands` +
      (unscorable ? ` (${unscorable} without a relevant label left out)` : ''),
  );
  for (const [name, test] of groups) {
    const subset = results.filter(test);
    if (!subset.length) continue;
    lines.push(
      `    ${name.padEnd(28)} n=${String(subset.length).padEnd(3)} P@5 ${fmt(meanOf(subset.map((r) => r.precision5)))}` +
        `   nDCG@10 ${fmt(meanOf(subset.map((r) => r.ndcg10)))}`,
    );
  }
  lines.push(
    '',
    '  precision@5 counts any labelled service (grade 1 or 2) in the first 5 and divides by 5, so a demand with',
    '  fewer than 5 relevant services cannot reach 1 (the ceiling over this set is the mean of min(labels, 5)/5:' +
      ` ${meanOf(results.map((r) => Math.min(r.relevantCount, 5) / 5)).toFixed(3)}).`,
    '',
  );
  process.stdout.write(lines.join('\n') + '\n');
}

harness.run(main);
