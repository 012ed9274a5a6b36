import { Client } from 'pg';

/**
 * One database per test file, cloned from a template that global setup migrated once: files run in
 * parallel without seeing each other's rows, and a clone takes milliseconds instead of a migration run.
 */
export const CLONE_MARKER = '_f';

export function templateUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run the tests with `npm test`, which starts the stack');
  return url;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

export async function adminQuery<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function cloneTemplate(suffix: string): Promise<string> {
  const template = templateUrl();
  const name = `${databaseName(template)}${CLONE_MARKER}${suffix}`;
  await adminQuery(template, async (client) => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await client.query(`CREATE DATABASE "${name}" TEMPLATE "${databaseName(template)}"`);
        return;
      } catch (error) {
        // Another clone of the same template may be copying right now (55006); wait and retry.
        if ((error as { code?: string }).code !== '55006' || attempt >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  });
  return withDatabase(template, name);
}

export async function dropDatabase(url: string): Promise<void> {
  await adminQuery(url, (client) => client.query(`DROP DATABASE IF EXISTS "${databaseName(url)}" WITH (FORCE)`));
}
