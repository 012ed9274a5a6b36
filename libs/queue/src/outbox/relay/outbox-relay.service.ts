import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { OUTBOX_RELAY_LOCK_KEY } from '../outbox-relay-lock';
import { OutboxEventLane } from './outbox-event-lane';
import { OutboxListener } from './outbox-listener';
import { pendingRows } from './pending-rows';
import { OutboxRelayHandlers, OutboxSyncHandler } from './outbox-relay-handlers.service';
import {
  AggregateGroup,
  groupByAggregate,
  INSERT_WAKE_GAP_MS,
  nextTickDelay,
  PendingRow,
  RELAY_BATCH_SIZE,
  retryDelayMs,
  TickOutcome,
  wakesOnInsert,
} from './relay-policy';
import { TickSleeper } from './tick-sleeper';

/**
 * Moves outbox rows to their consumers (STYLE #5), as registered in OutboxRelayHandlers: search's sync
 * (Meilisearch) and, for events that notify someone, notification's queue. Each tick is one transaction
 * that takes the relay's advisory lock (one relay at a time across workers, so an entity's changes are
 * applied in order), reads a batch of due rows, syncs the entities they name from current state, and
 * marks the rows processed only after Meilisearch reported success. A failed row gets a capped backoff and its error;
 * nothing is skipped. A worker killed mid-batch never commits, so its rows stay pending and are simply
 * synced again (upserts are idempotent).
 *
 * Notifying events do not wait for search: a lane of their own (OutboxEventLane) queues them as soon as
 * they are inserted, while this batch waits on Meilisearch; a batch queues those the lane has not (it was
 * failing, or behind), before its search sync.
 *
 * Only notifying rows need Redis: during a Redis outage they back off like any failed row (their
 * search sync is simply repeated, harmlessly), while purely searchable changes keep flowing — queueing
 * is bounded in time and skipped while Redis is known down, so no batch waits on it. An outage of
 * PostgreSQL, Meilisearch or Redis is logged once as it starts, and once as it ends with the backlog.
 *
 * The relay sleeps between batches until an insert into the outbox wakes it (LISTEN on a dedicated
 * connection, OutboxListener; the table's trigger notifies at commit), polling only as a safety net — and
 * as before while the listener is disconnected. A worker that finds the lock held is not woken by inserts
 * (the holder relays them) and keeps trying the lock every `locked` tick, so it takes over when the holder dies.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private stopping = false;
  private readonly sleeper = new TickSleeper(INSERT_WAKE_GAP_MS.sync);
  private loop?: Promise<void>;
  private listener?: OutboxListener;
  private events?: OutboxEventLane;
  /** Since when each dependency has been failing (absent: working), to log an outage once and its end. */
  private readonly outages = new Map<string, number>();
  private lastSweep = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly handlers: OutboxRelayHandlers,
  ) {}

  onApplicationBootstrap(): void {
    this.events = new OutboxEventLane(this.dataSource, this.handlers, () => this.listening);
    this.events.start();
    const url = (this.dataSource.options as { url?: string }).url;
    if (url) {
      this.listener = new OutboxListener(url, () => this.onInsert());
      this.listener.start();
    }
    // Not awaited: boot must not wait for (or fail with) Meilisearch.
    this.loop = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.sleeper.stop();
    await this.listener?.stop();
    await this.events?.stop();
    await this.loop; // the batch in flight finishes (or rolls back) before the database closes
  }

  /** Whether the relay is woken by inserts now (false: it polls). */
  get listening(): boolean {
    return this.listener?.listening ?? false;
  }

  private onInsert(): void {
    this.sleeper.onInsert();
    this.events?.onInsert();
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      this.sleeper.tickStarting();
      const outcome = await this.tick();
      await this.sleeper.sleep(nextTickDelay(outcome, this.listening), wakesOnInsert(outcome));
    }
  }

  /** One batch. Never throws: a database or Meilisearch outage must not stop the worker. */
  async tick(): Promise<TickOutcome> {
    try {
      // While a dependency is unreachable the batch still runs, so its rows record the failure and back
      // off; any other error here (search settings refused) is a bug and stops the batch.
      for (const handler of this.handlers.syncHandlers()) await handler.prepare();
      const outcome = await this.relayBatch();
      await this.restored(DATABASE);
      return outcome;
    } catch (error) {
      const handler = this.handlers.syncHandlers().find((h) => h.isUnavailable(error));
      if (handler) {
        handler.markUnavailable();
        this.outage(handler.dependency, error);
      } else this.outage(DATABASE, error);
      return 'failed';
    }
  }

  private relayBatch(): Promise<TickOutcome> {
    return this.dataSource.transaction('READ COMMITTED', async (manager) => {
      const [{ locked }] = await manager.query<{ locked: boolean }[]>(
        'SELECT pg_try_advisory_xact_lock($1) AS locked',
        [OUTBOX_RELAY_LOCK_KEY],
      );
      if (!locked) return 'locked';
      await this.sweep(manager);
      const rows = await this.dueRows(manager);
      if (rows.length === 0) return 'idle';

      const started = Date.now();
      const groups = groupByAggregate(rows);
      const failures = await this.publish(manager, groups);
      // Events the event lane has not queued go after the batch's search sync: a dispatch reads the indexes
      // (a published demand's matches), so it must see every change committed before its event. The lane
      // queues earlier only what cannot overtake such a change (eventsAheadOfSync).
      await this.dispatch(
        manager,
        rows.filter((row) => !row.queued && !failures.has(row.id)),
        failures,
      );
      await this.markProcessed(
        manager,
        rows.filter((row) => !failures.has(row.id)),
      );
      await this.markFailed(
        manager,
        rows.filter((row) => failures.has(row.id)),
        failures,
      );
      const summary = { rows: rows.length, entities: groups.length, failed: failures.size, ms: Date.now() - started };
      if (failures.size === rows.length) return 'failed';
      // Steady trickles stay at debug; catch-up batches are worth an operator's eye. Failed rows during an
      // outage were logged once, as the outage (see outage()).
      if (failures.size > 0) this.logger.debug(summary, 'relayed outbox batch; some rows failed and will be retried');
      else if (rows.length >= 100) this.logger.log(summary, 'relayed outbox batch');
      else this.logger.debug(summary, 'relayed outbox batch');
      return rows.length === RELAY_BATCH_SIZE ? 'full' : 'worked';
    });
  }

  private dueRows(manager: EntityManager): Promise<PendingRow[]> {
    return pendingRows(manager, `processed_at IS NULL AND next_attempt_at <= now()`, []);
  }

  /** Syncs every entity of the batch; returns the error of each row that could not be published. */
  private async publish(manager: EntityManager, groups: AggregateGroup[]): Promise<Map<string, string>> {
    const failures = new Map<string, string>();
    const fail = (group: AggregateGroup, message: string) => group.rowIds.forEach((id) => failures.set(id, message));
    for (const group of groups.filter((g) => !this.handlers.relayed(g.type)))
      fail(group, `no consumer for ${group.type}`);
    for (const handler of this.handlers.syncHandlers()) {
      const known = groups.filter((g) => this.handlers.relayed(g.type) && !failures.has(g.rowIds[0]));
      if (known.length === 0) return failures;
      await this.apply(manager, handler, known, fail);
    }
    return failures;
  }

  /** One sync handler over the batch's entities; those it could not apply are failed. */
  private async apply(
    manager: EntityManager,
    handler: OutboxSyncHandler,
    known: AggregateGroup[],
    fail: (group: AggregateGroup, message: string) => void,
  ): Promise<void> {
    try {
      await handler.apply(manager, known);
      await this.restored(handler.dependency, manager);
      return;
    } catch (error) {
      if (handler.isUnavailable(error) || known.length === 1) {
        if (handler.isUnavailable(error)) {
          handler.markUnavailable();
          this.outage(handler.dependency, error);
        }
        known.forEach((group) => fail(group, errorMessage(error)));
        return;
      }
    }
    // The dependency answered but refused something: one bad entity must not hold back the others.
    for (const group of known) {
      try {
        await handler.apply(manager, [group]);
      } catch (error) {
        fail(group, errorMessage(error));
      }
    }
  }

  /**
   * Publishes the events of the batch's rows; a failure of an event handler (notification's is bounded
   * in time) fails just its rows, each recording the error and backing off on its own. A row whose sync
   * fails after its event was queued is retried whole: queued again under the same job id, it adds nothing.
   */
  private async dispatch(manager: EntityManager, rows: PendingRow[], failures: Map<string, string>): Promise<void> {
    for (const [handler, notifying] of this.handlers.byEventHandler(rows)) {
      try {
        await handler.publish(notifying);
        await this.restored(handler.dependency, manager);
      } catch (error) {
        const message = errorMessage(error);
        notifying.forEach((row) => failures.set(row.id, message));
        this.outage(handler.dependency, error);
      }
    }
  }

  /** Done with sync; a row with an event is now queued (its dispatch, recorded by the worker, is still due). */
  private async markProcessed(manager: EntityManager, rows: PendingRow[]): Promise<void> {
    if (rows.length === 0) return;
    await manager.query(
      `UPDATE outbox SET processed_at = now(), attempts = attempts + 1, last_error = NULL,
              queued_at = CASE WHEN id = ANY($2::bigint[]) THEN coalesce(queued_at, now()) ELSE queued_at END
        WHERE id = ANY($1::bigint[])`,
      [rows.map((row) => row.id), rows.filter((row) => this.handlers.eventHandlerOf(row)).map((row) => row.id)],
    );
  }

  /**
   * The sweeper: notifying events queued REQUEUE_AFTER_SECONDS ago whose dispatch never ran (Redis lost
   * the job: restarted empty, flushed) are queued again. A job still waiting under the same id is not
   * added twice, and the inbox's unique key makes a second dispatch add nothing: exactly once.
   */
  private async sweep(manager: EntityManager): Promise<void> {
    if (Date.now() - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = Date.now();
    const rows = await pendingRows(
      manager,
      `queued_at IS NOT NULL AND dispatched_at IS NULL AND queued_at < now() - make_interval(secs => $2)`,
      [REQUEUE_AFTER_SECONDS],
    );
    const requeued: PendingRow[] = [];
    for (const [handler, events] of this.handlers.byEventHandler(rows)) {
      try {
        await handler.publish(events);
        requeued.push(...events);
      } catch (error) {
        this.outage(handler.dependency, error);
      }
    }
    if (requeued.length === 0) return;
    await manager.query(`UPDATE outbox SET queued_at = now() WHERE id = ANY($1::bigint[])`, [
      requeued.map((r) => r.id),
    ]);
    this.logger.warn(
      { events: requeued.length },
      `queued ${requeued.length} notifying events again: their dispatch never ran`,
    );
  }

  private async markFailed(manager: EntityManager, rows: PendingRow[], errors: Map<string, string>): Promise<void> {
    if (rows.length === 0) return;
    await manager.query(
      `UPDATE outbox o
          SET attempts = o.attempts + 1,
              next_attempt_at = now() + d.delay_ms * interval '1 millisecond',
              last_error = d.error
         FROM unnest($1::bigint[], $2::int[], $3::text[]) AS d(id, delay_ms, error)
        WHERE o.id = d.id`,
      [rows.map((r) => r.id), rows.map((r) => retryDelayMs(r.attempts + 1)), rows.map((r) => errors.get(r.id) ?? '')],
    );
  }

  /** Logs the start of an outage once, not once per tick. */
  private outage(dependency: string, error: unknown): void {
    if (this.outages.has(dependency)) {
      this.logger.debug({ err: error }, `${dependency} still unavailable`);
      return;
    }
    this.outages.set(dependency, Date.now());
    this.logger.warn({ err: error }, `${dependency} unavailable: outbox rows wait and are retried`);
  }

  /** Logs the end of an outage, with how long it lasted and the outbox backlog left to catch up on. */
  private async restored(dependency: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const since = this.outages.get(dependency);
    if (since === undefined) return;
    this.outages.delete(dependency);
    const [{ backlog }] = await manager.query<{ backlog: number }[]>(
      `SELECT count(*)::int AS backlog FROM outbox WHERE processed_at IS NULL`,
    );
    const seconds = Math.round((Date.now() - since) / 1000);
    this.logger.log(
      { backlog, outageSeconds: seconds },
      `${dependency} available again after ${seconds} s; ${backlog} outbox rows pending`,
    );
  }
}

/** How often the sweeper looks for notifying events queued but never dispatched, and how old they must be. */
const SWEEP_EVERY_MS = 5_000;
export const REQUEUE_AFTER_SECONDS = 15;

/** The relay's own dependency; its handlers name theirs. */
const DATABASE = 'PostgreSQL';

function errorMessage(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 2_000);
}
