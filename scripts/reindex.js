#!/usr/bin/env node
/** `npm run reindex`: builds, then rebuilds every search index from PostgreSQL (DATABASE_URL → MEILI_URL). */
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { ensureDependencies, root } = require('./lib/deps');

ensureDependencies();
execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
execFileSync(process.execPath, [path.join(root, 'dist/apps/worker/src/cli.js'), 'reindex'], {
  cwd: root,
  stdio: 'inherit',
});
