/**
 * Every queue and job of the system, with its payload type: the one registry processors and
 * producers share (STYLE #6). Payloads carry ids only; handlers re-read the rows.
 */
export const QUEUES = {
  MAINTENANCE: 'maintenance',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface MaintenanceJobs {
  'prune-refresh-tokens': Record<string, never>;
  /** Compares the search indexes with PostgreSQL and queues a re-sync of whatever drifted. */
  'reconcile-search-index': Record<string, never>;
  /** Open demands past their date and live quotes past their validity become EXPIRED. */
  'expire-demands-and-quotes': Record<string, never>;
}

export type MaintenanceJobName = keyof MaintenanceJobs;

/** Retries with exponential backoff; failures kept for a week but bounded in number. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 1_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 5_000 },
} as const;

/** Redis key the worker refreshes so the API's health check can tell it is alive. */
export function workerHeartbeatKey(prefix: string): string {
  return `${prefix}:worker:heartbeat`;
}

export const WORKER_HEARTBEAT_INTERVAL_MS = 5_000;
/** Older than this and the worker counts as down (three missed beats). */
export const WORKER_HEARTBEAT_STALE_MS = 15_000;
