import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, ErrorCode, fieldInvalid } from '@pilotlink/core';
import type { AuthenticatedRequest } from '@pilotlink/core';
import { firstValueFrom, from, Observable } from 'rxjs';
import { enclosingUnitOfWork, querySql, Sql, sql, withTransaction } from '@pilotlink/database';
import { DataSource, EntityManager } from 'typeorm';

const HEADER = 'idempotency-key';
const WAIT_MS = 15_000;
const POLL_MS = 50;

/** What is kept of the first answer: its body, or the domain error it ended with. */
type StoredOutcome =
  | { kind: 'ok'; body: unknown }
  | { kind: 'error'; code: ErrorCode; message: string; details?: Record<string, unknown> };

interface KeyRow {
  request_hash: string;
  state: 'IN_PROGRESS' | 'DONE';
  response: StoredOutcome | null;
}

/** The key the running request answers under, and the outcome its service already wrote (as JSON), if any. */
interface RunningKey {
  orgId: string;
  key: string;
  hash: string;
  written: string | null;
}
const runningKey = new AsyncLocalStorage<RunningKey>();

/**
 * The INSERT recording `body` as the outcome of the running request's Idempotency-Key, for a service to write
 * in its own last statement (a CTE: `WITH …, key AS (${outcome}) …`) — one round trip less than the
 * interceptor writing it after. Null when the request has no key. The interceptor still writes the outcome
 * itself if the answer differs from `body` or the request fails after all.
 */
export function idempotentOutcomeSql(body: unknown): Sql | null {
  const running = runningKey.getStore();
  if (!running) return null;
  running.written = JSON.stringify({ kind: 'ok', body: body ?? null });
  return outcomeSql(running, running.written);
}

function outcomeSql(running: Pick<RunningKey, 'orgId' | 'key' | 'hash'>, outcome: string): Sql {
  return sql`INSERT INTO idempotency_keys (org_id, key, request_hash, state, response)
             VALUES (${running.orgId}::uuid, ${running.key}::text, ${running.hash}::text, 'DONE', ${outcome}::jsonb)
             ON CONFLICT (org_id, key) DO UPDATE SET state = 'DONE', response = EXCLUDED.response`;
}

/**
 * `Idempotency-Key` on money-moving POSTs (SPEC §6), keys scoped per org. The request runs in one
 * transaction with its key: it takes the key's advisory lock, finds the key's recorded outcome (and answers
 * it again) or runs the handler — whose services join this transaction (`enclosingUnitOfWork`) — and
 * records the outcome before COMMIT. So the write and its key's answer commit together or not at all: a
 * replay after any crash, cut connection or lost COMMIT answers the first answer, or runs the request for
 * the first time. A duplicate arriving while the first runs waits (polling, without holding a connection)
 * for its outcome. The same key with a different request (method, path or body) → 422
 * IDEMPOTENCY_KEY_REUSED. An unexpected failure (5xx) records nothing, so the client can retry; a domain
 * answer (2xx or 4xx) is kept (a 4xx's partial writes are rolled back to a savepoint first). Keys are kept
 * KEY_RETENTION_HOURS. Without the header the request simply runs.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const raw = request.headers[HEADER];
    if (raw === undefined || !request.actor) return next.handle();
    const key = Array.isArray(raw) ? raw[0] : raw;
    if (!key || key.length > 255) throw fieldInvalid('Idempotency-Key', 'must be 1 to 255 characters');
    const orgId = request.actor.orgId;
    const hash = requestHash(request.method, request.url, request.body);
    return from(this.run(orgId, key, hash, () => firstValueFrom(next.handle())));
  }

  private async run(orgId: string, key: string, hash: string, handle: () => Promise<unknown>): Promise<unknown> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const outcome = await withTransaction(this.dataSource, (manager) =>
        this.attempt(manager, orgId, key, hash, handle),
      );
      if (outcome !== BUSY) return replay(outcome);
      if (Date.now() > deadline) {
        throw new DomainError('IDEMPOTENCY_IN_PROGRESS', 'A request with this Idempotency-Key is still running');
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /** One try inside the key's transaction: BUSY while another request holds the key. */
  private async attempt(
    manager: EntityManager,
    orgId: string,
    key: string,
    hash: string,
    handle: () => Promise<unknown>,
  ): Promise<StoredOutcome | typeof BUSY> {
    // The key's advisory lock, then its row read after the lock is held: one round trip (see the migration).
    const [taken] = await manager.query<(Partial<KeyRow> & { locked: boolean })[]>(
      `SELECT locked, request_hash, state, response FROM idempotency_key_take($1::uuid, $2::text)`,
      [orgId, key],
    );
    if (!taken.locked) return BUSY;
    const row = taken.request_hash ? (taken as KeyRow) : undefined;
    if (row && row.request_hash !== hash) {
      throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for a different request', {
        field: 'Idempotency-Key',
      });
    }
    if (row?.state === 'DONE' && row.response) return row.response;
    // No outcome yet (or a row an earlier version left IN_PROGRESS: nothing runs under it now — this
    // request holds the key's lock): run the request, and record its outcome in the same transaction.
    let outcome: StoredOutcome;
    let json: string;
    const running: RunningKey = { orgId, key, hash, written: null };
    await manager.query(`SAVEPOINT idempotent_request`);
    try {
      const body = await runningKey.run(running, () => enclosingUnitOfWork(manager, handle));
      json = JSON.stringify({ kind: 'ok', body: body ?? null });
      outcome = JSON.parse(json) as StoredOutcome;
    } catch (error) {
      // An unexpected failure rolls the whole transaction back: nothing is written, the key stays free.
      if (!(error instanceof DomainError) || error.status >= 500) throw error;
      await manager.query(`ROLLBACK TO SAVEPOINT idempotent_request`);
      outcome = { kind: 'error', code: error.code, message: error.message, details: error.details };
      json = JSON.stringify(outcome);
      running.written = null; // rolled back with the rest
    }
    // The service wrote this very outcome in its last statement: nothing left to write.
    if (running.written !== json) await querySql(manager, outcomeSql(running, json));
    return outcome;
  }
}

/** Another request holds the key's lock: wait for its outcome. */
const BUSY = Symbol('busy');

function replay(outcome: StoredOutcome): unknown {
  if (outcome.kind === 'ok') return outcome.body;
  throw new DomainError(outcome.code, outcome.message, outcome.details);
}

/** Method, path and body with keys sorted: the same request hashes the same however its JSON was ordered. */
export function requestHash(method: string, url: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${url}\n${canonicalJson(body ?? null)}`)
    .digest('hex');
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Marks a money-moving route: it honours `Idempotency-Key` (documented in OpenAPI). */
export const Idempotent = () =>
  applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Repeat a request safely: the same key and body answer the first result; another body → 422',
    }),
  );
