import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EnqueuedTaskPromise, Meilisearch } from 'meilisearch';
import { DataSource, EntityManager } from 'typeorm';
import { SearchIndexes, SearchIndexKind } from '../indexes/search-indexes.service';
import { allSucceeded } from '../meili/meili-tasks';
import { MEILI } from '../meili/meili.provider';
import { IndexChanges } from './search-document-source';
import { SearchSources } from './search-sources.service';

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
    private readonly sources: SearchSources,
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

  /**
   * Ids a source names as dependents are synced too: syncing a platform also syncs all its services
   * (listing or suspending it shows or hides them).
   */
  async sync(targets: SyncTargets, manager: EntityManager = this.dataSource.manager): Promise<SyncResult> {
    const ids = new Map(SYNC_ORDER.map(([kind, key]) => [kind, unique(targets[key] ?? [])]));
    // Sequential: inside the relay's transaction all queries share one connection.
    for (const [kind] of SYNC_ORDER) {
      const source = ids.get(kind)!.length ? this.sources.of(kind) : undefined;
      if (!source?.dependents) continue;
      const dependents = await source.dependents(manager, ids.get(kind)!);
      for (const [other, more] of Object.entries(dependents) as [SearchIndexKind, string[]][]) {
        ids.set(other, unique([...ids.get(other)!, ...more]));
      }
    }
    const changes = new Map<SearchIndexKind, IndexChanges<object>>();
    for (const [kind] of SYNC_ORDER) {
      const of = ids.get(kind)!;
      changes.set(kind, of.length ? await this.sources.of(kind).changes(manager, of) : { upserts: [], deletes: [] });
    }
    await allSucceeded(
      this.meili,
      SYNC_ORDER.flatMap(([kind]) => this.writes(kind, changes.get(kind)!)),
    );
    const counts = (kind: SearchIndexKind) => ({
      upserted: changes.get(kind)!.upserts.length,
      deleted: changes.get(kind)!.deletes.length,
    });
    return {
      platforms: counts('platforms'),
      services: counts('services'),
      demands: counts('demands'),
      results: counts('results'),
      policies: counts('policies'),
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

/** The indexes a sync reads and writes, in order, with the targets naming their ids. */
const SYNC_ORDER: [SearchIndexKind, keyof SyncTargets][] = [
  ['platforms', 'platformIds'],
  ['services', 'serviceIds'],
  ['demands', 'demandIds'],
  ['results', 'resultIds'],
  ['policies', 'policyIds'],
];

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
