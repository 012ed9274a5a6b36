import type { EntityManager } from 'typeorm';
import type { SearchIndexKind } from '../indexes/search-indexes.service';

/** What the index should hold for a set of ids: documents to upsert and ids to delete. */
export interface IndexChanges<D> {
  upserts: D[];
  deletes: string[];
}

/**
 * What the context that owns an index's entities provides to search (search reads no other context's
 * tables): it registers one source per index with `SearchSources`. Every method reads through the
 * manager it is given, so inside the relay's transaction all queries share its connection.
 */
export interface SearchDocumentSource<D extends { id: string } = { id: string }> {
  /** The index these documents go to. */
  readonly index: SearchIndexKind;
  /** Documents of the ids that are searchable now; every other id (or one that no longer exists) is to be deleted. */
  changes(manager: EntityManager, ids: readonly string[]): Promise<IndexChanges<D>>;
  /** Keyset pages of every searchable document, for a full reindex. */
  pages(manager: EntityManager, pageSize: number): AsyncGenerator<D[]>;
  /** How many documents `pages` yields (a reindex's progress). */
  count(manager: EntityManager): Promise<number>;
  /**
   * Every searchable id with the version its document carries (`updatedAt`: the newest updated_at of the
   * rows it is built from, in unix ms), for the reconcile job.
   */
  versions(manager: EntityManager): Promise<Map<string, number>>;
  /** Ids of other indexes whose documents a change to these ids shows or hides (a platform's services). */
  dependents?(manager: EntityManager, ids: readonly string[]): Promise<Partial<Record<SearchIndexKind, string[]>>>;
}
