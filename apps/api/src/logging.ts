import { RequestMethod } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '@pilotlink/core';

/** Structured JSON logs (pino); one line per request with its id, secrets redacted. */
export function loggerModule() {
  return LoggerModule.forRootAsync({
    inject: [ConfigService],
    useFactory: (config: AppConfig) => ({
      // Named wildcard: path-to-regexp v8 (NestJS 11) no longer accepts a bare '*'.
      forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
      pinoHttp: {
        level: config.get('LOG_LEVEL', { infer: true }),
        // Fastify assigns request ids; pino-http then reuses them (see genReqId in bootstrap).
        genReqId: (req: { id?: unknown }) => (req.id as string) ?? randomUUID(),
        redact: ['req.headers.authorization', 'req.headers.cookie', 'req.body.password', 'req.body.refreshToken'],
        autoLogging: { ignore: (req: { url?: string }) => req.url === '/api/health' },
      },
    }),
  });
}
