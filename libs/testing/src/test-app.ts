import { INestApplicationContext } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { allSucceeded } from '@pilotlink/search';
import Redis from 'ioredis';
import { Meilisearch } from 'meilisearch';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../../apps/api/src/bootstrap';
import { createWorkerApp } from '../../../apps/worker/src/bootstrap';
import { cloneTemplate, dropDatabase } from './test-database';

export interface TestApp {
  app: NestFastifyApplication;
  http: TestAgent;
  db: DataSource;
  env: Record<string, string>;
  /** Starts the worker in this process, against the same database, Redis prefix and indexes. */
  startWorker(): Promise<INestApplicationContext>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
}

/**
 * Boots the real API (same bootstrap as production) on its own database clone, Redis key prefix and
 * Meilisearch index prefix, so test files run side by side and never touch the demo data.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const id = randomBytes(4).toString('hex');
  const databaseUrl = await cloneTemplate(id);
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    // Quiet by default; TEST_LOG_LEVEL=error shows what an unexpected 500 was (the filter logs it with its request id).
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: databaseUrl,
    QUEUE_PREFIX: `pltest:${id}`,
    MEILI_INDEX_PREFIX: `t${id}_`,
    // One address (127.0.0.1) plays every user of a test: the per-address limits are tested on their own
    // (throttling.e2e-spec.ts) and raised here; the per-account login limit keeps its default.
    LOGIN_ADDRESS_RATE_LIMIT: '100000',
    PUBLIC_RATE_LIMIT: '100000',
    ...options.env,
  };
  Object.assign(process.env, env);

  // The modules read the environment when the app is built (not when imported), so this takes effect.
  const app = await createApiApp();
  const db = app.get<DataSource>(getDataSourceToken());
  const workers: INestApplicationContext[] = [];

  return {
    app,
    http: request(app.getHttpServer()),
    db,
    env,
    async startWorker() {
      const worker = await createWorkerApp();
      // A test may close its worker itself; close() then must not close it a second time.
      const close = worker.close.bind(worker);
      let closed = false;
      worker.close = async () => {
        if (closed) return;
        closed = true;
        await close();
      };
      workers.push(worker);
      return worker;
    },
    async close() {
      for (const worker of workers) await worker.close();
      await app.close();
      await cleanUpRedis(env.QUEUE_PREFIX);
      await cleanUpMeili(env.MEILI_INDEX_PREFIX);
      await dropDatabase(databaseUrl);
    },
  };
}

async function cleanUpRedis(prefix: string): Promise<void> {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

async function cleanUpMeili(prefix: string): Promise<void> {
  const meili = new Meilisearch({ host: process.env.MEILI_URL!, apiKey: process.env.MEILI_MASTER_KEY });
  const { results } = await meili.getIndexes({ limit: 1000 });
  // Enqueued together and awaited with the relay's patience (SYNC_WAIT), not the client's 5 s default:
  // on CI's loaded cores Meilisearch may still be working through the suite's last writes.
  await allSucceeded(
    meili,
    results
      .filter((i) => i.uid.startsWith(prefix))
      .map((index) => ({ task: meili.deleteIndex(index.uid), what: `delete ${index.uid}` })),
  );
}
