/**
 * Installs dependencies when they are missing (a fresh clone), so `npm start` and `npm test` are the
 * only commands a newcomer needs. Uses `npm ci` against the committed lock file.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');

function ensureDependencies() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  console.error('[deps] installing dependencies with npm ci …');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
}

module.exports = { ensureDependencies, root };
