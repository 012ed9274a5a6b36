import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { MeiliHealthIndicator, RedisHealthIndicator, WorkerHealthIndicator } from './health.indicators';

@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'pretty', logger: false })],
  controllers: [HealthController],
  providers: [RedisHealthIndicator, MeiliHealthIndicator, WorkerHealthIndicator],
})
export class HealthModule {}
