import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { HealthIndicatorService } from '@nestjs/terminus';
import { AppConfig } from '@pilotlink/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { OutboxService, REDIS, WORKER_HEARTBEAT_STALE_MS, workerHeartbeatKey } from '@pilotlink/queue';
import { MEILI } from '@pilotlink/search';
import type Redis from 'ioredis';
import type { Meilisearch } from 'meilisearch';
import { DataSource } from 'typeorm';

/** PING on the shared connection (which refuses to queue commands while Redis is away). */
@Injectable()
export class RedisHealthIndicator {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key: string) {
    const indicator = this.health.check(key);
    try {
      const pong = await withTimeout(this.redis.ping(), 1_500);
      return pong === 'PONG' ? indicator.up() : indicator.down({ message: `unexpected reply ${pong}` });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}

@Injectable()
export class MeiliHealthIndicator {
  constructor(
    @Inject(MEILI) private readonly meili: Meilisearch,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key: string) {
    const indicator = this.health.check(key);
    try {
      const { status } = await withTimeout(this.meili.health(), 1_500);
      return status === 'available' ? indicator.up() : indicator.down({ status });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}

/**
 * The worker is alive when its heartbeat key is fresh — a Redis ping alone would not notice a
 * crashed or wedged worker.
 */
@Injectable()
export class WorkerHealthIndicator {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(ConfigService) private readonly config: AppConfig,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key: string) {
    const indicator = this.health.check(key);
    try {
      const prefix = this.config.get('QUEUE_PREFIX', { infer: true });
      const beat = await withTimeout(this.redis.get(workerHeartbeatKey(prefix)), 1_500);
      if (!beat) return indicator.down({ message: 'no heartbeat from the worker' });
      const ageMs = Date.now() - Number(beat);
      return ageMs <= WORKER_HEARTBEAT_STALE_MS
        ? indicator.up({ lastBeatMsAgo: ageMs })
        : indicator.down({ lastBeatMsAgo: ageMs });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}

/** Beyond this the index visibly lags the database (SPEC §4: the outbox catches up within seconds). */
export const SEARCH_INDEX_MAX_LAG_SECONDS = 120;

/**
 * The search index lag: pending outbox rows and the age of the oldest. Down when the relay has fallen
 * more than two minutes behind (Meilisearch down, worker stopped), so the index is visibly stale.
 */
@Injectable()
export class SearchIndexHealthIndicator {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key: string) {
    const indicator = this.health.check(key);
    try {
      const backlog = await withTimeout(this.outbox.backlog(this.dataSource.manager), 1_500);
      const details = { pending: backlog.pending, lagSeconds: Math.round(backlog.oldestPendingAgeSeconds) };
      return backlog.oldestPendingAgeSeconds <= SEARCH_INDEX_MAX_LAG_SECONDS
        ? indicator.up(details)
        : indicator.down({ ...details, message: `index lags ${details.lagSeconds}s behind the database` });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
