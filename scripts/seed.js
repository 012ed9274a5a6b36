#!/usr/bin/env node
/**
 * `npm run seed`: builds, migrates, then loads the demo data into DATABASE_URL (idempotent).
 * `npm run seed -- --reset`: drops and recreates that database first, then migrates, seeds and reindexes.
 * The demo has its own entry point (apps/demo); migrations and the reindex are the worker's.
 */
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { ensureDependencies, root } = require('./lib/deps');

ensureDependencies();
execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
const cli = path.join(root, 'dist/apps/worker/src/cli.js');
const demoCli = path.join(root, 'dist/apps/demo/src/cli.js');
const reset = process.argv.includes('--reset');
if (!reset) execFileSync(process.execPath, [cli, 'migrate'], { cwd: root, stdio: 'inherit' });
execFileSync(process.execPath, [demoCli, 'seed', ...(reset ? ['--reset'] : [])], { cwd: root, stdio: 'inherit' });
// The indexes still hold the documents of the dropped rows: rebuild them from the new ones.
if (reset) execFileSync(process.execPath, [cli, 'reindex'], { cwd: root, stdio: 'inherit' });
