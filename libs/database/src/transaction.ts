import { Logger } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { isDatabaseConnectionError } from '@pilotlink/core';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';

/** PostgreSQL SQLSTATEs after which the whole unit of work may simply be run again. */
const RETRYABLE_SQLSTATES = new Set(['40001', '40P01']); // serialization_failure, deadlock_detected

export interface TransactionOptions {
  isolation?: 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';
  maxAttempts?: number;
}

const logger = new Logger('withTransaction');

/** An enclosing unit of work (see `enclosingUnitOfWork`) the units run inside it join. */
interface Enclosing {
  manager: EntityManager;
  open: boolean;
}
const enclosing = new AsyncLocalStorage<Enclosing>();

/**
 * Runs `work` (which calls services that use withTransaction) so that every withTransaction inside it
 * joins `manager`'s transaction instead of opening its own: the caller's writes and the services' commit
 * or roll back together. The Idempotency-Key interceptor records a key's outcome this way, in the same
 * transaction as the write it guards. A retry of the enclosing transaction runs everything again.
 */
export async function enclosingUnitOfWork<T>(manager: EntityManager, work: () => Promise<T>): Promise<T> {
  const store: Enclosing = { manager, open: true };
  try {
    return await enclosing.run(store, work);
  } finally {
    // Anything the work left running (a timer, a callback) must not use the finished transaction.
    store.open = false;
  }
}

export function isRetryableTransactionError(error: unknown): boolean {
  const code =
    (error as { code?: unknown; driverError?: { code?: unknown } })?.driverError?.code ??
    (error as { code?: unknown })?.code;
  return (error instanceof QueryFailedError || typeof code === 'string') && RETRYABLE_SQLSTATES.has(String(code));
}

/**
 * Runs `work` in one transaction and retries the whole unit on a serialization failure or deadlock,
 * with a short jittered backoff. `work` must do nothing outside the database that cannot be repeated.
 *
 * A unit whose connection died before COMMIT (the backend terminated, the socket cut) was rolled back by
 * PostgreSQL, so it is retried the same way on a fresh connection. One that died during COMMIT may or may
 * not have committed: it is not retried, and surfaces as DATABASE_UNAVAILABLE (503) for the client to
 * retry — with an Idempotency-Key where the route takes one.
 */
export async function withTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  const outer = enclosing.getStore();
  // Inside an enclosing unit of work: join it (its transaction retries the whole, this included).
  if (outer?.open) return work(outer.manager);
  const maxAttempts = options.maxAttempts ?? 5;
  for (let attempt = 1; ; attempt += 1) {
    let workDone = false;
    const tracked = async (manager: EntityManager): Promise<T> => {
      const result = await work(manager);
      workDone = true;
      return result;
    };
    try {
      // READ COMMITTED is every connection's default (pinned in baseDataSourceOptions): asking for it
      // again would cost a SET TRANSACTION round trip on every unit of work.
      return await (options.isolation && options.isolation !== 'READ COMMITTED'
        ? dataSource.transaction(options.isolation, tracked)
        : dataSource.transaction(tracked));
    } catch (error) {
      const lostBeforeCommit = !workDone && isDatabaseConnectionError(error);
      if (attempt >= maxAttempts || !(isRetryableTransactionError(error) || lostBeforeCommit)) throw error;
      const reason = lostBeforeCommit ? 'a lost connection' : String((error as { code?: string }).code ?? 'conflict');
      logger.warn(`retrying transaction after ${reason} (attempt ${attempt})`);
      await new Promise((resolve) => setTimeout(resolve, 5 * 2 ** attempt + Math.random() * 20));
    }
  }
}

/** The unique-violation SQLSTATE and, when present, the constraint that raised it. */
export function uniqueViolation(error: unknown): string | undefined {
  const driver = (error as { driverError?: { code?: string; constraint?: string } })?.driverError;
  return driver?.code === '23505' ? (driver.constraint ?? 'unique') : undefined;
}

/** The exclusion-violation SQLSTATE (an EXCLUDE constraint refused a row) and the constraint's name. */
export function exclusionViolation(error: unknown): string | undefined {
  const driver = (error as { driverError?: { code?: string; constraint?: string } })?.driverError;
  return driver?.code === '23P01' ? (driver.constraint ?? 'exclusion') : undefined;
}
