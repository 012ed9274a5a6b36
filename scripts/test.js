#!/usr/bin/env node
/**
 * `npm test`: makes sure PostgreSQL, Redis and Meilisearch answer (starting local ones if needed,
 * exactly as `npm start` does), then runs every jest project — unit and end-to-end — against them.
 * Tests get their own database (`pilotlink_test` and clones of it) and key/index prefixes, so a
 * demo started with `npm start` is never touched. Extra arguments go to jest.
 */
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { ensureDependencies } = require('./lib/deps');

async function main() {
  ensureDependencies();
  buildWebIfStale();
  const { ensureStack } = require('./stack');
  const stack = await ensureStack({ profile: 'test' });
  // Ctrl-C reaches jest too; once it has exited, the finally below stops what the stack started.
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => undefined);
  let code = 1;
  try {
    const jestBin = require.resolve('jest/bin/jest');
    code = await run(process.execPath, [jestBin, '--maxWorkers=2', ...process.argv.slice(2)], {
      ...process.env,
      TEST_DATABASE_URL: stack.env.DATABASE_URL,
      REDIS_URL: stack.env.REDIS_URL,
      MEILI_URL: stack.env.MEILI_URL,
      MEILI_MASTER_KEY: stack.env.MEILI_MASTER_KEY,
      NODE_ENV: 'test',
    });
  } finally {
    await stack.stop();
  }
  process.exit(code);
}

/** The browser tests load the built portal (dist/web): build it when missing or older than its sources. */
function buildWebIfStale() {
  const root = path.resolve(__dirname, '..');
  const built = path.join(root, 'dist/web/index.html');
  const newest = (dir) =>
    fs
      .readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile())
      .reduce((max, entry) => Math.max(max, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs), 0);
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= newest(path.join(root, 'apps/web'))) return;
  process.stderr.write('[test] building the web portal …\n');
  execFileSync(
    process.execPath,
    [
      path.join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'apps/web/vite.config.ts',
      '--logLevel',
      'warn',
    ],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
}

function run(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env, cwd: path.resolve(__dirname, '..') });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

main().catch((error) => {
  console.error(`npm test: ${error.message}`);
  process.exit(1);
});
