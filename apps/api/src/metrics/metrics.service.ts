import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OutboxBacklog, OutboxService } from '@pilotlink/queue';
import { Gauge, Registry } from 'prom-client';
import { DataSource } from 'typeorm';

/**
 * Prometheus metrics, read at scrape time. A registry per app instance (not prom-client's global one),
 * so several apps in one process — as in the e2e tests — do not collide on metric names. Process
 * metrics (collectDefaultMetrics) are left out for the same reason: they install process-wide monitors.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  /** One query per scrape feeds both outbox gauges. */
  private backlog?: Promise<OutboxBacklog>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {
    const read = () => (this.backlog ??= this.outbox.backlog(this.dataSource.manager));
    new Gauge({
      name: 'pilotlink_outbox_pending',
      help: 'Outbox rows not yet published to the search index',
      registers: [this.registry],
      async collect() {
        this.set((await read()).pending);
      },
    });
    new Gauge({
      name: 'pilotlink_outbox_oldest_pending_age_seconds',
      help: 'Age of the oldest unpublished outbox row: the search index lag',
      registers: [this.registry],
      async collect() {
        this.set((await read()).oldestPendingAgeSeconds);
      },
    });
  }

  async metrics(): Promise<string> {
    try {
      return await this.registry.metrics();
    } finally {
      this.backlog = undefined;
    }
  }
}
