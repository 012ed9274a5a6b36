import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuditModule } from '@pilotlink/audit';
import { CatalogueSearchSourceModule } from '@pilotlink/catalogue';
import { CoreModule } from '@pilotlink/core';
import { DatabaseModule } from '@pilotlink/database';
import { DemandSearchSourceModule } from '@pilotlink/demand';
import { ResearchSearchSourceModule } from '@pilotlink/research';
import { ReindexResult, ReindexService, SearchModule } from '@pilotlink/search';

/**
 * Just what a reindex needs: PostgreSQL, Meilisearch and the owners' document sources (the catalogue's
 * read host orgs through identity, whose services record through audit); no queues, no HTTP.
 */
@Module({
  imports: [
    CoreModule.forRoot(),
    DatabaseModule,
    SearchModule,
    AuditModule,
    CatalogueSearchSourceModule,
    DemandSearchSourceModule,
    ResearchSearchSourceModule,
  ],
})
class ReindexModule {}

/** `cli.js reindex`: rebuilds every search index from PostgreSQL (build `<uid>_new`, then swap). */
export async function runReindex(): Promise<ReindexResult[]> {
  const app = await NestFactory.createApplicationContext(ReindexModule, { logger: ['error', 'warn'] });
  try {
    return await app.get(ReindexService).reindexAll();
  } finally {
    await app.close();
  }
}
