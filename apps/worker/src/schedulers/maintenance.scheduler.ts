import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { MaintenanceJobName, QUEUES } from '@pilotlink/queue';
import { Queue } from 'bullmq';

/** Jobs that run only when asked (an admin's full reindex). */
type OnDemandJob = 'reindex-search';

/**
 * Repeating jobs, registered idempotently (a job scheduler per name) each time a worker boots: BullMQ keeps
 * one scheduler per name in Redis and queues one job per tick, which one worker runs, however many boot.
 */
export const MAINTENANCE_SCHEDULES: Record<Exclude<MaintenanceJobName, OnDemandJob>, { every: number }> = {
  'prune-refresh-tokens': { every: 60 * 60 * 1000 },
  'prune-idempotency-keys': { every: 60 * 60 * 1000 },
  // The outbox keeps the indexes fresh; this only catches drift (a lost index, an expired certificate).
  'reconcile-search-index': { every: 10 * 60 * 1000 },
  // Dates are calendar days; a quarter-hourly pass makes expiry visible soon after midnight.
  'expire-demands-and-quotes': { every: 15 * 60 * 1000 },
  'expire-vouchers': { every: 15 * 60 * 1000 },
  'lapse-recognitions': { every: 15 * 60 * 1000 },
  // Plans the last complete week's and day's research digests; hourly so a worker down at midnight catches up.
  // Re-planning a sent period adds nothing (deterministic job ids, then the inbox's unique key).
  'research-digest': { every: 60 * 60 * 1000 },
};

@Injectable()
export class MaintenanceScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(MaintenanceScheduler.name);

  constructor(@InjectQueue(QUEUES.MAINTENANCE) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const [name, repeat] of Object.entries(MAINTENANCE_SCHEDULES)) {
      await this.queue.upsertJobScheduler(name, repeat, { name, data: {} });
      this.logger.log(`scheduled ${name} every ${repeat.every / 1000}s`);
    }
  }
}
