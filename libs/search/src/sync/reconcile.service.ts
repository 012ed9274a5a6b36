import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { chinaDate, Clock } from '@pilotlink/core';
import { OutboxAggregate, OutboxService } from '@pilotlink/queue';
import type { Meilisearch } from 'meilisearch';
import { DataSource } from 'typeorm';
import { IndexSetupService } from '../indexes/index-setup.service';
import { SEARCH_INDEX_KINDS, SearchIndexes, SearchIndexKind } from '../indexes/search-indexes.service';
import { succeeded } from '../meili/meili-tasks';
import { MEILI } from '../meili/meili.provider';
import { SearchSources } from './search-sources.service';

export interface IndexDrift {
  index: string;
  expected: number;
  indexed: number;
  /** Searchable in PostgreSQL, absent from the index. */
  missing: number;
  /** In both, but the document was built from older rows (or shows a qualification that has expired). */
  stale: number;
  /** In the index, no longer searchable. */
  extra: number;
}

interface IndexedVersion {
  id: string;
  updatedAt?: number;
  nextQualificationExpiry?: string | null;
}

const AGGREGATE: Record<SearchIndexKind, OutboxAggregate> = {
  services: 'service',
  platforms: 'platform',
  demands: 'demand',
  results: 'result',
  policies: 'policy_notice',
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Safety net behind the outbox: compares what PostgreSQL says is searchable with what the indexes hold
 * and queues an outbox row for every entity that drifted. Extras are removed the same way (the relay
 * re-reads and deletes) rather than directly, so a delete here can never race with the relay re-adding
 * a document that just became searchable again.
 */
@Injectable()
export class ReconcileService {
  private readonly logger = new Logger(ReconcileService.name);

  constructor(
    @Inject(MEILI) private readonly meili: Meilisearch,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly indexes: SearchIndexes,
    private readonly setup: IndexSetupService,
    private readonly outbox: OutboxService,
    private readonly sources: SearchSources,
    private readonly clock: Clock,
  ) {}

  async reconcile(): Promise<IndexDrift[]> {
    // Settings drift too: a Meilisearch that came back empty gets its indexes and settings again.
    await this.setup.ensureIndexes();
    const report: IndexDrift[] = [];
    for (const kind of SEARCH_INDEX_KINDS) report.push(await this.reconcileIndex(kind));
    this.logger.log({ drift: report }, 'reconciled search indexes');
    return report;
  }

  private async reconcileIndex(kind: SearchIndexKind): Promise<IndexDrift> {
    const uid = this.indexes.uid(kind);
    // The index is read before PostgreSQL: a change between the two reads then shows as drift (queued
    // again, harmless) and never as a document wrongly judged extra.
    const indexed = await this.indexedVersions(uid, kind);
    const expected = await this.expectedVersions(kind);
    const today = chinaDate(this.clock.now());

    const missing = [...expected.keys()].filter((id) => !indexed.has(id));
    const stale = [...indexed.values()]
      .filter((doc) => expected.has(doc.id))
      .filter((doc) => doc.updatedAt !== expected.get(doc.id) || isBefore(doc.nextQualificationExpiry, today))
      .map((doc) => doc.id);
    const extra = [...indexed.keys()].filter((id) => !expected.has(id));

    const junk = extra.filter((id) => !UUID.test(id)); // no entity has such an id: nothing to re-read
    if (junk.length) await succeeded(this.meili.index(uid).deleteDocuments(junk), `delete junk from ${uid}`);
    await this.requeue(AGGREGATE[kind], [...missing, ...stale, ...extra.filter((id) => UUID.test(id))]);

    return {
      index: uid,
      expected: expected.size,
      indexed: indexed.size,
      missing: missing.length,
      stale: stale.length,
      extra: extra.length,
    };
  }

  private async indexedVersions(uid: string, kind: SearchIndexKind): Promise<Map<string, IndexedVersion>> {
    const fields = kind === 'platforms' ? ['id', 'updatedAt', 'nextQualificationExpiry'] : ['id', 'updatedAt'];
    const versions = new Map<string, IndexedVersion>();
    const index = this.meili.index<IndexedVersion>(uid);
    for (let offset = 0; ; offset += 1_000) {
      const page = await index.getDocuments({ fields: fields as (keyof IndexedVersion)[], limit: 1_000, offset });
      for (const doc of page.results) versions.set(String(doc.id), doc);
      if (page.results.length < 1_000) return versions;
    }
  }

  /** Versions as the document mappers compute them: the newest updated_at of the rows, in unix ms. */
  private expectedVersions(kind: SearchIndexKind): Promise<Map<string, number>> {
    return this.sources.of(kind).versions(this.dataSource.manager);
  }

  private async requeue(aggregateType: OutboxAggregate, ids: string[]): Promise<void> {
    for (let start = 0; start < ids.length; start += 1_000) {
      const entries = ids
        .slice(start, start + 1_000)
        .map((aggregateId) => ({ aggregateType, aggregateId, eventType: 'search.reconcile' }));
      await this.outbox.add(this.dataSource.manager, ...entries);
    }
  }
}

function isBefore(date: string | null | undefined, today: string): boolean {
  return !!date && date < today;
}
