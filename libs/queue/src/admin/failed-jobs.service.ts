import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@pilotlink/audit';
import { DomainError, NotFoundError, Page, PageQueryDto, toPage } from '@pilotlink/core';
import { withTransaction } from '@pilotlink/database';
import { RequestContext } from '@pilotlink/core';
import { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { FailedJobDto, RetriedJobDto } from '../dto/failed-jobs.response.dto';
import { QUEUES, QueueName } from '../queues';

const at = (ms: number | undefined) => (ms ? new Date(ms) : null);

/**
 * Dead letters for admins (STYLE #7): jobs whose attempts are exhausted stay in their queue's failed
 * set — bounded by the queues' removeOnFail (a week, 5,000 jobs) — and can be run again from here.
 */
@Injectable()
export class FailedJobsService {
  private readonly queues: Record<QueueName, Queue>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @InjectQueue(QUEUES.MAINTENANCE) maintenance: Queue,
    @InjectQueue(QUEUES.NOTIFICATIONS) notifications: Queue,
    @InjectQueue(QUEUES.WEBHOOKS) webhooks: Queue,
  ) {
    this.queues = { maintenance, notifications, webhooks };
  }

  /** Newest failures first. */
  async list(queueName: QueueName, page: PageQueryDto): Promise<Page<FailedJobDto>> {
    const queue = this.queues[queueName];
    const [jobs, total] = await Promise.all([
      queue.getFailed(page.offset, page.offset + page.limit - 1),
      queue.getFailedCount(),
    ]);
    return toPage(
      jobs.filter((job): job is Job => Boolean(job)).map((job) => describe(queueName, job)),
      total,
      page,
    );
  }

  /** Runs a failed job again with a fresh set of attempts. Unknown → 404; not failed → 409. */
  async retry(ctx: RequestContext, queueName: QueueName, id: string): Promise<RetriedJobDto> {
    const queue = this.queues[queueName];
    const job = await queue.getJob(id);
    if (!job) throw new NotFoundError('Job');
    const state = await job.getState();
    if (state !== 'failed') {
      throw new DomainError('INVALID_STATE_TRANSITION', `Only a failed job can be retried; this one is ${state}`, {
        entity: 'Job',
        currentState: state,
        attempted: 'retry',
      });
    }
    await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    await withTransaction(this.dataSource, (manager) =>
      this.audit.record(manager, {
        actor: { userId: ctx.actor.userId, orgId: ctx.actor.orgId },
        action: 'job.retried',
        entityType: 'job',
        entityId: `${queueName}/${id}`,
        before: { failedReason: job.failedReason, attemptsMade: job.attemptsMade },
        requestId: ctx.requestId,
      }),
    );
    return { id, queue: queueName, state: await job.getState() };
  }
}

function describe(queue: QueueName, job: Job): FailedJobDto {
  return {
    id: String(job.id),
    queue,
    name: job.name,
    data: job.data as Record<string, unknown>,
    failedReason: job.failedReason ?? null,
    attemptsMade: job.attemptsMade,
    createdAt: new Date(job.timestamp),
    processedAt: at(job.processedOn),
    finishedAt: at(job.finishedOn),
  };
}
