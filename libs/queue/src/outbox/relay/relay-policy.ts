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
  /** Its event was queued already (by the event lane), its dispatch pending or done. */
  queued?: boolean;
}

/** What one tick of the relay found, which decides how soon the next one runs. */
export type TickOutcome = 'full' | 'worked' | 'idle' | 'locked' | 'failed';

const NEXT_TICK_MS: Record<TickOutcome, number> = {
  full: 0, // more rows are waiting: catch up without pause
  worked: 100,
  idle: 250, // the freshness target is ~1 s: idle polling must stay well under it
  locked: 500, // another worker is relaying; this one takes over within a tick of its lock being free
  failed: 1_000,
};

/**
 * While the outbox listener is connected an insert wakes the relay at once, so polling is only the
 * safety net: for rows whose retry (next_attempt_at) comes due, and a notification missed.
 */
const SAFETY_NET_MS = 1_000;

/**
 * How long the relay sleeps after a tick. Listening, a worked or idle relay waits for the next insert
 * (or the safety net); without the listener it polls as it did before there was one.
 */
export function nextTickDelay(outcome: TickOutcome, listening = false): number {
  if (listening && (outcome === 'worked' || outcome === 'idle')) return SAFETY_NET_MS;
  return NEXT_TICK_MS[outcome];
}

/**
 * The least time between the starts of two ticks when an insert wakes the loop. Under a stream of writes
 * (a hundred holds a second) every commit notifies; ticking once per insert would turn each write into a
 * relay transaction of its own, which cost more CPU than the write itself. Waiting this long gathers the
 * inserts of the gap into one batch: the search sync has ~1 s of freshness to spend, the event lane (a
 * published demand's notifications, 250 ms p95) much less.
 */
export const INSERT_WAKE_GAP_MS = { sync: 100, events: 20 } as const;

/** How long an insert's wake-up waits, the last tick having started `sinceTickStartMs` ago. */
export function insertWakeDelay(sinceTickStartMs: number, gapMs: number): number {
  return Math.max(0, gapMs - sinceTickStartMs);
}

/**
 * Whether an insert's notification cuts the sleep after this outcome short. Not while another worker
 * holds the lock (it relays the row) nor after a failed tick (the dependency's backoff stands).
 */
export function wakesOnInsert(outcome: TickOutcome): boolean {
  return outcome === 'worked' || outcome === 'idle';
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

/**
 * The rows the event lane may queue ahead of the relay's batch: the notifying rows among the leading run of
 * pending rows (in outbox order) that share the first one's aggregate type. An event is dispatched from
 * current state, and its dispatch reads another type's index — a published demand is matched against the
 * services index, a published service against the demands index — never its own type's. So an event may
 * overtake the unapplied syncs of its own type (a burst of publishes goes at once), but not a change of
 * another type committed before it: a service published just before a demand must be in the demand's
 * matches. Rows from the first other type on wait for the batch, which keeps the outbox's order.
 */
export function eventsAheadOfSync<T extends { aggregateType: string }>(
  pending: readonly T[],
  notifies: (row: T) => boolean,
): T[] {
  if (pending.length === 0) return [];
  const otherType = pending.findIndex((row) => row.aggregateType !== pending[0].aggregateType);
  return (otherType === -1 ? pending : pending.slice(0, otherType)).filter(notifies);
}
