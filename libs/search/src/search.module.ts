import { Global, Module } from '@nestjs/common';
import { OutboxModule } from '@pilotlink/queue';
import { IndexSetupService } from './indexes/index-setup.service';
import { SearchIndexes } from './indexes/search-indexes.service';
import { MeiliSearchClient } from './meili/meili-search-client';
import { MEILI, meiliProvider } from './meili/meili.provider';
import { SearchQueryService } from './query/search-query.service';
import { ReconcileService } from './sync/reconcile.service';
import { ReindexService } from './sync/reindex.service';
import { SearchSources } from './sync/search-sources.service';
import { SearchRelayHandler } from './sync/search-relay-handler.service';
import { SearchSyncService } from './sync/search-sync.service';

/**
 * The Meilisearch client and everything that keeps the indexes in line with PostgreSQL (settings, sync
 * by ids, reindex, reconcile), plus the query side. The API adds SearchApiModule for the routes.
 */
@Global()
@Module({
  imports: [OutboxModule],
  providers: [
    meiliProvider,
    MeiliSearchClient,
    SearchIndexes,
    IndexSetupService,
    SearchSyncService,
    ReindexService,
    ReconcileService,
    SearchQueryService,
    SearchSources,
    SearchRelayHandler,
  ],
  exports: [
    MEILI,
    MeiliSearchClient,
    SearchIndexes,
    IndexSetupService,
    SearchSyncService,
    ReindexService,
    ReconcileService,
    SearchQueryService,
    SearchSources,
  ],
})
export class SearchModule {}
