import { Processor, WorkerHost } from '@nestjs/bullmq';
import { NotificationDispatcher, Notifier } from '@pilotlink/notification';
import { NotificationJobs, QUEUES, SHORT_JOB_LOCK } from '@pilotlink/queue';
import { ResearchDigestService } from '@pilotlink/research';
import { Job } from 'bullmq';

type NotificationJobName = keyof NotificationJobs;
type Handlers = { [K in NotificationJobName]: (job: Job<NotificationJobs[K]>) => Promise<unknown> };

/**
 * Domain events → one job per recipient → inbox row (+ webhook job). Both steps are idempotent by
 * their job ids and the inbox's unique key, so BullMQ's retries are safe.
 */
// Several at a time: a publish fans out to ~20 recipients and each is a few small queries.
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
