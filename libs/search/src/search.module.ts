import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PilotService, Platform, PlatformQualification } from '@pilotlink/catalogue';
import { Org } from '@pilotlink/identity';
import { OutboxModule } from '@pilotlink/queue';
import { IndexSetupService } from './indexes/index-setup.service';
import { SearchIndexes } from './indexes/search-indexes';
import { MEILI, meiliProvider } from './meili/meili.provider';
import { SearchQueryService } from './query/search-query.service';
import { ReconcileService } from './sync/reconcile.service';
import { ReindexService } from './sync/reindex.service';
import { SearchSource } from './sync/search-source';
import { SearchSyncService } from './sync/search-sync.service';

/**
 * The Meilisearch client and everything that keeps the indexes in line with PostgreSQL (settings, sync
 * by ids, reindex, reconcile), plus the query side. The API adds SearchApiModule for the routes.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Platform, PlatformQualification, PilotService, Org]), OutboxModule],
  providers: [
    meiliProvider,
    SearchIndexes,
    IndexSetupService,
    SearchSource,
    SearchSyncService,
    ReindexService,
    ReconcileService,
    SearchQueryService,
  ],
  exports: [
    MEILI,
    SearchIndexes,
    IndexSetupService,
    SearchSyncService,
    ReindexService,
    ReconcileService,
    SearchQueryService,
  ],
})
export class SearchModule {}
