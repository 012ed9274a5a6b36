import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Meilisearch } from 'meilisearch';
import { isIndexNotFound, SearchTaskFailedError } from '../meili/meili-errors';
import { BULK_WAIT, succeeded } from '../meili/meili-tasks';
import { MEILI } from '../meili/meili.provider';
import { indexSettings } from './index-settings';
import { SEARCH_INDEX_KINDS, SearchIndexes, SearchIndexKind } from './search-indexes.service';

/**
 * Creates the indexes and applies their settings from code. Idempotent: Meilisearch treats unchanged
 * settings as a no-op, so this runs at every worker boot and after every outage (the server may have
 * come back empty).
 */
@Injectable()
export class IndexSetupService {
  private readonly logger = new Logger(IndexSetupService.name);

  constructor(
    @Inject(MEILI) private readonly meili: Meilisearch,
    private readonly indexes: SearchIndexes,
  ) {}

  async ensureIndexes(): Promise<void> {
    for (const kind of SEARCH_INDEX_KINDS) await this.ensureIndex(this.indexes.uid(kind), kind);
  }

  /** Also used for the `<uid>_new` index of a reindex. */
  async ensureIndex(uid: string, kind: SearchIndexKind): Promise<void> {
    try {
      await this.meili.getRawIndex(uid);
    } catch (error) {
      if (!isIndexNotFound(error)) throw error;
      await this.create(uid);
    }
    // Changed settings make Meilisearch re-index every document: allow for a large index.
    await succeeded(this.meili.index(uid).updateSettings(indexSettings(kind)), `settings of ${uid}`, BULK_WAIT);
  }

  private async create(uid: string): Promise<void> {
    try {
      await succeeded(this.meili.createIndex(uid, { primaryKey: 'id' }), `create index ${uid}`);
      this.logger.log({ index: uid }, 'created search index');
    } catch (error) {
      // Two workers booting together: the other one created it first.
      if (!(error instanceof SearchTaskFailedError && error.code === 'index_already_exists')) throw error;
    }
  }
}
