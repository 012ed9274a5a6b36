import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { DispatchEventJob, isNotifyingEvent, jobId, NotificationJobs, QUEUES } from '@pilotlink/queue';
import { Queue } from 'bullmq';
import type { PendingRow } from './relay-policy';

/**
 * Hands notifying outbox rows to the notifications queue. The job id is the outbox row's, so a relay
 * that re-sends a row (it crashed before marking it processed) adds nothing new.
 */
@Injectable()
export class OutboxEventPublisher {
  constructor(@InjectQueue(QUEUES.NOTIFICATIONS) private readonly queue: Queue<DispatchEventJob>) {}

  isNotifying(row: PendingRow): boolean {
    return isNotifyingEvent(row.eventType);
  }

  async publish(rows: readonly PendingRow[]): Promise<void> {
    const notifying = rows.filter((row) => this.isNotifying(row));
    if (notifying.length === 0) return;
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
