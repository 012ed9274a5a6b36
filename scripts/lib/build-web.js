/**
 * The browser tests and `npm run screenshots` load the built portal (dist/web): build it when missing or
 * older than its sources.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');

function buildWebIfStale(tag = 'build') {
  const built = path.join(root, 'dist/web/index.html');
  const newest = (dir) =>
    fs
      .readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile())
      .reduce((max, entry) => Math.max(max, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs), 0);
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= newest(path.join(root, 'apps/web'))) return;
  process.stderr.write(`[${tag}] building the web portal …\n`);
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
    { cwd: root, stdio: 'inherit' },
  );
}

module.exports = { buildWebIfStale };
