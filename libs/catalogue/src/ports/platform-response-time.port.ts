import { Injectable } from '@nestjs/common';
import { OutboxService } from '@pilotlink/queue';
import { EntityManager } from 'typeorm';

/** A platform's response time as the quotes context derives it (SPEC §4). */
export interface ResponseTimeStats {
  /** Median minutes from seeing a demand to the first quote on it; null before the first quote. */
  medianMinutes: number | null;
  /** Demands the platform quoted on. */
  quotedDemandCount: number;
}

/**
 * Stores the response time the quotes context derived for a platform, where search ranks ties by it: the
 * platform row and its index entry. The caller holds the platform's row lock (PlatformDirectory.lock) from
 * before it derived the figures, so two first quotes committing together cannot leave a stale median.
 */
@Injectable()
export class PlatformResponseTime {
  constructor(private readonly outbox: OutboxService) {}

  /** In the caller's transaction; updated_at moves too, so the reconcile job sees an index entry that missed it. */
  async record(manager: EntityManager, platformId: string, stats: ResponseTimeStats): Promise<void> {
    await manager.query(
      `UPDATE platforms SET median_first_quote_minutes = $2, quoted_demand_count = $3, updated_at = now() WHERE id = $1`,
      [platformId, stats.medianMinutes, stats.quotedDemandCount],
    );
    await this.outbox.add(manager, {
      aggregateType: 'platform',
      aggregateId: platformId,
      eventType: 'platform.response-time',
    });
  }
}
