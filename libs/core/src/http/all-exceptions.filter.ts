import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseConnectionError } from '../errors/connection-error';
import { DomainError } from '../errors/domain-error';
import { ERROR_HTTP_STATUS, ErrorCode } from '../errors/error-codes';

interface Envelope {
  statusCode: number;
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
  requestId?: string;
}

/** Fastify's own errors (raised before Nest sees the request) mapped to our codes. */
const FASTIFY_ERRORS: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE', message: 'Request body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Unsupported content type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'MALFORMED_REQUEST', message: 'Invalid content length' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'MALFORMED_REQUEST', message: 'Body is empty but declared as JSON' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'MALFORMED_REQUEST', message: 'Body is not valid JSON' },
  // Our JSON parser's nesting cap (apps/api/src/json-body.ts).
  PL_JSON_TOO_DEEP: { code: 'MALFORMED_REQUEST', message: 'Body JSON is nested too deeply' },
};

const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'MALFORMED_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/** Seconds a client is asked to wait before retrying a 503 (the outage is usually a reconnect away). */
export const RETRY_AFTER_SECONDS = 2;

/**
 * Every error leaves as the SPEC §8 envelope. Internals (stack, SQL, driver messages) never reach
 * the client: an unexpected error is logged with the request id and answered as INTERNAL_ERROR.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger(AllExceptionsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const envelope = this.toEnvelope(exception);
    envelope.requestId = String(request.id);
    if (envelope.statusCode >= 500) {
      this.logger.error(
        { err: exception, requestId: request.id, path: request.url },
        exception instanceof Error ? exception.message : 'non-error thrown',
      );
    }
    // A rate limit says when to come back, in the standard header as well as in details.
    const retryAfter = (envelope.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    if (envelope.statusCode === 429 && typeof retryAfter === 'number') reply.header('Retry-After', String(retryAfter));
    // A 503 is retryable by definition: say when (RFC 9110 §10.2.3).
    if (envelope.statusCode === 503) void reply.header('Retry-After', String(RETRY_AFTER_SECONDS));
    void reply.status(envelope.statusCode).send(envelope);
  }

  private toEnvelope(exception: unknown): Envelope {
    if (exception instanceof DomainError) {
      return {
        statusCode: exception.status,
        code: exception.code,
        message: exception.message,
        details: exception.details,
      };
    }
    if (exception instanceof ThrottlerException) {
      return { statusCode: 429, code: 'RATE_LIMITED', message: 'Too many requests, slow down and retry later' };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const code = STATUS_CODES[statusCode] ?? (statusCode >= 500 ? 'INTERNAL_ERROR' : 'MALFORMED_REQUEST');
      return { statusCode, code, message: this.httpMessage(exception, statusCode) };
    }
    const fastifyCode = (exception as { code?: unknown })?.code;
    if (typeof fastifyCode === 'string' && FASTIFY_ERRORS[fastifyCode]) {
      const { code, message } = FASTIFY_ERRORS[fastifyCode];
      return { statusCode: ERROR_HTTP_STATUS[code], code, message };
    }
    if (exception instanceof SyntaxError && (exception as { statusCode?: number }).statusCode === 400) {
      return { statusCode: 400, code: 'MALFORMED_REQUEST', message: 'Body is not valid JSON' };
    }
    // The database connection died under a unit of work that could not be run again (withTransaction
    // retries those that died before COMMIT): nothing the client can fix, and retrying later is safe.
    if (isDatabaseConnectionError(exception)) {
      return {
        statusCode: 503,
        code: 'DATABASE_UNAVAILABLE',
        message: 'The database is briefly unavailable; retry shortly',
      };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, code: 'INTERNAL_ERROR', message: 'Internal error' };
  }

  private httpMessage(exception: HttpException, statusCode: number): string {
    if (statusCode === 404) return 'Route not found';
    if (statusCode >= 500) return 'Internal error';
    const response = exception.getResponse();
    const message = typeof response === 'object' && response ? (response as { message?: unknown }).message : response;
    return typeof message === 'string' ? message : exception.message;
  }
}
