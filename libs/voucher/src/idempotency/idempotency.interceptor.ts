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
import { enclosingUnitOfWork, withTransaction } from '@pilotlink/database';
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
    const [{ locked }] = await manager.query<{ locked: boolean }[]>(
      `SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked`,
      [`idempotency:${orgId}:${key}`],
    );
    if (!locked) return BUSY;
    const [row] = await manager.query<KeyRow[]>(
      `SELECT request_hash, state, response FROM idempotency_keys WHERE org_id = $1 AND key = $2`,
      [orgId, key],
    );
    if (row && row.request_hash !== hash) {
      throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for a different request', {
        field: 'Idempotency-Key',
      });
    }
    if (row?.state === 'DONE' && row.response) return row.response;
    // No outcome yet (or a row an earlier version left IN_PROGRESS: nothing runs under it now — this
    // request holds the key's lock): run the request, and record its outcome in the same transaction.
    let outcome: StoredOutcome;
    await manager.query(`SAVEPOINT idempotent_request`);
    try {
      const body = await enclosingUnitOfWork(manager, handle);
      outcome = { kind: 'ok', body: JSON.parse(JSON.stringify(body ?? null)) };
    } catch (error) {
      // An unexpected failure rolls the whole transaction back: nothing is written, the key stays free.
      if (!(error instanceof DomainError) || error.status >= 500) throw error;
      await manager.query(`ROLLBACK TO SAVEPOINT idempotent_request`);
      outcome = { kind: 'error', code: error.code, message: error.message, details: error.details };
    }
    await manager.query(
      `INSERT INTO idempotency_keys (org_id, key, request_hash, state, response) VALUES ($1, $2, $3, 'DONE', $4)
       ON CONFLICT (org_id, key) DO UPDATE SET state = 'DONE', response = EXCLUDED.response`,
      [orgId, key, hash, JSON.stringify(outcome)],
    );
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
