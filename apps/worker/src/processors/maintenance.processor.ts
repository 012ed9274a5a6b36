import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TokenService } from '@pilotlink/identity';
import { MaintenanceJobName, MaintenanceJobs, QUEUES } from '@pilotlink/queue';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';

type Handlers = { [K in MaintenanceJobName]: (job: Job<MaintenanceJobs[K]>) => Promise<unknown> };

/** Housekeeping jobs; the handler table is typed so a job name without a handler does not compile. */
@Processor(QUEUES.MAINTENANCE)
export class MaintenanceProcessor extends WorkerHost {
  private readonly logger = new Logger(MaintenanceProcessor.name);

  private readonly handlers: Handlers = {
    'prune-refresh-tokens': async () => {
      const pruned = await this.tokens.pruneExpired(this.dataSource.manager);
      this.logger.log({ pruned }, 'pruned expired refresh tokens');
      return { pruned };
    },
  };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
  ) {
    super();
  }

  process(job: Job): Promise<unknown> {
    const handler = this.handlers[job.name as MaintenanceJobName];
    if (!handler) throw new Error(`no handler for ${QUEUES.MAINTENANCE} job ${job.name}`);
    return handler(job);
  }
}
