import type { EntityManager } from 'typeorm';
import { PendingRow, RELAY_BATCH_SIZE } from './relay-policy';

/**
 * Up to a batch of outbox rows matching `where` (its parameters from $2), oldest first; with `skipLocked`,
 * locked for this transaction and skipping rows another one has locked (so the caller never waits on them).
 */
export async function pendingRows(
  manager: EntityManager,
  where: string,
  params: unknown[],
  { skipLocked = false } = {},
): Promise<PendingRow[]> {
  const rows = await manager.query<
    {
      id: string;
      aggregate_type: string;
      aggregate_id: string;
      event_type: string;
      payload: Record<string, unknown>;
      attempts: number;
      queued: boolean;
    }[]
  >(
    `SELECT id, aggregate_type, aggregate_id, event_type, payload, attempts, queued_at IS NOT NULL AS queued
       FROM outbox WHERE ${where} ORDER BY id LIMIT $1${skipLocked ? ' FOR UPDATE SKIP LOCKED' : ''}`,
    [RELAY_BATCH_SIZE, ...params],
  );
  return rows.map((r) => ({
    id: r.id,
    aggregateType: r.aggregate_type,
    aggregateId: r.aggregate_id,
    eventType: r.event_type,
    payload: r.payload,
    attempts: r.attempts,
    queued: r.queued,
  }));
}
