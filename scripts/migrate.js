#!/usr/bin/env node
/** `npm run migration:run`: builds, then applies pending migrations to DATABASE_URL. */
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { ensureDependencies, root } = require('./lib/deps');

ensureDependencies();
execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
execFileSync(process.execPath, [path.join(root, 'dist/apps/worker/src/cli.js'), 'migrate'], {
  cwd: root,
  stdio: 'inherit',
});
