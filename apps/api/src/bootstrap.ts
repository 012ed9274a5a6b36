import fastifyMultipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { Logger } from 'nestjs-pino';
import { AllExceptionsFilter, createValidationPipe, ErrorResponseDto, validateEnv } from '@pilotlink/core';
import { ApiModule } from './api.module';

/**
 * Builds the HTTP app exactly as production runs it; the e2e tests call this too, so they exercise
 * the same pipes, filters, body limit and routes.
 */
export async function createApiApp(): Promise<NestFastifyApplication> {
  const env = validateEnv(process.env);
  const adapter = new FastifyAdapter({
    bodyLimit: env.BODY_LIMIT_BYTES,
    trustProxy: true,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) =>
      (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID(),
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(), adapter, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // Uploads (delivery reports); each route sets its own size limit when it reads the file.
  await app.register(fastifyMultipart, { limits: { fileSize: env.DELIVERABLE_MAX_BYTES, files: 1, fields: 10 } });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();
  setUpOpenApi(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

function setUpOpenApi(app: NestFastifyApplication): void {
  const config = new DocumentBuilder()
    .setTitle('PilotLink (中试通) API')
    .setDescription(
      'Pilot-test service marketplace for SMEs, platforms and bureaus. Every error answers the ErrorResponse ' +
        'envelope with a stable `code`. Money is integer fen (`…Fen`), ratios basis points (`…Bp`).',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ErrorResponseDto] });
  attachErrorEnvelope(document);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}

/** Every operation documents the shared error envelope as its default response. */
function attachErrorEnvelope(document: ReturnType<typeof SwaggerModule.createDocument>): void {
  const ref = { $ref: '#/components/schemas/ErrorResponseDto' };
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path)) {
      if (typeof operation !== 'object' || !operation || !('responses' in operation)) continue;
      operation.responses.default ??= {
        description: 'Error (see `code`)',
        content: { 'application/json': { schema: ref } },
      };
    }
  }
}
