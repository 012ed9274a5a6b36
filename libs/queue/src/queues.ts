/**
 * Every queue and job of the system, with its payload type: the one registry processors and
 * producers share (STYLE #6). Payloads carry ids only; handlers re-read the rows.
 */
export const QUEUES = {
  MAINTENANCE: 'maintenance',
  /** Turns domain events into one notification per recipient (inbox row + webhook job). */
  NOTIFICATIONS: 'notifications',
  /** Signed HTTP deliveries to an org's webhook URL; retried with exponential backoff. */
  WEBHOOKS: 'webhooks',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface MaintenanceJobs {
  'prune-refresh-tokens': Record<string, never>;
  /** Idempotency keys past their retention (a day) are deleted. */
  'prune-idempotency-keys': Record<string, never>;
  /**
   * Rebuilds every search index from PostgreSQL (admin button), reporting progress per index. One at a
   * time: job id REINDEX_SEARCH_JOB_ID.
   */
  'reindex-search': Record<string, never>;
  /** Compares the search indexes with PostgreSQL and queues a re-sync of whatever drifted. */
  'reconcile-search-index': Record<string, never>;
  /** Open demands past their date and live quotes past their validity become EXPIRED. */
  'expire-demands-and-quotes': Record<string, never>;
  /** Vouchers past their valid-until date expire: unclaimed holds released, the rest back to the budget. */
  'expire-vouchers': Record<string, never>;
  /** Approved recognitions past their valid-until date lapse; the platform drops to the level it still holds. */
  'lapse-recognitions': Record<string, never>;
  /**
   * Plans the research digests of the last complete week and day (China time) before `at` (default: now),
   * each for the orgs that chose that frequency: one `send-research-digest` job per recipient org, job id `research-digest.<period>.<org>`. Hourly; a re-run
   * for the same period adds nothing (job ids, then the inbox's unique key).
   */
  'research-digest': { at?: string };
}

export type MaintenanceJobName = keyof MaintenanceJobs;

/** The one id of the admin's reindex job: a second request while it runs finds it instead of adding another. */
export const REINDEX_SEARCH_JOB_ID = 'reindex-search';

/**
 * A domain event relayed from the outbox. Job id `event.<outboxId>`: a relay replay of the same row
 * is deduplicated by BullMQ; a duplicate row for the same logical event is deduplicated per recipient
 * by the notification's event key (job id and a unique index on the inbox).
 */
export interface DispatchEventJob {
  outboxId: string;
  eventType: string;
  aggregateType: string;
  aggregateId: string;
  payload: Record<string, unknown>;
}

/** One recipient of one event. Job id `notify.<eventKey>.<recipientOrgId>`. */
export interface NotifyRecipientJob {
  eventKey: string;
  eventType: string;
  recipientOrgId: string;
  subjectType: string;
  subjectId: string;
  /** Why this recipient (e.g. MATCHED with a rank, SUBSCRIPTION with its id); rendered into the inbox row. */
  reason: Record<string, unknown>;
  /**
   * What the recipient may see of the subject, resolved together with the recipients (a demand: the
   * view and the demand as this org may see it), so the notifier renders it without reading it again.
   * Absent in jobs queued before it was carried: the notifier then asks the subject's owner.
   */
  subjectView?: Record<string, unknown>;
}

/** One org's research digest for one period. Job id `research-digest.<periodKey>.<orgId>`. */
export interface ResearchDigestJob {
  orgId: string;
  periodKey: string;
  resultIds: string[];
  /** New OPEN demands fitting the org's services (platforms only); absent in digests planned before demands were pushed. */
  demandIds?: string[];
}

export interface NotificationJobs {
  'dispatch-event': DispatchEventJob;
  'notify-recipient': NotifyRecipientJob;
  'send-research-digest': ResearchDigestJob;
}

/**
 * Outbox event types that notify someone; the relay queues a `dispatch-event` job for each. Service
 * changes notify only while the service is published (the dispatcher checks current state).
 */
const NOTIFYING_EVENTS = new Set(['demand.published', 'demand.invited', 'service.published', 'service.updated']);
const NOTIFYING_PREFIXES = ['quote.', 'order.', 'voucher.'];

export function isNotifyingEvent(eventType: string): boolean {
  return NOTIFYING_EVENTS.has(eventType) || NOTIFYING_PREFIXES.some((prefix) => eventType.startsWith(prefix));
}

export interface WebhookJobs {
  /** Job id `webhook.<notificationId>`. */
  'deliver-webhook': { notificationId: string };
}

/**
 * BullMQ refuses custom job ids containing ':' (its key separator); event keys use '.' instead.
 * Kept here so every producer builds ids the same way.
 */
export function jobId(...parts: readonly string[]): string {
  return parts.map((part) => part.replaceAll(':', '_')).join('.');
}

/** Retries with exponential backoff; failures kept for a week but bounded in number. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 1_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 5_000 },
} as const;

/**
 * Worker options of the notification and webhook queues. A running job's lock lasts `lockDuration` (the
 * worker renews it every half of that while the job runs, however long it takes), and workers look for
 * jobs whose lock lapsed every `stalledInterval`: the jobs a crashed worker was running run again within
 * about 20 s of its death, not the minute BullMQ's defaults (30 s each) take. These jobs are short and
 * idempotent (job ids, the inbox's unique key), so the rare false stall costs nothing but a repeat.
 */
export const SHORT_JOB_LOCK = { lockDuration: 10_000, stalledInterval: 10_000 } as const;

/** Redis key the worker refreshes so the API's health check can tell it is alive. */
export function workerHeartbeatKey(prefix: string): string {
  return `${prefix}:worker:heartbeat`;
}

export const WORKER_HEARTBEAT_INTERVAL_MS = 5_000;
/** Older than this and the worker counts as down (three missed beats). */
export const WORKER_HEARTBEAT_STALE_MS = 15_000;
