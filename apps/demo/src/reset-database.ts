import { Client } from 'pg';

/**
 * `seed --reset`: drops the database of DATABASE_URL and creates it again, empty, for migrations and the
 * demo story to rebuild (development only; the caller refuses production first).
 */
export async function resetDatabase(databaseUrl: string): Promise<string> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`Refusing to reset a database with an unusual name: ${name}`);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  return name;
}
