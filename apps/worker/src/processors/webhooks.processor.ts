import { Processor, WorkerHost } from '@nestjs/bullmq';
import { WebhookDeliveryService } from '@pilotlink/notification';
import { QUEUES, SHORT_JOB_LOCK, WebhookJobs } from '@pilotlink/queue';
import { Job } from 'bullmq';

type WebhookJobName = keyof WebhookJobs;
type Handlers = { [K in WebhookJobName]: (job: Job<WebhookJobs[K]>) => Promise<unknown> };

/**
 * Signed webhook deliveries. A failed attempt throws, and BullMQ retries it with the exponential
 * backoff the job was queued with (WEBHOOK_ATTEMPTS, WEBHOOK_BACKOFF_MS); once exhausted the job
 * stays in the failed set, where an admin can see and retry it.
 */
// Receivers may be slow (up to WEBHOOK_TIMEOUT_MS): many in flight so one slow org does not hold up the rest.
@Processor(QUEUES.WEBHOOKS, { concurrency: 20, ...SHORT_JOB_LOCK })
export class WebhooksProcessor extends WorkerHost {
  private readonly handlers: Handlers = {
    'deliver-webhook': (job) => this.deliveries.deliver(job.data.notificationId),
  };

  constructor(private readonly deliveries: WebhookDeliveryService) {
    super();
  }

  process(job: Job): Promise<unknown> {
    const handler = this.handlers[job.name as WebhookJobName] as ((job: Job) => Promise<unknown>) | undefined;
    if (!handler) throw new Error(`no handler for ${QUEUES.WEBHOOKS} job ${job.name}`);
    return handler(job);
  }
}
