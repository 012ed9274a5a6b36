import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { OutboxModule } from '@pilotlink/queue';
import { HealthController } from './health.controller';
import {
  MeiliHealthIndicator,
  RedisHealthIndicator,
  SearchIndexHealthIndicator,
  WorkerHealthIndicator,
} from './health.indicators';

@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'pretty', logger: false }), OutboxModule],
  controllers: [HealthController],
  providers: [RedisHealthIndicator, MeiliHealthIndicator, WorkerHealthIndicator, SearchIndexHealthIndicator],
})
export class HealthModule {}
