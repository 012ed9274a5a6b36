import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppConfig } from '@pilotlink/core';
import { REDIS, WORKER_HEARTBEAT_INTERVAL_MS, WORKER_HEARTBEAT_STALE_MS, workerHeartbeatKey } from '@pilotlink/queue';
import type Redis from 'ioredis';

/** Writes "I am alive" to Redis on an interval; the API's health check reads it. */
@Injectable()
export class HeartbeatService implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(ConfigService) private readonly config: AppConfig,
  ) {}

  private get key(): string {
    return workerHeartbeatKey(this.config.get('QUEUE_PREFIX', { infer: true }));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.beat();
    this.timer = setInterval(() => void this.beat().catch(() => undefined), WORKER_HEARTBEAT_INTERVAL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.redis.del(this.key).catch(() => undefined);
  }

  private async beat(): Promise<void> {
    await this.redis.set(this.key, String(Date.now()), 'PX', WORKER_HEARTBEAT_STALE_MS * 2);
  }
}
