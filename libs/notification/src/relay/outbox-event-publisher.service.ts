import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  DispatchEventJob,
  isNotifyingEvent,
  jobId,
  NotificationJobs,
  OutboxEventHandler,
  OutboxRelayHandlers,
  PendingRow,
  QUEUES,
} from '@pilotlink/queue';
import { Queue } from 'bullmq';

/**
 * How long the relay waits for Redis to take a batch of jobs. BullMQ's commands wait for ever while Redis
 * is down (they queue until it reconnects): unbounded, the relay sat in its transaction, holding its lock,
 * and no search sync ran for the whole outage.
 */
export const QUEUE_PUBLISH_TIMEOUT_MS = 5_000;
/** After a failed publish, the next batches fail their notifying rows at once for this long (no wait). */
export const QUEUE_RETRY_AFTER_MS = 5_000;

/**
 * Notification's handler of the outbox relay: hands notifying outbox rows to the notifications queue. The job id is the outbox row's, so a relay
 * that re-sends a row (it crashed before marking it processed) adds nothing new. Publishing is bounded
 * by QUEUE_PUBLISH_TIMEOUT_MS; once it failed, the queue counts as down for QUEUE_RETRY_AFTER_MS, so
 * the relay's batches (and their search sync) never wait on Redis.
 */
@Injectable()
export class OutboxEventPublisher implements OutboxEventHandler, OnModuleInit {
  /** The aggregates of the notifying events (isNotifyingEvent). */
  readonly aggregateTypes = ['service', 'demand', 'quote', 'order', 'voucher'];
  readonly dependency = 'the notifications queue (Redis)';
  private downUntil = 0;
  private lastError = '';

  constructor(
    @InjectQueue(QUEUES.NOTIFICATIONS) private readonly queue: Queue<DispatchEventJob>,
    private readonly relay: OutboxRelayHandlers,
  ) {}

  onModuleInit(): void {
    this.relay.registerEvents(this);
  }

  handles(row: PendingRow): boolean {
    return isNotifyingEvent(row.eventType);
  }

  async publish(rows: readonly PendingRow[]): Promise<void> {
    const notifying = rows.filter((row) => this.handles(row));
    if (notifying.length === 0) return;
    if (Date.now() < this.downUntil) throw new Error(`notifications queue unavailable: ${this.lastError}`);
    try {
      // A connection that is not up fails at once (ioredis would queue the commands until it reconnects).
      const client = await withTimeout(this.queue.client, QUEUE_PUBLISH_TIMEOUT_MS);
      if (client.status !== 'ready') throw new Error(`Redis connection is ${client.status}`);
      await withTimeout(this.add(notifying), QUEUE_PUBLISH_TIMEOUT_MS);
    } catch (error) {
      this.lastError = error instanceof Error ? error.message : String(error);
      this.downUntil = Date.now() + QUEUE_RETRY_AFTER_MS;
      throw error;
    }
  }

  private async add(notifying: readonly PendingRow[]): Promise<void> {
    const name: keyof NotificationJobs = 'dispatch-event';
    await this.queue.addBulk(
      notifying.map((row) => ({
        name,
        data: {
          outboxId: row.id,
          eventType: row.eventType,
          aggregateType: row.aggregateType,
          aggregateId: row.aggregateId,
          payload: row.payload,
        },
        opts: { jobId: jobId('event', row.id) },
      })),
    );
  }
}

/** `work`, or an error once `ms` have passed (the work itself may still finish later: job ids dedupe it). */
async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
