import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { DomainError } from '@pilotlink/core';
import { Public } from '@pilotlink/core';
import {
  MeiliHealthIndicator,
  RedisHealthIndicator,
  SearchIndexHealthIndicator,
  WorkerHealthIndicator,
} from './health.indicators';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly meili: MeiliHealthIndicator,
    private readonly worker: WorkerHealthIndicator,
    private readonly searchIndex: SearchIndexHealthIndicator,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({
    summary: 'PostgreSQL, Redis, Meilisearch, the worker and the search index lag; 503 when any is down',
  })
  async check() {
    try {
      return await this.health.check(this.indicators());
    } catch (error) {
      // Keep the per-service details in the error envelope, so a 503 says *what* is down.
      const report = (error as { getResponse?: () => unknown }).getResponse?.() as HealthCheckResult | undefined;
      if (!report?.details) throw error;
      const down = Object.entries(report.details)
        .filter(([, v]) => v.status !== 'up')
        .map(([k]) => k);
      throw new DomainError('SERVICE_UNAVAILABLE', `Unhealthy: ${down.join(', ')}`, report.details);
    }
  }

  private indicators() {
    return [
      () => this.db.pingCheck('postgres', { timeout: 1_500 }),
      () => this.redis.check('redis'),
      () => this.meili.check('meilisearch'),
      () => this.worker.check('worker'),
      () => this.searchIndex.check('searchIndex'),
    ];
  }
}
