import { Injectable } from '@nestjs/common';
import { joinSql, Sql, sql } from '@pilotlink/database';
import { EntityManager } from 'typeorm';
import type { OutboxAggregate } from './outbox-aggregate';
import { OutboxEvent } from './outbox.entity';

export interface OutboxEntry {
  aggregateType: OutboxAggregate;
  aggregateId: string;
  /** What happened, e.g. `service.published`; consumers decide from current state, not from this. */
  eventType: string;
  payload?: Record<string, unknown>;
}

/** How far the relay is behind: the index lag of SPEC §4. */
export interface OutboxBacklog {
  pending: number;
  /** Age of the oldest unpublished row; 0 when nothing is pending. */
  oldestPendingAgeSeconds: number;
}

/** Writes outbox rows through the caller's transaction: the change and its event commit together. */
@Injectable()
export class OutboxService {
  async add(manager: EntityManager, ...entries: OutboxEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await manager.insert(
      OutboxEvent,
      entries.map((e) => ({ ...e, payload: (e.payload ?? {}) as never })),
    );
  }

  /**
   * The INSERT of these rows, for a caller that writes its change and its events in one statement (a CTE of
   * its own: `WITH …, outbox AS (${addSql}) …`); `add` without the round trip of its own.
   */
  addSql(...entries: OutboxEntry[]): Sql {
    const rows = entries.map(
      (e) =>
        sql`(${e.aggregateType}, ${e.aggregateId}::uuid, ${e.eventType}, ${JSON.stringify(e.payload ?? {})}::jsonb)`,
    );
    return sql`INSERT INTO outbox (aggregate_type, aggregate_id, event_type, payload) VALUES ${joinSql(rows, ', ')}`;
  }

  /** Reads the partial index of pending rows only, so it stays cheap for health checks and scrapes. */
  async backlog(manager: EntityManager): Promise<OutboxBacklog> {
    const [row] = await manager.query<{ pending: string; age: string | null }[]>(
      `SELECT count(*) AS pending, extract(epoch FROM now() - min(created_at)) AS age
         FROM outbox WHERE processed_at IS NULL`,
    );
    return { pending: Number(row.pending), oldestPendingAgeSeconds: Math.max(0, Number(row.age ?? 0)) };
  }

  /** The worker ran this event's dispatch: the sweeper no longer re-queues it. */
  async markDispatched(manager: EntityManager, outboxId: string): Promise<void> {
    await manager.query(`UPDATE outbox SET dispatched_at = now() WHERE id = $1 AND dispatched_at IS NULL`, [outboxId]);
  }

  /**
   * A fresh row for every entity of these types whose row was processed since `since` (the reindex
   * applies to its new index what the relay sent to the old one meanwhile); returns how many.
   */
  async requeueProcessedSince(
    manager: EntityManager,
    since: Date,
    aggregateTypes: readonly OutboxAggregate[],
    eventType: string,
  ): Promise<number> {
    const rows = await manager.query<unknown[]>(
      `INSERT INTO outbox (aggregate_type, aggregate_id, event_type)
       SELECT DISTINCT aggregate_type, aggregate_id, $3::text FROM outbox
        WHERE processed_at >= $1 AND aggregate_type = ANY($2::text[])
       RETURNING id`,
      [since, aggregateTypes, eventType],
    );
    return rows.length;
  }
}
