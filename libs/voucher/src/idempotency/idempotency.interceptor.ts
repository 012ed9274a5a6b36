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
import type { AuthenticatedRequest } from '@pilotlink/identity';
import { firstValueFrom, from, Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { STALE_AFTER_SECONDS } from './idempotency-keys';

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
 * `Idempotency-Key` on money-moving POSTs (SPEC §6), keys scoped per org. The first request with a key
 * claims it by inserting a row (the primary key settles racing duplicates); the others wait for its
 * outcome and answer the same. The same key with a different request (method, path or body) → 422
 * IDEMPOTENCY_KEY_REUSED. An unexpected failure (5xx) frees the key so the client can retry; a domain
 * answer (2xx or 4xx) is kept. A key left IN_PROGRESS by a request that died is taken over by a retry
 * after STALE_AFTER_SECONDS; keys are kept KEY_RETENTION_HOURS. Without the header the request simply runs. (The key's two writes are
 * plain statements: committing them without a WAL flush cost more round trips than it saved.)
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
    // Claims the key, or takes over the same request's key that a dead request left IN_PROGRESS.
    const claimed = await this.dataSource.query(
      `INSERT INTO idempotency_keys (org_id, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (org_id, key) DO UPDATE SET created_at = now()
        WHERE idempotency_keys.state = 'IN_PROGRESS' AND idempotency_keys.request_hash = EXCLUDED.request_hash
          AND idempotency_keys.created_at < now() - make_interval(secs => $4)
       RETURNING 1`,
      [orgId, key, hash, STALE_AFTER_SECONDS],
    );
    if (claimed.length === 0) return replay(await this.awaitOutcome(orgId, key, hash));
    let outcome: StoredOutcome;
    try {
      outcome = { kind: 'ok', body: JSON.parse(JSON.stringify((await handle()) ?? null)) };
    } catch (error) {
      if (!(error instanceof DomainError) || error.status >= 500) {
        await this.dataSource.query(`DELETE FROM idempotency_keys WHERE org_id = $1 AND key = $2`, [orgId, key]);
        throw error;
      }
      outcome = { kind: 'error', code: error.code, message: error.message, details: error.details };
    }
    await this.dataSource.query(
      `UPDATE idempotency_keys SET state = 'DONE', response = $3 WHERE org_id = $1 AND key = $2`,
      [orgId, key, JSON.stringify(outcome)],
    );
    return replay(outcome);
  }

  /** The first request's outcome, once it has one. */
  private async awaitOutcome(orgId: string, key: string, hash: string): Promise<StoredOutcome> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const [row] = await this.dataSource.query<KeyRow[]>(
        `SELECT request_hash, state, response FROM idempotency_keys WHERE org_id = $1 AND key = $2`,
        [orgId, key],
      );
      // The first request failed unexpectedly and freed the key: this one may run instead.
      if (!row) throw new DomainError('IDEMPOTENCY_IN_PROGRESS', 'The first request with this key failed: retry');
      if (row.request_hash !== hash) {
        throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for a different request', {
          field: 'Idempotency-Key',
        });
      }
      if (row.state === 'DONE' && row.response) return row.response;
      if (Date.now() > deadline) {
        throw new DomainError('IDEMPOTENCY_IN_PROGRESS', 'A request with this Idempotency-Key is still running');
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}

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
