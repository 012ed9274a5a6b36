import type { EnqueuedTaskPromise, Meilisearch, Task, WaitOptions } from 'meilisearch';
import { SearchTaskFailedError } from './meili-errors';

/** Index writes of the relay are small; a bulk reindex may take minutes on a large catalogue. */
export const SYNC_WAIT: WaitOptions = { timeout: 30_000, interval: 20 };
export const BULK_WAIT: WaitOptions = { timeout: 10 * 60_000, interval: 100 };

/** Waits for an enqueued task and insists that it succeeded. */
export async function succeeded(enqueued: EnqueuedTaskPromise, what: string, wait = SYNC_WAIT): Promise<Task> {
  return assertSucceeded(await enqueued.waitTask(wait), what);
}

/** Enqueues first, then waits for all: Meilisearch batches consecutive tasks of one index. */
export async function allSucceeded(
  client: Meilisearch,
  enqueued: { task: EnqueuedTaskPromise; what: string }[],
  wait = SYNC_WAIT,
): Promise<Task[]> {
  const queued = await Promise.all(enqueued.map(async ({ task, what }) => ({ uid: (await task).taskUid, what })));
  const tasks: Task[] = [];
  for (const { uid, what } of queued) tasks.push(assertSucceeded(await client.tasks.waitForTask(uid, wait), what));
  return tasks;
}

export function assertSucceeded(task: Task, what: string): Task {
  if (task.status !== 'succeeded') throw new SearchTaskFailedError(task, what);
  return task;
}
