import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CoreModule } from '@pilotlink/core';
import { DatabaseModule } from '@pilotlink/database';
import { ReindexResult, ReindexService, SearchModule } from '@pilotlink/search';

/** Just what a reindex needs: PostgreSQL and Meilisearch, no queues, no HTTP. */
@Module({ imports: [CoreModule.forRoot(), DatabaseModule, SearchModule] })
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
