#!/usr/bin/env node
/**
 * `npm run screenshots`: regenerates the README's pictures (docs/screenshots/*.png) from the demo data,
 * never from test fixtures. On a scratch database of its own (pilotlink_screens), its own Meilisearch
 * (port 7730) and its own queue prefix — never the `npm start` demo or a test database — it makes sure
 * the services answer, rebuilds the demo (`seed --reset`: migrations, the demo story, the search
 * indexes), runs the API and the worker from the sources, waits until the worker has relayed the outbox
 * (search documents and inboxes written), then signs in with Chromium as each role and captures its key
 * screens at 1440×900 with reduced motion, each once the page shows its real content. Everything it
 * started is stopped at the end.
 *
 *   SCREENSHOTS_DATABASE_URL, SCREENSHOTS_MEILI_URL   override the scratch database and Meilisearch
 *   CHROMIUM_PATH                                     the browser (default /usr/bin/chromium)
 */
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { ensureDependencies, root } = require('./lib/deps');
const { buildWebIfStale } = require('./lib/build-web');

const OUT = path.join(root, 'docs/screenshots');
const REGISTER = path.join(root, 'scripts/lib/register-ts.js');
const VIEWPORT = { width: 1440, height: 900 };
const SCREENS = {
  DATABASE_URL: process.env.SCREENSHOTS_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/pilotlink_screens',
  MEILI_URL: process.env.SCREENSHOTS_MEILI_URL || 'http://127.0.0.1:7730',
  QUEUE_PREFIX: 'pilotlink_screens',
  MEILI_INDEX_PREFIX: 'pls_',
  FILE_STORAGE_DIR: path.join(root, '.data/screens/files'),
};
/** The demo logins the shots use (the seed prints each with its password). */
const LOGIN = {
  sme: 'sme@demo.pilotlink.cn',
  platform: 'platform@demo.pilotlink.cn',
  bureau: 'bureau@demo.pilotlink.cn',
  payer: 'payer@demo.pilotlink.cn',
  admin: 'admin@demo.pilotlink.cn',
};

const log = (message) => process.stderr.write(`[screenshots] ${message}\n`);
const children = [];
let stack;
let browser;

