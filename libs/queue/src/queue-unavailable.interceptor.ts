import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  HttpException,
  Injectable,
  NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import { ApiServiceUnavailableResponse } from '@nestjs/swagger';
import { DomainError, ErrorResponseDto } from '@pilotlink/core';
import { catchError, Observable, throwError, timeout, TimeoutError } from 'rxjs';

/** How long an admin route may wait for Redis: its commands otherwise queue until Redis is back. */
export const QUEUE_ROUTE_TIMEOUT_MS = 3_000;

function queueUnavailable(): DomainError {
  return new DomainError('QUEUE_UNAVAILABLE', 'The job queue (Redis) is unavailable; retry shortly');
}

/** ioredis/BullMQ errors that mean Redis cannot be reached (not a fault of the request). */
function isRedisDown(error: unknown): boolean {
  if (error instanceof DomainError || error instanceof HttpException) return false;
  const e = error as { name?: string; message?: string; code?: string };
  return (
    e?.name === 'MaxRetriesPerRequestError' ||
    ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT'].includes(String(e?.code)) ||
    /Connection is closed|Stream isn't writeable|enableOfflineQueue/.test(String(e?.message))
  );
}

/**
 * Routes that read or write the job queues (admin reindex, failed jobs) answer 503 QUEUE_UNAVAILABLE,
 * with Retry-After, when Redis does not answer within QUEUE_ROUTE_TIMEOUT_MS or refuses the connection
 * — instead of hanging until Redis is back, or a 500.
 */
@Injectable()
export class QueueUnavailableInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      timeout(QUEUE_ROUTE_TIMEOUT_MS),
      catchError((error: unknown) =>
        throwError(() => (error instanceof TimeoutError || isRedisDown(error) ? queueUnavailable() : error)),
      ),
    );
  }
}

/** Marks a controller or route that needs Redis (documented as its 503). */
export const NeedsQueue = () =>
  applyDecorators(
    UseInterceptors(QueueUnavailableInterceptor),
    ApiServiceUnavailableResponse({ type: ErrorResponseDto, description: 'QUEUE_UNAVAILABLE: Redis does not answer' }),
  );
