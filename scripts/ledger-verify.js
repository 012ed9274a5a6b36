#!/usr/bin/env node
/**
 * `npm run ledger:verify`: checks every invariant of the voucher ledger (SPEC §6) over the whole database at
 * DATABASE_URL (default: the local development database) with the compiled `verifyLedger` — built first when
 * dist/ is missing or older than the source. Prints each invariant, what was counted and every violation;
 * exits 1 on any violation, 2 when it could not check, 0 when all hold.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { ensureDependencies, root } = require('./lib/deps');

const SOURCE = path.join(root, 'libs/voucher/src/ledger/ledger-verifier.ts');
const COMPILED = path.join(root, 'dist/libs/voucher/src/ledger/ledger-verifier.js');

/** Builds when the compiled verifier is missing or older than its source; a failed build falls back on a stale one. */
function ensureCompiled(log = (message) => process.stderr.write(`[ledger:verify] ${message}\n`)) {
  const mtime = (file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : -1);
  if (mtime(COMPILED) >= mtime(SOURCE)) return;
  log(fs.existsSync(COMPILED) ? 'dist/ is older than the verifier: building' : 'dist/ has no verifier: building');
  try {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  } catch (error) {
    if (!fs.existsSync(COMPILED)) throw error;
    log('the build failed: checking with the verifier already in dist/');
  }
}

/** Connects, verifies in one read-only snapshot, prints; resolves with the number of violations. */
async function verify(databaseUrl, { out = process.stdout } = {}) {
  require('reflect-metadata');
  const { DataSource } = require('typeorm');
  const { LEDGER_INVARIANTS, ledgerCounts, verifyLedger } = require(COMPILED);
  const dataSource = new DataSource({ type: 'postgres', url: databaseUrl, logging: false, extra: { max: 1 } });
  await dataSource.initialize();
  try {
    const { counts, violations } = await dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      return { counts: await ledgerCounts(manager), violations: await verifyLedger(manager) };
    });
    const database = new URL(databaseUrl).pathname.slice(1);
    out.write(
      `Ledger of ${database}: ${counts.programs} programs, ${counts.accounts} accounts, ${counts.transactions} ` +
        `transactions, ${counts.postings} postings, ${counts.vouchers} vouchers, ${counts.holds} holds, ` +
        `${counts.claims} claims\n\n`,
    );
    const byInvariant = new Map(LEDGER_INVARIANTS.map((i) => [i.name, []]));
    for (const v of violations) {
      if (!byInvariant.has(v.invariant)) byInvariant.set(v.invariant, []);
      byInvariant.get(v.invariant).push(v.detail);
    }
    for (const invariant of LEDGER_INVARIANTS) {
      const found = byInvariant.get(invariant.name);
      out.write(`  ${found.length ? 'FAIL' : 'ok  '}  ${invariant.name}: ${invariant.description}\n`);
      for (const detail of found) out.write(`          ${detail}\n`);
    }
    out.write(
      violations.length
        ? `\n${violations.length} violation(s) of ${LEDGER_INVARIANTS.length} invariants.\n`
        : `\nAll ${LEDGER_INVARIANTS.length} invariants hold.\n`,
    );
    return violations.length;
  } finally {
    await dataSource.destroy();
  }
}

module.exports = { ensureCompiled, verify, COMPILED };

if (require.main === module) {
  const { stackDefaults } = require('./stack');
  const databaseUrl = process.env.DATABASE_URL || stackDefaults.DATABASE_URL;
  ensureDependencies();
  Promise.resolve()
    .then(() => ensureCompiled())
    .then(() => verify(databaseUrl))
    .then((violations) => {
      process.exitCode = violations ? 1 : 0;
    })
    .catch((error) => {
      process.stderr.write(`ledger:verify: ${error.message}\n`);
      process.exitCode = 2;
    });
}