async function main() {
  ensureDependencies();
  guardScratchDatabase();
  buildWebIfStale('screenshots');
  Object.assign(process.env, { DATABASE_URL: SCREENS.DATABASE_URL, MEILI_URL: SCREENS.MEILI_URL });
  const { ensureStack } = require('./stack');
  stack = await ensureStack({ profile: 'screens', log });
  const env = {
    ...process.env,
    ...stack.env,
    NODE_ENV: 'development',
    QUEUE_PREFIX: SCREENS.QUEUE_PREFIX,
    MEILI_INDEX_PREFIX: SCREENS.MEILI_INDEX_PREFIX,
    FILE_STORAGE_DIR: SCREENS.FILE_STORAGE_DIR,
    PORT: String(await freePort()),
    LOG_LEVEL: 'warn',
  };
  await clearQueues(env);

  log('rebuilding the demo data (seed --reset) …');
  const seedOutput = execFileSync(
    process.execPath,
    ['-r', REGISTER, path.join(root, 'apps/demo/src/cli.ts'), 'seed', '--reset'],
    { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  // The indexes still hold the documents of the dropped rows: the worker rebuilds them from the new ones.
  execFileSync(process.execPath, ['-r', REGISTER, path.join(root, 'apps/worker/src/cli.ts'), 'reindex'], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const { logins, moreAccounts } = JSON.parse(seedOutput.trim().split('\n').pop());
  // Every demo account has the seed's one password (DEMO_PASSWORD); it comes with the printed logins.
  const password = logins[0].password;
  for (const email of Object.values(LOGIN)) {
    if (!logins.some((l) => l.email === email) && !moreAccounts.includes(email)) {
      throw new Error(`the demo seed has no login ${email}`);
    }
  }

  log('starting the API and the worker …');
  start('api', path.join(root, 'apps/api/src/main.ts'), env);
  start('worker', path.join(root, 'apps/worker/src/main.ts'), env);
  const base = `http://127.0.0.1:${env.PORT}`;
  await waitUntil('the API to answer /api/health', async () => (await fetch(`${base}/api/health`)).ok, 120);
  await waitForRelay(env);

  const { chromium } = require('playwright-core');
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
  });
  fs.mkdirSync(OUT, { recursive: true });
  const shots = await captureAll({ base, password });
  log(`wrote ${shots.length} screenshots to ${path.relative(root, OUT)}: ${shots.join(', ')}`);
}

/** Refuses to reset the database `npm start` or the tests use. */
function guardScratchDatabase() {
  const { stackDefaults } = require('./stack');
  const name = (url) => new URL(url).pathname.slice(1);
  const scratch = name(SCREENS.DATABASE_URL);
  const taken = [process.env.DATABASE_URL, process.env.TEST_DATABASE_URL, stackDefaults.DATABASE_URL]
    .concat(stackDefaults.TEST_DATABASE_URL)
    .filter(Boolean)
    .map(name);
  if (taken.includes(scratch)) {
    throw new Error(`refusing to reset ${scratch}: it is the demo or test database; set SCREENSHOTS_DATABASE_URL`);
  }
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

/** Jobs left in the queues by an earlier run name rows the reset dropped: remove this prefix's keys. */
async function clearQueues(env) {
  const Redis = require('ioredis');
  const redis = new Redis(env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${env.QUEUE_PREFIX}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Runs an entry point from the TypeScript sources, the way the fault suite runs the worker. */
function start(name, entry, env) {
  const child = spawn(process.execPath, ['-r', REGISTER, entry], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const state = { name, child, output: '', exited: null };
  const keep = (chunk) => (state.output = (state.output + String(chunk)).slice(-4_000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.once('exit', (code, signal) => (state.exited = signal ?? `code ${code}`));
  children.push(state);
}

function assertRunning() {
  const dead = children.find((c) => c.exited);
  if (dead) throw new Error(`the ${dead.name} exited (${dead.exited}):\n${dead.output}`);
}

async function waitUntil(what, check, seconds = 60) {
  const deadline = Date.now() + seconds * 1000;
  let last = '';
  for (;;) {
    assertRunning();
    try {
      if (await check()) return;
    } catch (error) {
      last = ` (last: ${error.message})`;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${seconds} s waiting for ${what}${last}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * The worker has caught up when every outbox row is relayed and every notifying one dispatched (its inbox
 * rows written), and Meilisearch has no indexing task left.
 */
async function waitForRelay(env) {
  const { Client } = require('pg');
  const db = new Client({ connectionString: env.DATABASE_URL });
  await db.connect();
  try {
    let pending = 0;
    await waitUntil(
      'the worker to relay the outbox',
      async () => {
        const { rows } = await db.query(
          `SELECT count(*)::int AS n FROM outbox
            WHERE processed_at IS NULL OR (queued_at IS NOT NULL AND dispatched_at IS NULL)`,
        );
        if (rows[0].n !== pending) log(`outbox: ${(pending = rows[0].n)} events to relay`);
        return pending === 0;
      },
      300,
    );
  } finally {
    await db.end();
  }
  await waitUntil('Meilisearch to finish indexing', async () => {
    const res = await fetch(`${env.MEILI_URL}/tasks?statuses=enqueued,processing&limit=1`, {
      headers: { Authorization: `Bearer ${env.MEILI_MASTER_KEY}` },
    });
    return res.ok && (await res.json()).total === 0;
  });
}

/** A fresh context per role (its own session), the portal's login form, then `shoot` on each screen. */
async function captureAll({ base, password }) {
  const written = [];
  const api = apiClient(base, password);
  const as = async (email, visit) => {
    const context = await browser.newContext({
      baseURL: base,
      viewport: VIEWPORT,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      reducedMotion: 'reduce',
    });
    context.setDefaultTimeout(60_000);
    try {
      const page = await context.newPage();
      if (email) {
        await page.goto('/login');
        await page.getByLabel('邮箱').fill(email);
        await page.getByLabel('密码').fill(password);
        await page.locator('form').getByRole('button', { name: '登录' }).click();
        await page.waitForURL((url) => url.pathname !== '/login');
      }
      await visit(page);
    } finally {
      await context.close();
    }
  };
  const shoot = async (page, file, ready) => {
    assertRunning();
    for (const locator of ready) await locator.first().waitFor();
    await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
    await page.screenshot({ path: path.join(OUT, file), animations: 'disabled' });
    written.push(file);
    log(`${file}`);
  };
  const card = (page, title) =>
    page.locator('.ant-card', { has: page.locator('.ant-card-head-title', { hasText: title }) });

  await as(LOGIN.sme, async (page) => {
    await page.goto('/sme');
    await shoot(page, 'sme.png', [
      card(page, '我的需求').locator('.ant-table-row'),
      card(page, '我的订单').locator('.ant-table-row'),
      page.getByTestId('voucher-wallet').locator('.ant-list-item', { hasText: /冻结 ¥[1-9]/ }),
    ]);
    // The order whose claim is in 公示: the checkout's outcome and the claim's status on the order page.
    const claims = await api.get(LOGIN.sme, '/claims?limit=100');
    const claim = claims.items.find((c) => c.status === 'APPROVED') ?? claims.items[0];
    if (!claim) throw new Error('the demo SME has no claim');
    await page.goto(`/orders/${claim.orderId}`);
    await shoot(page, 'sme-claim.png', [page.getByTestId('order-status'), page.getByTestId('claim-filed')]);
    await page.goto('/notifications');
    await shoot(page, 'inbox.png', [page.getByTestId('inbox').locator('.ant-list-item')]);
  });

  await as(LOGIN.platform, async (page) => {
    await page.goto('/platform');
    await shoot(page, 'platform.png', [
      card(page, '需求大厅').locator('.ant-list-item'),
      page.getByTestId('platform-orders').locator('.ant-table-row'),
    ]);
  });

  await as(LOGIN.bureau, async (page) => {
    await page.goto('/bureau');
    await shoot(page, 'bureau.png', [
      page.getByTestId('program-summary'),
      page.getByTestId('funnel').locator('canvas'),
    ]);
    await page.getByRole('tab', { name: '兑付审核' }).click();
    const claims = page.getByTestId('claims');
    await shoot(page, 'bureau-claims.png', [
      claims.locator('.ant-table-row', { hasText: '已通过（公示中）' }),
      claims.locator('.ant-table-row', { hasText: '异议核查中' }),
    ]);
  });

  await as(LOGIN.payer, async (page) => {
    await page.goto('/bureau');
    await page.getByRole('tab', { name: '兑付审核' }).click();
    await page.getByTestId('claims').getByRole('button', { name: '查看批次' }).first().click();
    const batch = page.getByTestId('batch-view');
    await batch.getByTestId('batch-claims').locator('.ant-table-row').first().waitFor();
    await batch.scrollIntoViewIfNeeded();
    await shoot(page, 'payer-batch.png', [batch.getByTestId('batch-cofunders').locator('.ant-table-row')]);
  });

  // The public 公示 page of the program with the most claims in notice (no login).
  const programs = await api.get(LOGIN.bureau, '/voucher-programs?limit=50');
  let notice = { id: null, count: 0 };
  for (const program of programs.items) {
    const items = await api.get(null, `/voucher-programs/${program.id}/public-notice`);
    const count = (Array.isArray(items) ? items : (items.items ?? [])).length;
    if (count > notice.count) notice = { id: program.id, count };
  }
  if (!notice.id) throw new Error('no demo program has a claim in 公示');
  await as(null, async (page) => {
    await page.goto(`/public-notice/${notice.id}`);
    await shoot(page, 'public-notice.png', [page.getByTestId('public-notice').locator('.ant-table-row')]);
  });

  await as(LOGIN.admin, async (page) => {
    await page.goto('/bureau');
    await shoot(page, 'admin-reports.png', [
      page.getByTestId('program-summary'),
      page.getByTestId('funnel').locator('canvas'),
    ]);
  });
  return written;
}

/** The API as each demo login (one sign-in per login), for finding what a screen should show. */
function apiClient(base, password) {
  const tokens = new Map();
  const call = async (pathname, { method = 'GET', body, token } = {}) => {
    const res = await fetch(`${base}/api${pathname}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body && JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${pathname} answered ${res.status}: ${await res.text()}`);
    return res.json();
  };
  return {
    async get(email, pathname) {
      if (email && !tokens.has(email)) {
        tokens.set(email, (await call('/auth/login', { method: 'POST', body: { email, password } })).accessToken);
      }
      return call(pathname, { token: email ? tokens.get(email) : undefined });
    },
  };
}

async function stopAll() {
  await browser?.close().catch(() => undefined);
  await Promise.all(
    children.map(
      (c) =>
        new Promise((resolve) => {
          if (c.exited) return resolve();
          const timer = setTimeout(() => c.child.kill('SIGKILL'), 10_000);
          c.child.once('exit', () => resolve(clearTimeout(timer)));
          c.child.kill('SIGTERM');
        }),
    ),
  );
  await stack?.stop();
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void stopAll().then(() => process.exit(1));
  });
}

main().then(
  async () => {
    await stopAll();
    process.exit(0);
  },
  async (error) => {
    process.stderr.write(`npm run screenshots: ${error.stack ?? error.message}\n`);
    await stopAll();
    process.exit(1);
  },
);
