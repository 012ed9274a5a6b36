import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AggregateGroup, PendingRow } from './relay-policy';

/**
 * A consumer that applies outbox rows inside the relay's batch transaction, from current state (search
 * re-reads the entities and updates its indexes). A row is marked processed only once every sync
 * handler has applied it; its events are published after that.
 */
export interface OutboxSyncHandler {
  /** Aggregate types it consumes: a row of a type no handler consumes stays pending with an error. */
  readonly aggregateTypes: readonly string[];
  /** What it talks to, as the relay's outage logs name it (e.g. `Meilisearch`). */
  readonly dependency: string;
  /** Before every batch. Throws only for a bug: an unreachable dependency just fails the batch's rows. */
  prepare(): Promise<void>;
  /** Whether an error means its dependency is unreachable (an outage: every row waits) rather than a refusal. */
  isUnavailable(error: unknown): boolean;
  /** Its dependency was found unreachable: `prepare` should set it up again once it is back. */
  markUnavailable(): void;
  /**
   * Applies the batch's entities (all groups of every consumed type; it skips those it does not index).
   * Idempotent; throws when anything failed, and the relay then retries entity by entity.
   */
  apply(manager: EntityManager, groups: readonly AggregateGroup[]): Promise<void>;
}

/**
 * A consumer that is handed the events of rows once they are applied (notification queues them). Its
 * rows are durable: each is marked queued and queued again until the consumer reports it dispatched
 * (`OutboxService.markDispatched`).
 */
export interface OutboxEventHandler {
  /** Aggregate types it consumes (see OutboxSyncHandler.aggregateTypes). */
  readonly aggregateTypes: readonly string[];
  /** What it talks to, as the relay's outage logs name it. */
  readonly dependency: string;
  /** Whether this row's event is one it publishes. */
  handles(row: PendingRow): boolean;
  /** Publishes these events (all handled by it); throws when they could not be, bounded in time. */
  publish(rows: readonly PendingRow[]): Promise<void>;
}

/**
 * The outbox relay's routing table: consumers register their handlers when their module starts, so
 * the queue library knows none of them and the worker only starts the relay.
 */
@Injectable()
export class OutboxRelayHandlers {
  private readonly syncs: OutboxSyncHandler[] = [];
  private readonly events: OutboxEventHandler[] = [];

  registerSync(handler: OutboxSyncHandler): void {
    this.syncs.push(handler);
  }

  registerEvents(handler: OutboxEventHandler): void {
    this.events.push(handler);
  }

  syncHandlers(): readonly OutboxSyncHandler[] {
    return this.syncs;
  }

  eventHandlers(): readonly OutboxEventHandler[] {
    return this.events;
  }

  /** Aggregate types some handler consumes. */
  relayed(type: string): boolean {
    return [...this.syncs, ...this.events].some((handler) => handler.aggregateTypes.includes(type));
  }

  /** The event handler that publishes this row, if any. */
  eventHandlerOf(row: PendingRow): OutboxEventHandler | undefined {
    return this.events.find((handler) => handler.handles(row));
  }

  /** The rows that have an event to publish, by the handler that publishes it. */
  byEventHandler(rows: readonly PendingRow[]): Map<OutboxEventHandler, PendingRow[]> {
    const grouped = new Map<OutboxEventHandler, PendingRow[]>();
    for (const row of rows) {
      const handler = this.eventHandlerOf(row);
      if (handler) grouped.set(handler, [...(grouped.get(handler) ?? []), row]);
    }
    return grouped;
  }
}
