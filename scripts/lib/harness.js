/**
 * Shared plumbing of the measuring scripts (`bench:search`, `bench:match`, `eval:matching`): build, make sure
 * the stack answers, a dedicated database and index prefix recreated each run, the built API and worker on a
 * free port, HTTP helpers, latency percentiles — and a cleanup that removes all of it (database, indexes and
 * queues under the run's prefixes; BENCH_KEEP=1 keeps them) and stops only what the run started.
 */
const { execFileSync, spawn } = require('node:child_process');
const net = require('node:net');
const path = require('node:path');
const { ensureDependencies, root } = require('./deps');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * @param {{ name: string, dbName: string, indexPrefix: string, queuePrefix: string, deadlineMs: number,
 *           env?: Record<string, string> }} options
 */
function createHarness({ name, dbName, indexPrefix, queuePrefix, deadlineMs, env: extraEnv = {} }) {
  const log = (message) => process.stderr.write(`[${name}] ${message}\n`);
  const state = { stack: null, children: [], databaseUrl: null, meili: null, env: null, cleaning: null };

  /** Builds, brings the stack up and recreates the dedicated database; returns the env for the children. */
  async function prepare() {
    ensureDependencies();
    // BENCH_NO_BUILD=1 runs the dist/ already there (a quicker second run).
    if (process.env.BENCH_NO_BUILD === '1') log('using the existing dist/ (BENCH_NO_BUILD=1)');
    else {
      log('building');
      execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
    }
    const { ensureStack } = require('../stack');
    state.stack = await ensureStack({ profile: 'test' });
    const databaseUrl = withDatabase(state.stack.env.DATABASE_URL, dbName);
    state.meili = { url: state.stack.env.MEILI_URL, key: state.stack.env.MEILI_MASTER_KEY };
    state.env = {
      ...process.env,
      ...state.stack.env,
      DATABASE_URL: databaseUrl,
      MEILI_INDEX_PREFIX: indexPrefix,
      QUEUE_PREFIX: queuePrefix,
      LOG_LEVEL: 'warn',
      // Not 'production': that refuses demo data (eval-matching seeds it) and wants Meilisearch keys made
      // by `cli.js meili:keys`; nothing else in the code depends on NODE_ENV.
      NODE_ENV: 'development',
      JWT_SECRET: 'bench-only-secret-bench-only-secret-0001',
      // One address drives every simulated user: the per-address and anonymous limits would throttle it.
      LOGIN_RATE_LIMIT: '1000000',
      LOGIN_ADDRESS_RATE_LIMIT: '1000000',
      LOGIN_LOCKOUT_THRESHOLD: '1000000',
      AUTH_RATE_LIMIT: '1000000',
      PUBLIC_RATE_LIMIT: '1000000',
      ...extraEnv,
    };
    await recreateDatabase(databaseUrl);
    state.databaseUrl = databaseUrl;
    return state.env;
  }

  /** `node dist/apps/worker/src/cli.js <command>` (`seed`: the demo's cli.js) against the dedicated database and indexes. */
  function cli(command, { quiet = false } = {}) {
    const app = command === 'seed' ? 'demo' : 'worker';
    return execFileSync(process.execPath, [path.join(root, `dist/apps/${app}/src/cli.js`), command], {
      cwd: root,
      env: state.env,
      stdio: quiet ? ['ignore', 'pipe', 'inherit'] : 'inherit',
      encoding: 'utf8',
    });
  }

  /** As `cli`, without blocking the event loop (so the script can probe the API meanwhile); resolves with stdout. */
  function cliAsync(command) {
    const app = command === 'seed' ? 'demo' : 'worker';
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(root, `dist/apps/${app}/src/cli.js`), command], {
        cwd: root,
        env: state.env,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        process.stderr.write(chunk);
      });
      child.once('error', reject);
      child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`cli.js ${command} exited ${code}`))));
    });
  }

  /** Process ids of the started APIs and worker (for RSS sampling). */
  function pids() {
    const [apis, workers] = [[], []];
    for (const child of state.children) (child.role === 'api' ? apis : workers).push(child.pid);
    return { apis, workers };
  }

  /** Starts the built API and worker; resolves with the API's base URL once it is healthy. */
  async function boot() {
    const [api] = await bootApis(1);
    return api;
  }

  /**
   * Starts `count` API processes (each on its own port, as replicas behind a load balancer would run)
   * and one worker; resolves with the APIs' base URLs once all are healthy.
   */
  async function bootApis(count) {
    const apis = [];
    for (let i = 0; i < count; i++) {
      const port = await freePort();
      state.children.push(
        Object.assign(launch('dist/apps/api/src/main.js', { ...state.env, PORT: String(port) }), { role: 'api' }),
      );
      apis.push(`http://127.0.0.1:${port}`);
    }
    state.children.push(launch('dist/apps/worker/src/main.js', state.env));
    await Promise.all(apis.map((api) => waitForHealth(`${api}/api/health`)));
    return apis;
  }

  async function recreateDatabase(url) {
    const { Client } = require('pg');
    const admin = new Client({ connectionString: withDatabase(url, 'postgres') });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${dbName}"`);
    } finally {
      await admin.end();
    }
  }

  /** Stops the children, drops what the run created (unless BENCH_KEEP=1) and the services it started. */
  function cleanup() {
    return (state.cleaning ??= (async () => {
      await Promise.all(state.children.map(stopChild));
      const keep = process.env.BENCH_KEEP === '1';
      if (keep) log(`BENCH_KEEP=1: keeping database ${dbName} and indexes ${indexPrefix}*`);
      if (state.env && !keep) await obliterateQueues(state.env.REDIS_URL, queuePrefix).catch(() => {});
      if (state.meili && !keep) await deleteIndexes(state.meili, indexPrefix).catch(() => {});
      if (state.databaseUrl && !keep) {
        const { Client } = require('pg');
        const admin = new Client({ connectionString: withDatabase(state.databaseUrl, 'postgres') });
        await admin
          .connect()
          .then(() => admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`))
          .catch((error) => log(`could not drop ${dbName}: ${error.message}`))
          .finally(() => admin.end().catch(() => {}));
      }
      if (state.stack) await state.stack.stop();
    })());
  }

  /**
   * Runs `main` with a deadline and signal handlers; cleans up in every case. `beforeCleanup` runs first
   * (e.g. to close the script's own connections).
   */
  function run(main, { beforeCleanup = async () => {} } = {}) {
    const finish = () =>
      beforeCleanup()
        .catch(() => {})
        .then(cleanup);
    const deadline = setTimeout(() => {
      log(`still running after ${deadlineMs / 60_000} min: giving up`);
      void finish().finally(() => process.exit(2));
    }, deadlineMs);
    process.on('SIGINT', () => void finish().finally(() => process.exit(130)));
    process.on('SIGTERM', () => void finish().finally(() => process.exit(143)));
    main()
      .then(() => finish())
      .catch(async (error) => {
        process.stderr.write(`${name}: ${error.stack ?? error.message}\n`);
        await finish();
        process.exitCode = 1;
      })
      .finally(() => clearTimeout(deadline));
  }

  return { log, state, prepare, cli, cliAsync, pids, boot, bootApis, cleanup, run };
}

/** BENCH_CPU_PROFILE=<dir> writes a V8 CPU profile of each started process there (for finding hot spots). */
function launch(entry, env) {
  const profile = process.env.BENCH_CPU_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`]
    : [];
  return spawn(process.execPath, [...profile, path.join(root, entry)], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

function stopChild(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
}

/** Removes the run's BullMQ queues (jobs, schedulers, events) under its own prefix. */
async function obliterateQueues(redisUrl, prefix) {
  const { Queue } = require('bullmq');
  const { QUEUES } = require(path.join(root, 'dist/libs/queue/src/queues.js'));
  for (const name of Object.values(QUEUES)) {
    const queue = new Queue(name, { connection: { url: redisUrl }, prefix });
    try {
      await queue.obliterate({ force: true });
    } finally {
      await queue.close();
    }
  }
}

/** Deletes every index whose uid starts with the prefix (including a `<index>_new` left by a broken reindex). */
async function deleteIndexes({ url, key }, prefix) {
  const headers = { authorization: `Bearer ${key}` };
  const res = await fetch(`${url}/indexes?limit=1000`, { headers });
  const { results } = await res.json();
  for (const { uid } of results.filter((index) => index.uid.startsWith(prefix))) {
    await fetch(`${url}/indexes/${uid}`, { method: 'DELETE', headers }).catch(() => {});
  }
}

function withDatabase(url, name) {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
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

/** fetch that parses JSON and throws on a non-2xx answer, quoting the body. */
async function fetchOk(url, init) {
  const res = await fetch(url, init);
  const text = await res.text();
  const body = text ? JSON.parse(text) : null;
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${text.slice(0, 300)}`);
  return body;
}

/** POST/GET JSON to the API with a bearer token. */
function apiClient(base) {
  return (method, route, { token, body } = {}) =>
    fetchOk(`${base}/api${route}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
}

/** A search request sent straight to Meilisearch, as the API's client sends it. */
function meiliSearch({ url, key }, uid, body) {
  return fetchOk(`${url}/indexes/${uid}/search`, {
    method: 'POST',
    // As the API's client asks (see meili.provider.ts): gzip on a kept-alive connection stalls ~40 ms.
    headers: {
      'content-type': 'application/json',
      'accept-encoding': 'identity',
      authorization: `Bearer ${key}`,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Runs `request(i)` for i = 0..count-1 with `concurrency` in flight; latencies in ms and requests/s. */
async function load(request, count, concurrency) {
  const latencies = [];
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) {
        const t0 = process.hrtime.bigint();
        await request(i);
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { ...percentiles(latencies), rps: count / seconds };
}

/**
 * The API and the raw engine, side by side in the same run: a warm-up of each, then `requests` of each
 * at every concurrency level (engine first, so a cold cache never favours the API).
 */
async function compareLatency({ viaApi, viaMeili, warmup, requests, levels, log }) {
  log('warming up');
  await load(viaApi, warmup, 2);
  await load(viaMeili, warmup, 2);
  const runs = [];
  for (const concurrency of levels) {
    log(`measuring ${requests} requests each at concurrency ${concurrency}`);
    const meiliStats = await load(viaMeili, requests, concurrency);
    const apiStats = await load(viaApi, requests, concurrency);
    runs.push({ concurrency, apiStats, meiliStats });
  }
  return runs;
}

/** Report lines for `compareLatency` runs: a header, API / direct / ratio rows per level. */
function latencyTable(runs, apiLabel, width = 34) {
  const ms = (v) => `${v.toFixed(1)} ms`.padStart(10);
  const row = (name, s) =>
    `  ${name.padEnd(width)}${ms(s.p50)}${ms(s.p95)}${ms(s.p99)}${`${s.rps.toFixed(0)}/s`.padStart(10)}`;
  const lines = [
    `  ${''.padEnd(width)}${'p50'.padStart(10)}${'p95'.padStart(10)}${'p99'.padStart(10)}${'req/s'.padStart(10)}`,
  ];
  for (const { concurrency, apiStats, meiliStats } of runs) {
    const ratio = (key) => `${(apiStats[key] / meiliStats[key]).toFixed(2)}×`.padStart(10);
    lines.push(
      row(`${apiLabel}, concurrency ${concurrency}`, apiStats),
      row(`Meilisearch direct, conc. ${concurrency}`, meiliStats),
      `  ${'ratio API / direct'.padEnd(width)}${ratio('p50')}${ratio('p95')}${ratio('p99')}` +
        `${`${(apiStats.rps / meiliStats.rps).toFixed(2)}×`.padStart(10)}`,
      '',
    );
  }
  return lines;
}

/** PASS/FAIL lines for the latency targets: API p95 within `ratio`× of direct, and under `p95Ms`. */
function latencyVerdicts(runs, { ratio, p95Ms }) {
  return runs.map(
    ({ concurrency, apiStats, meiliStats }) =>
      `  Concurrency ${concurrency}: API p95 ≤ ${ratio}× direct p95 ... ${verdict(apiStats.p95 <= ratio * meiliStats.p95)}` +
      ` (${(apiStats.p95 / meiliStats.p95).toFixed(2)}×);  API p95 < ${p95Ms} ms ... ${verdict(apiStats.p95 < p95Ms)}` +
      ` (${apiStats.p95.toFixed(1)} ms)`,
  );
}

/**
 * Catalogue sizes (services) a benchmark runs at, ascending: `--services=20000,200000` or
 * BENCH_SERVICES=20000,200000 (the flag wins); `fallback` when neither is given. Each a multiple of 10
 * (ten services per platform).
 */
function catalogueSizes(fallback) {
  const flag = process.argv.find((arg) => arg.startsWith('--services='));
  const raw = flag ? flag.slice('--services='.length) : (process.env.BENCH_SERVICES ?? String(fallback));
  const sizes = raw.split(',').map((part) => Number(part.trim().replace(/_/g, '')));
  if (sizes.some((n) => !Number.isSafeInteger(n) || n < 10 || n % 10 !== 0)) {
    throw new Error(`catalogue sizes must be multiples of 10 services, got "${raw}"`);
  }
  return [...new Set(sizes)].sort((a, b) => a - b);
}

/** Resident set size of a process in MB (VmRSS from /proc), or null where there is no /proc or no process. */
function rssMb(pid) {
  try {
    const status = require('node:fs').readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : null;
  } catch {
    return null;
  }
}

/** The pid of the Meilisearch serving `url` (its --http-addr names the port), or null if none is found here. */
function meiliPid(url) {
  const fs = require('node:fs');
  const { port } = new URL(url);
  for (const entry of fs.readdirSync('/proc', { withFileTypes: true })) {
    if (!/^\d+$/.test(entry.name)) continue;
    try {
      const args = fs.readFileSync(`/proc/${entry.name}/cmdline`, 'utf8').split('\0');
      const addr = args[args.indexOf('--http-addr') + 1] ?? '';
      if (args[0].endsWith('meilisearch') && addr.endsWith(`:${port}`)) return Number(entry.name);
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return null;
}

/**
 * Samples the RSS of named processes every `everyMs` until `stop()`, which returns the peak per name (MB,
 * null when it could not be read).
 */
function sampleRss(processes, everyMs = 250) {
  const peaks = Object.fromEntries(Object.keys(processes).map((name) => [name, null]));
  const sample = () => {
    for (const [name, pid] of Object.entries(processes)) {
      const mb = pid ? rssMb(pid) : null;
      if (mb !== null) peaks[name] = Math.max(peaks[name] ?? 0, mb);
    }
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peaks;
    },
  };
}

/**
 * Runs `startReindex()` while searching through the API without pause; an outage is any answer that
 * is not 2xx, or no hits for a query that had hits before the reindex began.
 */
async function probeDuring(startReindex, search) {
  const baseline = await search().catch(() => null);
  const reindex = startReindex();
  let done = false;
  let probes = 0;
  const failures = [];
  const prober = (async () => {
    while (!done) {
      probes++;
      try {
        const total = await search();
        if (baseline && total === 0) failures.push('no hits');
      } catch (error) {
        failures.push(error.message.slice(0, 120));
      }
    }
  })();
  const started = Date.now();
  try {
    await reindex;
  } finally {
    done = true;
    await prober;
  }
  return { seconds: (Date.now() - started) / 1000, probes, failures };
}

/**
 * Waits until the outbox has no unprocessed row (the relay has caught up), so a phase measured next is not
 * queued behind work a previous phase left: a catalogue grown in bulk SQL is found by the worker's search
 * reconcile, which queues a row for every entity missing from the index. Resolves with { rows, seconds }.
 */
async function outboxDrained(databaseUrl, { timeoutMs = 15 * 60_000 } = {}) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const started = Date.now();
  let first = null;
  try {
    for (;;) {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM outbox WHERE processed_at IS NULL`);
      first ??= rows[0].n;
      if (rows[0].n === 0) return { rows: first, seconds: (Date.now() - started) / 1000 };
      if (Date.now() - started > timeoutMs) throw new Error(`${rows[0].n} outbox rows still pending`);
      await sleep(500);
    }
  } finally {
    await client.end();
  }
}

function verdict(ok) {
  return ok ? 'PASS' : 'FAIL';
}

function percentiles(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  return { n: sorted.length, p50: at(50), p95: at(95), p99: at(99), max: sorted[sorted.length - 1] };
}

function median(values) {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

module.exports = {
  createHarness,
  apiClient,
  fetchOk,
  meiliSearch,
  load,
  compareLatency,
  latencyTable,
  latencyVerdicts,
  verdict,
  catalogueSizes,
  rssMb,
  meiliPid,
  sampleRss,
  probeDuring,
  outboxDrained,
  percentiles,
  median,
  sleep,
  withDatabase,
  root,
};
