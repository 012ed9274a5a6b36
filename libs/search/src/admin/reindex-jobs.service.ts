import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@pilotlink/audit';
import { NotFoundError } from '@pilotlink/core';
import { withTransaction } from '@pilotlink/database';
import type { RequestContext } from '@pilotlink/core';
import { MaintenanceJobs, QUEUES, REDIS, REINDEX_SEARCH_JOB_ID } from '@pilotlink/queue';
import { Job, Queue } from 'bullmq';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import {
  JOB_STATES,
  ReindexJobDto,
  ReindexJobState,
  ReindexProgressDto,
  ReindexResultDto,
} from '../dto/reindex-job.response.dto';

const JOB_NAME = 'reindex-search' satisfies keyof MaintenanceJobs;
const UNFINISHED: ReindexJobState[] = ['waiting', 'delayed', 'prioritized', 'active'];
/** Serialises "look, clear the finished run, add" between concurrent requests (and API instances). */
const START_LOCK_MS = 5_000;

const at = (ms: number | undefined) => (ms ? new Date(ms) : null);

/**
 * The admin's full reindex as a maintenance job with one fixed id: while a run is waiting or active,
 * asking again answers that run; a finished one (kept so its result can be read) is replaced by a new
 * run. A failed run is not retried by itself (attempts: 1) and stays in the failed-jobs list.
 */
@Injectable()
export class ReindexJobsService {
  constructor(
    @InjectQueue(QUEUES.MAINTENANCE) private readonly queue: Queue,
    @Inject(REDIS) private readonly redis: Redis,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async start(ctx: RequestContext): Promise<ReindexJobDto> {
    const lockKey = `${this.queue.qualifiedName}:reindex-start-lock`;
    const locked = await this.redis.set(lockKey, ctx.requestId ?? '1', 'PX', START_LOCK_MS, 'NX');
    if (!locked) {
      // Another request is starting a run right now: answer that one.
      const running = await this.waitForJob();
      return this.describe(running, false);
    }
    try {
      const existing = await this.queue.getJob(REINDEX_SEARCH_JOB_ID);
      if (existing) {
        const state = await existing.getState();
        if ((UNFINISHED as string[]).includes(state)) return this.describe(existing, false, state);
        await existing.remove(); // finished: its result has been readable until now
      }
      const job = await this.queue.add(JOB_NAME, {}, { jobId: REINDEX_SEARCH_JOB_ID, attempts: 1 });
      await withTransaction(this.dataSource, (manager) =>
        this.audit.record(manager, {
          actor: { userId: ctx.actor.userId, orgId: ctx.actor.orgId },
          action: 'search.reindex_requested',
          entityType: 'job',
          entityId: `${QUEUES.MAINTENANCE}/${REINDEX_SEARCH_JOB_ID}`,
          requestId: ctx.requestId,
        }),
      );
      return this.describe(job, true);
    } finally {
      await this.redis.del(lockKey);
    }
  }

  async get(id: string): Promise<ReindexJobDto> {
    const job = id === REINDEX_SEARCH_JOB_ID ? await this.queue.getJob(id) : undefined;
    if (!job || job.name !== JOB_NAME) throw new NotFoundError('Job');
    return this.describe(job, false);
  }

  /** The run a concurrent request is adding; it appears within the lock's lifetime. */
  private async waitForJob(): Promise<Job> {
    for (const deadline = Date.now() + START_LOCK_MS; Date.now() < deadline;) {
      const job = await this.queue.getJob(REINDEX_SEARCH_JOB_ID);
      if (job) return job;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new NotFoundError('Job');
  }

  private async describe(job: Job, started: boolean, knownState?: string): Promise<ReindexJobDto> {
    const state = knownState ?? (await job.getState());
    const progress = typeof job.progress === 'object' ? (job.progress as unknown as ReindexProgressDto) : null;
    return {
      id: String(job.id),
      state: (JOB_STATES as readonly string[]).includes(state) ? (state as ReindexJobState) : 'unknown',
      started,
      progress,
      result: (job.returnvalue as ReindexResultDto[] | null | undefined) ?? null,
      failedReason: job.failedReason ?? null,
      createdAt: new Date(job.timestamp),
      startedAt: at(job.processedOn),
      finishedAt: at(job.finishedOn),
    };
  }
}
