import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppConfig } from '@pilotlink/core';
import { DEFAULT_JOB_OPTIONS, QUEUES } from './queues';
import { RedisModule } from './redis.module';

/** BullMQ wired to REDIS_URL with the configured key prefix (tests use their own). */
@Module({
  imports: [
    RedisModule,
    BullModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: AppConfig) => ({
        connection: { url: config.get('REDIS_URL', { infer: true }) },
        prefix: config.get('QUEUE_PREFIX', { infer: true }),
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
    BullModule.registerQueue({ name: QUEUES.MAINTENANCE }, { name: QUEUES.NOTIFICATIONS }, { name: QUEUES.WEBHOOKS }),
  ],
  exports: [BullModule, RedisModule],
})
export class QueueModule {}
