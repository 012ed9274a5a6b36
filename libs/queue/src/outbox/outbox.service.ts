import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxAggregate, OutboxEvent } from './outbox.entity';

export interface OutboxEntry {
  aggregateType: OutboxAggregate;
  aggregateId: string;
  /** What happened, e.g. `service.published`; consumers decide from current state, not from this. */
  eventType: string;
  payload?: Record<string, unknown>;
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
}
