#!/usr/bin/env node
/**
 * `npm test`: makes sure PostgreSQL, Redis and Meilisearch answer (starting local ones if needed,
 * exactly as `npm start` does), then runs every jest project — unit and end-to-end — against them.
 * Tests get their own database (`pilotlink_test` and clones of it) and key/index prefixes, so a
 * demo started with `npm start` is never touched. Extra arguments go to jest.
 */
const { spawn } = require('node:child_process');
const path = require('node:path');
const { ensureDependencies } = require('./lib/deps');
const { buildWebIfStale } = require('./lib/build-web');

async function main() {
  ensureDependencies();
  buildWebIfStale('test');
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
