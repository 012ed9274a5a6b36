import { Module } from '@nestjs/common';
import { QueueModule } from '@pilotlink/queue';
import { ReindexJobsService } from './admin/reindex-jobs.service';
import { ReindexController } from './api/reindex.controller';
import { SearchController } from './api/search.controller';
import { SearchModule } from './search.module';

/** GET /api/search/services and /api/search/platforms; the admin's reindex job. */
@Module({
  imports: [SearchModule, QueueModule],
  controllers: [SearchController, ReindexController],
  providers: [ReindexJobsService],
})
export class SearchApiModule {}
