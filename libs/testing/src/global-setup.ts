import { runMigrations } from '../../database/src/run-migrations';
import { adminQuery, CLONE_MARKER, databaseName, templateUrl } from './test-database';

/**
 * Jest global setup for e2e tests: rebuild the template database from the migrations (the real
 * ones, as production runs them) and drop clones left behind by an interrupted run.
 */
export default async function globalSetup(): Promise<void> {
  const url = templateUrl();
  const template = databaseName(url);
  await adminQuery(url, async (client) => {
    const stale = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
      `${template}${CLONE_MARKER}%`,
    ]);
    for (const { datname } of stale.rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await client.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${template}"`);
  });
  await runMigrations(url);
}
