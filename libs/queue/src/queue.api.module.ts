import { Module } from '@nestjs/common';
import { FailedJobsService } from './admin/failed-jobs.service';
import { FailedJobsController } from './api/failed-jobs.controller';
import { QueueModule } from './queue.module';

/** GET /api/admin/failed-jobs and their retry: the dead letters of every queue, for admins. */
@Module({
  imports: [QueueModule],
  controllers: [FailedJobsController],
  providers: [FailedJobsService],
})
export class QueueApiModule {}
