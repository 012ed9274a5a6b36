#!/usr/bin/env node
/**
 * `npm run seed`: builds, migrates, then loads the demo data into DATABASE_URL (idempotent).
 * `npm run seed -- --reset`: drops and recreates that database first, then migrates, seeds and reindexes.
 */
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { ensureDependencies, root } = require('./lib/deps');

ensureDependencies();
execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
const cli = path.join(root, 'dist/apps/worker/src/cli.js');
const reset = process.argv.includes('--reset');
if (!reset) execFileSync(process.execPath, [cli, 'migrate'], { cwd: root, stdio: 'inherit' });
execFileSync(process.execPath, [cli, 'seed', ...(reset ? ['--reset'] : [])], { cwd: root, stdio: 'inherit' });
