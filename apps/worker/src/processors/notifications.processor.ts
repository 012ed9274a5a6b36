import { Processor, WorkerHost } from '@nestjs/bullmq';
import { NotificationDispatcher, Notifier } from '@pilotlink/notification';
import { NotificationJobs, QUEUES, SHORT_JOB_LOCK } from '@pilotlink/queue';
import { ResearchDigestService } from '@pilotlink/research';
import { Job } from 'bullmq';

type NotificationJobName = keyof NotificationJobs;
type Handlers = { [K in NotificationJobName]: (job: Job<NotificationJobs[K]>) => Promise<unknown> };

/**
 * Domain events → all their recipients' inbox rows in one batch (+ webhook jobs for orgs with an endpoint).
 * Idempotent by job ids and the inbox's unique key, so BullMQ's retries are safe. (`notify-recipient`
 * handles one recipient: jobs queued before dispatch wrote whole batches.)
 */
// Several at a time: a dispatch mostly waits on PostgreSQL and Meilisearch (the demand's matching).
@Processor(QUEUES.NOTIFICATIONS, { concurrency: 10, ...SHORT_JOB_LOCK })
export class NotificationsProcessor extends WorkerHost {
  private readonly handlers: Handlers = {
    'dispatch-event': (job) => this.dispatcher.dispatch(job.data),
    'notify-recipient': (job) => this.notifier.notify(job.data),
    'send-research-digest': (job) => this.digests.send(job.data),
  };

  constructor(
    private readonly dispatcher: NotificationDispatcher,
    private readonly notifier: Notifier,
    private readonly digests: ResearchDigestService,
  ) {
    super();
  }

  process(job: Job): Promise<unknown> {
    const handler = this.handlers[job.name as NotificationJobName] as ((job: Job) => Promise<unknown>) | undefined;
    if (!handler) throw new Error(`no handler for ${QUEUES.NOTIFICATIONS} job ${job.name}`);
    return handler(job);
  }
}
