import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OUTBOX_RELAY_LOCK_KEY, OutboxAggregate, OutboxService } from '@pilotlink/queue';
import type { IndexSwap, Meilisearch } from 'meilisearch';
import { DataSource, EntityManager } from 'typeorm';
import { IndexSetupService } from '../indexes/index-setup.service';
import { SEARCH_INDEX_KINDS, SearchIndexes, SearchIndexKind } from '../indexes/search-indexes.service';
import { isIndexNotFound } from '../meili/meili-errors';
import { assertSucceeded, BULK_WAIT, succeeded } from '../meili/meili-tasks';
import { MEILI } from '../meili/meili.provider';
import { ReindexProgressListener, ReindexProgressTracker } from './reindex-progress';
import { SearchSources } from './search-sources.service';

export interface ReindexResult {
  index: string;
  documents: number;
  /** Entities the relay changed while the new index was being filled, queued again for it. */
  requeued: number;
  seconds: number;
}

const PAGE_SIZE = 1_000;
/** The aggregates whose relayed changes since the fill started are applied again to the new index. */
const REQUEUED_AGGREGATES: OutboxAggregate[] = ['platform', 'service', 'demand'];

/**
 * Rebuilds every index from PostgreSQL without a gap in search: fills `<uid>_new` with settings and all
 * documents, then swaps it with the live index and drops the old one (a plain rename when there is no
 * live index yet).
 */
@Injectable()
export class ReindexService {
  private readonly logger = new Logger(ReindexService.name);

  constructor(
    @Inject(MEILI) private readonly meili: Meilisearch,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly indexes: SearchIndexes,
    private readonly setup: IndexSetupService,
    private readonly sources: SearchSources,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Rebuilds every index in turn. `onProgress` hears documents done per index as Meilisearch confirms
   * them (the admin reindex job passes them on to BullMQ's job progress).
   */
  async reindexAll(onProgress?: ReindexProgressListener): Promise<ReindexResult[]> {
    const manager = this.dataSource.manager;
    const entries = [];
    for (const kind of SEARCH_INDEX_KINDS) {
      entries.push({ kind, index: this.indexes.uid(kind), total: await this.sources.of(kind).count(manager) });
    }
    const tracker = new ReindexProgressTracker(entries, onProgress);
    const results: ReindexResult[] = [];
    for (const kind of SEARCH_INDEX_KINDS) results.push(await this.reindex(kind, tracker));
    return results;
  }

  async reindex(kind: SearchIndexKind, tracker?: ReindexProgressTracker): Promise<ReindexResult> {
    const started = Date.now();
    const live = this.indexes.uid(kind);
    const next = `${live}_new`;
    await tracker?.update(kind, { state: 'FILLING', done: 0 });
    await this.dropIfExists(next); // left over by an interrupted run
    await this.setup.ensureIndex(next, kind);

    const [{ now: since }] = await this.dataSource.query<{ now: Date }[]>('SELECT now() AS now');
    const documents = await this.fill(kind, next, (done) => tracker?.update(kind, { done }));
    await tracker?.update(kind, { state: 'SWAPPING', done: documents });
    const { requeued, replaced } = await this.swapIn(live, next, since);
    if (replaced) await this.dropIfExists(next); // after the swap, `next` holds the old documents
    await tracker?.update(kind, { state: 'DONE' });

    const result = { index: live, documents, requeued, seconds: (Date.now() - started) / 1000 };
    this.logger.log(result, 'reindexed');
    return result;
  }

  private async fill(
    kind: SearchIndexKind,
    uid: string,
    onDone: (done: number) => unknown = () => undefined,
  ): Promise<number> {
    const index = this.meili.index(uid);
    const tasks: { taskUid: number; size: number }[] = [];
    // Enqueue every page before waiting: Meilisearch indexes consecutive additions as one batch.
    for await (const docs of this.sources.of(kind).pages(this.dataSource.manager, PAGE_SIZE)) {
      tasks.push({ taskUid: (await index.addDocuments(docs, { primaryKey: 'id' })).taskUid, size: docs.length });
    }
    let done = 0;
    for (const { taskUid, size } of tasks) {
      assertSucceeded(await this.meili.tasks.waitForTask(taskUid, BULK_WAIT), `fill ${uid}`);
      done += size;
      await onDone(done);
    }
    return done;
  }

  /**
   * Swaps under the relay's lock, so no relay batch is half-way between the two indexes. Entities the
   * relay published since `since` went to the old index only; they get a fresh outbox row, which the
   * relay applies to the new one.
   */
  private async swapIn(live: string, next: string, since: Date): Promise<{ requeued: number; replaced: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [OUTBOX_RELAY_LOCK_KEY]);
      const replaced = await this.exists(live);
      // rename: true turns `next` into `live` when there is nothing to swap with yet.
      const swap: IndexSwap = replaced
        ? { indexes: [live, next], rename: false }
        : { indexes: [next, live], rename: true };
      await succeeded(this.meili.swapIndexes([swap]), `swap ${next}`);
      return { requeued: await this.requeueSince(manager, since), replaced };
    });
  }

  private requeueSince(manager: EntityManager, since: Date): Promise<number> {
    return this.outbox.requeueProcessedSince(manager, since, REQUEUED_AGGREGATES, 'search.reindexed');
  }

  private async exists(uid: string): Promise<boolean> {
    try {
      await this.meili.getRawIndex(uid);
      return true;
    } catch (error) {
      if (isIndexNotFound(error)) return false;
      throw error;
    }
  }

  private async dropIfExists(uid: string): Promise<void> {
    if (await this.exists(uid)) await succeeded(this.meili.deleteIndex(uid), `delete ${uid}`, BULK_WAIT);
  }
}
