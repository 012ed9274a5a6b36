import fastifyHelmet, { FastifyHelmetOptions } from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Logger } from 'nestjs-pino';
import {
  AllExceptionsFilter,
  createValidationPipe,
  ErrorResponseDto,
  InputSafetyPipe,
  validateEnv,
} from '@pilotlink/core';
import { ApiModule } from './api.module';
import { useDepthLimitedJsonParser } from './json-body';

/**
 * Builds the HTTP app exactly as production runs it; the e2e tests call this too, so they exercise
 * the same pipes, filters, body limit and routes.
 */
export async function createApiApp(): Promise<NestFastifyApplication> {
  const env = validateEnv(process.env);
  const adapter = new FastifyAdapter({
    bodyLimit: env.BODY_LIMIT_BYTES,
    trustProxy: trustProxySetting(env.TRUST_PROXY),
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) =>
      (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID(),
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(), adapter, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // Uploads (delivery reports); each route sets its own size limit when it reads the file.
  await app.register(fastifyMultipart, { limits: { fileSize: env.DELIVERABLE_MAX_BYTES, files: 1, fields: 10 } });
  await app.register(fastifyHelmet, securityHeaders(env.NODE_ENV === 'production'));
  await serveWebPortal(app);
  app.setGlobalPrefix('api');
  // Strings PostgreSQL cannot store, unsafe numbers, nulls and arrays where the DTO has none: before validation.
  app.useGlobalPipes(new InputSafetyPipe(), createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();
  // The API's documentation is a map for attackers too: off in production unless asked for.
  if ((env.API_DOCS ?? (env.NODE_ENV === 'production' ? 'off' : 'on')) === 'on') setUpOpenApi(app);
  await app.init();
  useDepthLimitedJsonParser(app.getHttpAdapter().getInstance());
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

/**
 * Security headers on every answer (portal, API, downloads): a strict CSP — scripts from this origin only,
 * no inline script; styles from this origin or carrying the per-response nonce (Ant Design's CSS-in-JS
 * reads it from index.html, see apps/web/src/main.tsx); inline style *attributes* stay allowed (React
 * and Ant Design set element styles) — plus nosniff, frame-ancestors 'none' / X-Frame-Options DENY,
 * Referrer-Policy no-referrer and HSTS.
 */
function securityHeaders(production: boolean): FastifyHelmetOptions {
  return {
    global: true,
    enableCSPNonces: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        styleSrcAttr: ["'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        scriptSrcAttr: ["'none'"],
        ...(production ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  };
}

/**
 * TRUST_PROXY → fastify's trustProxy: nothing trusted by default (X-Forwarded-For is ignored and the
 * socket's peer is the client), a hop count, or the proxies' addresses/CIDRs.
 */
export function trustProxySetting(value: string | undefined): boolean | number | string[] {
  const trimmed = value?.trim() ?? '';
  if (!trimmed) return false;
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  return trimmed.split(',').map((part) => part.trim());
}

/**
 * Where `vite build` put the portal (dist/web at the repository root): from the sources (ts-node, jest)
 * and from the compiled dist/apps/api/src alike.
 */
export function webDistDir(): string | null {
  const candidates = [resolve(__dirname, '../../../dist/web'), resolve(__dirname, '../../../web')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}

/**
 * The web portal at `/`: its built files, and index.html for every other GET outside /api (the
 * single-page app routes itself). Without a build the API runs alone and says so.
 */
async function serveWebPortal(app: NestFastifyApplication): Promise<void> {
  const root = webDistDir();
  if (!root) {
    new NestLogger('WebPortal').warn('dist/web/index.html not found: the portal is not served (run `npm run build`)');
    return;
  }
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: false,
    setHeaders: (res, path) => {
      res.header('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  // index.html carries this response's style nonce for Ant Design's CSS-in-JS (CSP, see securityHeaders).
  const indexHtml = readFileSync(join(root, 'index.html'), 'utf8');
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/*', (request, reply) => {
    if (request.url === '/api' || request.url.startsWith('/api/')) return reply.callNotFound();
    const nonce = reply.cspNonce.style;
    return reply
      .header('Cache-Control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(indexHtml.replace('</head>', `  <meta name="csp-nonce" content="${nonce}" />\n  </head>`));
  });
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
