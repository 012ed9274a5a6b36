import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EnqueuedTaskPromise, Meilisearch } from 'meilisearch';
import { DataSource, EntityManager } from 'typeorm';
import { SearchIndexes, SearchIndexKind } from '../indexes/search-indexes';
import { allSucceeded } from '../meili/meili-tasks';
import { MEILI } from '../meili/meili.provider';
import { IndexChanges, SearchSource } from './search-source';

export interface SyncTargets {
  platformIds?: readonly string[];
  serviceIds?: readonly string[];
  /** Open demands are indexed (summary fields only unless PUBLIC); others are removed. */
  demandIds?: readonly string[];
  /** Live PUBLIC/SUMMARY research results are indexed (summary fields only unless PUBLIC); others are removed. */
  resultIds?: readonly string[];
  /** Published policy notices are indexed; others are removed. */
  policyIds?: readonly string[];
}

export interface SyncResult {
  platforms: { upserted: number; deleted: number };
  services: { upserted: number; deleted: number };
  demands: { upserted: number; deleted: number };
  results: { upserted: number; deleted: number };
  policies: { upserted: number; deleted: number };
}

/**
 * Brings the indexes in line with PostgreSQL for the given ids: re-reads current rows, upserts what is
 * searchable and deletes the rest. Idempotent, so a retried or duplicated sync is harmless. Resolves
 * only once Meilisearch has applied every change (a failed task throws).
 */
@Injectable()
export class SearchSyncService {
  constructor(
    @Inject(MEILI) private readonly meili: Meilisearch,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly indexes: SearchIndexes,
    private readonly source: SearchSource,
  ) {}

  syncPlatforms(ids: readonly string[], manager?: EntityManager): Promise<SyncResult> {
    return this.sync({ platformIds: ids }, manager);
  }

  syncServices(ids: readonly string[], manager?: EntityManager): Promise<SyncResult> {
    return this.sync({ serviceIds: ids }, manager);
  }

  syncDemands(ids: readonly string[], manager?: EntityManager): Promise<SyncResult> {
    return this.sync({ demandIds: ids }, manager);
  }

  /** Syncing a platform also syncs all its services: listing or suspending it shows or hides them. */
  async sync(targets: SyncTargets, manager: EntityManager = this.dataSource.manager): Promise<SyncResult> {
    const platformIds = unique(targets.platformIds ?? []);
    const serviceIds = unique([
      ...(targets.serviceIds ?? []),
      ...(await this.source.serviceIdsOfPlatforms(manager, platformIds)),
    ]);
    // Sequential: inside the relay's transaction all queries share one connection.
    const platforms = await this.source.platformChanges(manager, platformIds);
    const services = await this.source.serviceChanges(manager, serviceIds);
    const demands = await this.source.demandChanges(manager, unique(targets.demandIds ?? []));
    const results = await this.source.resultChanges(manager, unique(targets.resultIds ?? []));
    const policies = await this.source.policyChanges(manager, unique(targets.policyIds ?? []));
    await allSucceeded(this.meili, [
      ...this.writes('platforms', platforms),
      ...this.writes('services', services),
      ...this.writes('demands', demands),
      ...this.writes('results', results),
      ...this.writes('policies', policies),
    ]);
    return {
      platforms: { upserted: platforms.upserts.length, deleted: platforms.deletes.length },
      services: { upserted: services.upserts.length, deleted: services.deletes.length },
      demands: { upserted: demands.upserts.length, deleted: demands.deletes.length },
      results: { upserted: results.upserts.length, deleted: results.deletes.length },
      policies: { upserted: policies.upserts.length, deleted: policies.deletes.length },
    };
  }

  private writes(kind: SearchIndexKind, changes: IndexChanges<object>): { task: EnqueuedTaskPromise; what: string }[] {
    const index = this.meili.index(this.indexes.uid(kind));
    const writes: { task: EnqueuedTaskPromise; what: string }[] = [];
    if (changes.upserts.length) {
      // addDocuments replaces whole documents: a field that became null must not survive from before.
      writes.push({ task: index.addDocuments(changes.upserts, { primaryKey: 'id' }), what: `upsert ${kind}` });
    }
    if (changes.deletes.length) {
      writes.push({ task: index.deleteDocuments(changes.deletes), what: `delete ${kind}` });
    }
    return writes;
  }
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
