import { Injectable } from '@nestjs/common';
import { OutboxService } from '@pilotlink/queue';
import { EntityManager } from 'typeorm';

/** A platform's rating as its reviews give it: the average score (2 decimals, null without reviews) and the count. */
export interface PlatformRatingFigures {
  avgScore: string | null;
  count: number;
}

/**
 * The catalogue context's command port for a platform's rating, which booking derives from its order
 * reviews: in the caller's transaction, under a lock on the platform row (so two reviews committing
 * together cannot leave a stale average), and queued for the search index.
 */
@Injectable()
export class PlatformRating {
  constructor(private readonly outbox: OutboxService) {}

  /** Locks the platform, asks `figures` for the rating (read under the lock), stores it and queues it. */
  async refresh(
    manager: EntityManager,
    platformId: string,
    figures: () => Promise<PlatformRatingFigures>,
  ): Promise<void> {
    await manager.query(`SELECT 1 FROM platforms WHERE id = $1 FOR UPDATE`, [platformId]);
    const { avgScore, count } = await figures();
    await manager.query(`UPDATE platforms SET rating_avg = $2, review_count = $3, updated_at = now() WHERE id = $1`, [
      platformId,
      avgScore,
      count,
    ]);
    await this.outbox.add(manager, { aggregateType: 'platform', aggregateId: platformId, eventType: 'platform.rated' });
  }
}
