import type { OutboxAggregate } from '../outbox-aggregate';

/** Rows read per batch; a batch is one transaction and one round of Meilisearch tasks. */
export const RELAY_BATCH_SIZE = 500;

/** A pending outbox row as the relay reads it. */
export interface PendingRow {
  id: string;
  aggregateType: OutboxAggregate | string;
  aggregateId: string;
  eventType: string;
  payload: Record<string, unknown>;
  attempts: number;
}

/** What one tick of the relay found, which decides how soon the next one runs. */
export type TickOutcome = 'full' | 'worked' | 'idle' | 'locked' | 'failed';

const NEXT_TICK_MS: Record<TickOutcome, number> = {
  full: 0, // more rows are waiting: catch up without pause
  worked: 100,
  idle: 250, // the freshness target is ~1 s: idle polling must stay well under it
  locked: 500, // another worker is relaying
  failed: 1_000,
};

export function nextTickDelay(outcome: TickOutcome): number {
  return NEXT_TICK_MS[outcome];
}

/**
 * Delay before a failed row is tried again: 250 ms doubling per attempt, capped at 5 s so that once
 * Meilisearch is back every pending row is retried within seconds.
 */
export function retryDelayMs(attempts: number): number {
  return Math.min(5_000, 250 * 2 ** Math.max(0, attempts - 1));
}

export interface AggregateGroup {
  type: string;
  id: string;
  rowIds: string[];
}

/** Many rows for one entity need one sync: consumers re-read current state, not the event. */
export function groupByAggregate(rows: readonly PendingRow[]): AggregateGroup[] {
  const groups = new Map<string, AggregateGroup>();
  for (const row of rows) {
    const key = `${row.aggregateType}:${row.aggregateId}`;
    const group = groups.get(key) ?? { type: row.aggregateType, id: row.aggregateId, rowIds: [] };
    group.rowIds.push(row.id);
    groups.set(key, group);
  }
  return [...groups.values()];
}
