import 'reflect-metadata';
import { validateEnv } from '@pilotlink/core';
import { runMigrations } from '@pilotlink/database';
import { parseArgs } from 'node:util';
import { resetDatabase } from './reset-database';
import { runSeed } from './run-seed';

const USAGE = 'usage: cli.js seed [--reset]';

/**
 * The demo data's own entry point, apart from the production worker: `node dist/apps/demo/src/cli.js seed`.
 * `--reset` drops and recreates the database and migrates it first; the search indexes then hold the dropped
 * rows' documents, so the caller runs the worker's `cli.js reindex` after it (scripts/seed.js does).
 * The demo logins are printed as JSON on the last line for scripts/start.js (development only).
 */
async function main(command: string | undefined, args: string[]): Promise<void> {
  const env = validateEnv(process.env);
  if (command !== 'seed') throw new Error(USAGE);
  const { values } = parseArgs({ args, options: { reset: { type: 'boolean' } } });
  if (values.reset) {
    // Refused in production before anything is dropped (runSeed refuses too, but only after).
    if (env.NODE_ENV === 'production') await runSeed(env.NODE_ENV);
    console.log(`dropped and recreated database ${await resetDatabase(env.DATABASE_URL)}`);
    const applied = await runMigrations(env.DATABASE_URL);
    console.log(`applied migrations: ${applied.length}`);
  }
  const result = await runSeed(env.NODE_ENV);
  console.log(`demo data: ${result.created} items created in ${result.seconds.toFixed(1)} s`);
  console.log(JSON.stringify({ logins: result.logins, moreAccounts: result.moreAccounts }));
}

main(process.argv[2], process.argv.slice(3)).catch((error: Error) => {
  console.error(
    ['usage', 'Refusing', 'Invalid configuration'].some((p) => error.message.startsWith(p)) ? error.message : error,
  );
  process.exit(1);
});
