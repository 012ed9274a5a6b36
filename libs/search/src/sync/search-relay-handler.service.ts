import { Injectable, OnModuleInit } from '@nestjs/common';
import { AggregateGroup, OutboxAggregate, OutboxRelayHandlers, OutboxSyncHandler } from '@pilotlink/queue';
import type { EntityManager } from 'typeorm';
import { IndexSetupService } from '../indexes/index-setup.service';
import { isMeiliUnavailable } from '../meili/meili-errors';
import { SearchSyncService } from './search-sync.service';

/** The aggregates search indexes (the others only notify). */
const INDEXED: OutboxAggregate[] = ['platform', 'service', 'demand', 'result', 'policy_notice'];

/** The search sync targets of some groups (quotes and orders are not searchable: they only notify). */
export function syncTargets(groups: readonly AggregateGroup[]): {
  platformIds: string[];
  serviceIds: string[];
  demandIds: string[];
  resultIds: string[];
  policyIds: string[];
} {
  const idsOf = (type: string) => groups.filter((g) => g.type === type).map((g) => g.id);
  return {
    platformIds: idsOf('platform'),
    serviceIds: idsOf('service'),
    demandIds: idsOf('demand'),
    resultIds: idsOf('result'),
    policyIds: idsOf('policy_notice'),
  };
}

/**
 * Search's handler of the outbox relay: re-reads the entities of a batch and brings the indexes in line,
 * inside the relay's transaction.
 */
@Injectable()
export class SearchRelayHandler implements OutboxSyncHandler, OnModuleInit {
  readonly aggregateTypes = INDEXED;
  readonly dependency = 'Meilisearch';
  /** Index settings are (re)applied before the first batch and after every outage. */
  private indexesReady = false;

  constructor(
    private readonly relay: OutboxRelayHandlers,
    private readonly sync: SearchSyncService,
    private readonly setup: IndexSetupService,
  ) {}

  onModuleInit(): void {
    this.relay.registerSync(this);
  }

  /**
   * While Meilisearch is unreachable the batch still runs, so its rows record the failure and back off;
   * any other error here (settings refused) is a bug and stops the batch, so documents never land in an
   * index without its settings.
   */
  async prepare(): Promise<void> {
    if (this.indexesReady) return;
    try {
      await this.setup.ensureIndexes();
      this.indexesReady = true;
    } catch (error) {
      if (!isMeiliUnavailable(error)) throw error;
    }
  }

  isUnavailable(error: unknown): boolean {
    return isMeiliUnavailable(error);
  }

  markUnavailable(): void {
    this.indexesReady = false;
  }

  async apply(manager: EntityManager, groups: readonly AggregateGroup[]): Promise<void> {
    await this.sync.sync(syncTargets(groups), manager);
  }
}
