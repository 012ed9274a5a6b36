import type { DataSource, EntityManager } from 'typeorm';
import { OUTBOX_EVENTS_LOCK_KEY } from '../outbox-relay-lock';
import type { OutboxRelayHandlers } from './outbox-relay-handlers.service';
import { pendingRows } from './pending-rows';
import {
  eventsAheadOfSync,
  INSERT_WAKE_GAP_MS,
  nextTickDelay,
  PendingRow,
  RELAY_BATCH_SIZE,
  TickOutcome,
  wakesOnInsert,
} from './relay-policy';
import { TickSleeper } from './tick-sleeper';

/**
 * The outbox relay's fast lane for notifying events: queues the dispatch of rows not yet queued as soon
 * as they are inserted, without waiting for their search sync (the relay's batch, which waits on
 * Meilisearch). It only queues and records `queued_at`; what it could not queue (Redis down) the relay's
 * batch queues with its per-row backoff and outage logs, and the sweeper re-queues what was lost — so this
 * lane may fail quietly. Its own advisory lock keeps it to one worker; job ids make a repeat add nothing.
 */
export class OutboxEventLane {
  private stopping = false;
  private readonly sleeper = new TickSleeper(INSERT_WAKE_GAP_MS.events);
  private loop?: Promise<void>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly handlers: OutboxRelayHandlers,
    private readonly listening: () => boolean,
  ) {}

  start(): void {
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.sleeper.stop();
    await this.loop;
  }

  onInsert(): void {
    this.sleeper.onInsert();
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      this.sleeper.tickStarting();
      const outcome = await this.tick();
      await this.sleeper.sleep(nextTickDelay(outcome, this.listening()), wakesOnInsert(outcome));
    }
  }

  /** One batch of unqueued notifying rows. Never throws: the relay's batch reports outages. */
  async tick(): Promise<TickOutcome> {
    if (this.handlers.eventHandlers().length === 0) return 'idle';
    try {
      return await this.dataSource.transaction('READ COMMITTED', (manager) => this.queueBatch(manager));
    } catch {
      return 'failed';
    }
  }

  private async queueBatch(manager: EntityManager): Promise<TickOutcome> {
    const [{ locked }] = await manager.query<{ locked: boolean }[]>('SELECT pg_try_advisory_xact_lock($1) AS locked', [
      OUTBOX_EVENTS_LOCK_KEY,
    ]);
    if (!locked) return 'locked';
    // Rows the relay's batch or a dispatch is updating are skipped, not waited for: the lane never blocks them
    // (a row the batch holds has been synced already; one a dispatch holds was queued already).
    const pending = await pendingRows(manager, `processed_at IS NULL AND queued_at IS NULL`, [], { skipLocked: true });
    const ahead = eventsAheadOfSync(pending, (row) => this.handlers.eventHandlerOf(row) !== undefined);
    const queued: PendingRow[] = [];
    let failed = false;
    for (const [handler, rows] of this.handlers.byEventHandler(ahead)) {
      try {
        await handler.publish(rows);
        queued.push(...rows);
      } catch {
        failed = true; // the relay's batch queues these with backoff, and logs the outage
      }
    }
    if (queued.length > 0)
      await manager.query(`UPDATE outbox SET queued_at = now() WHERE id = ANY($1::bigint[]) AND queued_at IS NULL`, [
        queued.map((row) => row.id),
      ]);
    if (failed) return 'failed';
    if (pending.length === RELAY_BATCH_SIZE && queued.length === pending.length) return 'full';
    return queued.length > 0 ? 'worked' : 'idle';
  }
}
