import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ExpiryService } from '@pilotlink/demand';
import { RecognitionsService } from '@pilotlink/governance';
import { TokenService } from '@pilotlink/identity';
import { MaintenanceJobName, MaintenanceJobs, QUEUES } from '@pilotlink/queue';
import { ResearchDigestService } from '@pilotlink/research';
import { ReconcileService, ReindexService } from '@pilotlink/search';
import { pruneIdempotencyKeys, VoucherExpiryService } from '@pilotlink/voucher';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';

type Handlers = { [K in MaintenanceJobName]: (job: Job<MaintenanceJobs[K]>) => Promise<unknown> };

/** Housekeeping jobs; the handler table is typed so a job name without a handler does not compile. */
// Two at a time: a long search reconcile must not hold up the other housekeeping jobs.
@Processor(QUEUES.MAINTENANCE, { concurrency: 2 })
export class MaintenanceProcessor extends WorkerHost {
  private readonly logger = new Logger(MaintenanceProcessor.name);

  private readonly handlers: Handlers = {
    'prune-refresh-tokens': async () => {
      const pruned = await this.tokens.pruneExpired(this.dataSource.manager);
      this.logger.log({ pruned }, 'pruned expired refresh tokens');
      return { pruned };
    },
    'prune-idempotency-keys': async () => {
      const pruned = await pruneIdempotencyKeys(this.dataSource.manager);
      if (pruned) this.logger.log({ pruned }, 'pruned idempotency keys past their retention');
      return { pruned };
    },
    'reindex-search': (job) => this.reindexer.reindexAll((progress) => job.updateProgress({ ...progress })),
    'reconcile-search-index': async () => {
      const drift = await this.reconcile.reconcile();
      return { drift };
    },
    'expire-demands-and-quotes': async () => {
      const expired = await this.expiry.expireDue();
      if (expired.demands || expired.quotes) this.logger.log(expired, 'expired demands and quotes');
      return expired;
    },
    'expire-vouchers': async () => {
      const expired = await this.voucherExpiry.expireDue();
      if (expired.vouchers) this.logger.log(expired, 'expired vouchers');
      return expired;
    },
    'lapse-recognitions': () => this.recognitions.lapseDue(),
    'research-digest': (job) => this.digests.plan(job.data.at ? new Date(job.data.at) : undefined),
  };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    private readonly reconcile: ReconcileService,
    private readonly reindexer: ReindexService,
    private readonly expiry: ExpiryService,
    private readonly voucherExpiry: VoucherExpiryService,
    private readonly recognitions: RecognitionsService,
    private readonly digests: ResearchDigestService,
  ) {
    super();
  }

  process(job: Job): Promise<unknown> {
    const handler = this.handlers[job.name as MaintenanceJobName];
    if (!handler) throw new Error(`no handler for ${QUEUES.MAINTENANCE} job ${job.name}`);
    return handler(job);
  }
}
