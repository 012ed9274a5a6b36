import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { Queue, QueueEvents } from 'bullmq';
import type { TestApp } from './test-app';

/** Adds a job to a queue of a running test worker and waits for its result (or its failure). */
export async function runJob<T = unknown>(
  t: TestApp,
  worker: INestApplicationContext,
  queueName: string,
  jobName: string,
  data: object = {},
  timeoutMs = 15_000,
): Promise<T> {
  const queue = worker.get<Queue>(getQueueToken(queueName));
  const events = new QueueEvents(queueName, { connection: { url: process.env.REDIS_URL }, prefix: t.env.QUEUE_PREFIX });
  // Listen before adding: a job finished before the listener is up would never be reported.
  await events.waitUntilReady();
  try {
    const job = await queue.add(jobName, data);
    return (await job.waitUntilFinished(events, timeoutMs)) as T;
  } finally {
    await events.close();
  }
}
