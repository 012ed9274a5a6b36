#!/usr/bin/env node
/**
 * `npm start`: from a fresh clone to a running marketplace — installs dependencies if missing,
 * builds, makes sure PostgreSQL, Redis and Meilisearch answer (starting local ones if needed),
 * migrates, loads the demo data (idempotent), then runs the API and the worker until Ctrl-C (restarting
 * either with a backoff when it crashes),
 * printing where to look and whom to log in as.
 */
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { ensureDependencies, root } = require('./lib/deps');
const { createSupervisor } = require('./lib/supervise');

const startedAt = Date.now();
let stack;
// Ctrl-C (or SIGTERM) stops the API and the worker, then the services this command started.
const supervisor = createSupervisor({ onStop: async () => stack && (await stack.stop()) });

async function main() {
  ensureDependencies();
  step('building');
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });

  const { ensureStack } = require('./stack');
  stack = await ensureStack({ profile: 'dev' });
  const env = { ...process.env, ...stack.env };
  const port = Number(env.PORT || 3000);

  step('migrating');
  execFileSync(process.execPath, [cli(), 'migrate'], { cwd: root, env, stdio: 'inherit' });
  step('loading demo data');
  const seedOutput = execFileSync(process.execPath, [path.join(root, 'dist/apps/demo/src/cli.js'), 'seed'], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  const { logins, moreAccounts = [] } = JSON.parse(seedOutput.trim().split('\n').pop());

  step('starting API and worker');
  supervisor.supervise('api', [path.join(root, 'dist/apps/api/src/main.js')], { cwd: root, env });
  supervisor.supervise('worker', [path.join(root, 'dist/apps/worker/src/main.js')], { cwd: root, env });

  const base = `http://localhost:${port}`;
  await waitForHealth(`${base}/api/health`);
  printBanner(base, logins, moreAccounts);
}

function cli() {
  return path.join(root, 'dist/apps/worker/src/cli.js');
}

function step(message) {
  process.stderr.write(`[start] ${message} …\n`);
}

async function waitForHealth(url) {
  const deadline = Date.now() + 90_000;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
      last = `${res.status} ${JSON.stringify((await res.json()).message ?? '')}`;
    } catch (error) {
      last = error.message;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the API did not become healthy at ${url} within 90 s (last: ${last})`);
}

function printBanner(base, logins, moreAccounts) {
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  const rows = logins.flatMap((l) => [
    `    ${l.role.padEnd(20)} ${l.email.padEnd(34)} ${l.password}   (${l.org})`,
    ...(l.tryFirst ? [`      try first: ${l.tryFirst}`] : []),
  ]);
  process.stdout.write(
    [
      '',
      `  PilotLink (中试通) is running — healthy after ${seconds} s`,
      '',
      `    Web portal   ${base}/`,
      `    API          ${base}/api`,
      `    API docs     ${base}/api/docs   (OpenAPI JSON: ${base}/api/docs-json)`,
      `    Health       ${base}/api/health`,
      '',
      '  Demo logins (POST /api/auth/login; every demo account has the same password):',
      ...rows,
      ...(moreAccounts.length ? ['', `  More demo accounts (same password): ${moreAccounts.join(', ')}`] : []),
      '',
      '  A crashed API or worker is restarted; Ctrl-C stops them and any service this command started.',
      '',
    ].join('\n') + '\n',
  );
}

main().catch(async (error) => {
  process.stderr.write(`npm start: ${error.message}\n`);
  await supervisor.shutdown(1);
});
