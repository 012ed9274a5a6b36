import 'reflect-metadata';
import { validateEnv } from '@pilotlink/core';
import { runMigrations } from '@pilotlink/database';
import { runReindex } from './search/run-reindex';
import { runSeed } from './seed/run-seed';

/**
 * Operations entry point: `node dist/apps/worker/src/cli.js migrate|seed|reindex`.
 * `seed` prints the demo logins as JSON on its last line for scripts/start.js.
 */
async function main(command: string | undefined): Promise<void> {
  const env = validateEnv(process.env);
  switch (command) {
    case 'migrate': {
      const applied = await runMigrations(env.DATABASE_URL);
      console.log(applied.length ? `applied migrations: ${applied.join(', ')}` : 'migrations: up to date');
      return;
    }
    case 'seed': {
      const result = await runSeed();
      console.log(`demo data: ${result.created} rows created`);
      console.log(JSON.stringify({ logins: result.logins }));
      return;
    }
    case 'reindex': {
      for (const r of await runReindex()) {
        console.log(
          `reindexed ${r.index}: ${r.documents} documents in ${r.seconds.toFixed(1)} s (${r.requeued} requeued)`,
        );
      }
      return;
    }
    default:
      throw new Error('usage: cli.js migrate|seed|reindex');
  }
}

main(process.argv[2]).catch((error: Error) => {
  console.error(
    error.message.startsWith('Invalid configuration') || error.message.startsWith('usage') ? error.message : error,
  );
  process.exit(1);
});
