import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppConfig } from '@pilotlink/core';
import Redis from 'ioredis';

export const REDIS = Symbol('REDIS');

/** Closes the shared connection when the app stops, so tests and shutdowns do not hang. */
@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.redis.status === 'end') return; // already closed (e.g. the app was closed twice)
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/** One ioredis connection for plain commands (health, heartbeats); BullMQ keeps its own. */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [ConfigService],
      useFactory: (config: AppConfig) =>
        new Redis(config.get('REDIS_URL', { infer: true }), { maxRetriesPerRequest: 2 }),
    },
    RedisCloser,
  ],
  exports: [REDIS],
})
export class RedisModule {}
