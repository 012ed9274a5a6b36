import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/**
 * Every setting the processes read, with a default that works against the local stack
 * (`npm start` needs no configuration). Validated once at boot: a bad value stops start-up
 * with the variable named.
 */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @IsString()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/pilotlink';

  @IsString()
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @IsString()
  // One `{hash tag}` may wrap it (`{pilotlink}`): on a Redis Cluster every key of a BullMQ queue must hash to
  // one slot (docs/scaling.md).
  @Matches(/^(?=.*[a-zA-Z0-9_:-])[a-zA-Z0-9_:-]*(\{[a-zA-Z0-9_:-]+\})?[a-zA-Z0-9_:-]*$/, {
    message: 'QUEUE_PREFIX may hold letters, digits, _ : - and one {hash tag}',
  })
  QUEUE_PREFIX = 'pilotlink';

  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  MEILI_URL = 'http://127.0.0.1:7700';

  @IsString()
  @MinLength(16)
  MEILI_MASTER_KEY = 'pilotlink-local-master-key-0001';

  /**
   * The key this process talks to Meilisearch with: a search-only key for the API, an admin key for the
   * worker (both made from the master key by `cli.js meili:keys`). Unset: the master key (development).
   * Production requires it, so the master key only ever creates keys.
   */
  @IsOptional()
  @IsString()
  @MinLength(16)
  MEILI_API_KEY?: string;

  @IsString()
  @Matches(/^[a-z0-9_]*$/, { message: 'MEILI_INDEX_PREFIX may hold lowercase letters, digits and _' })
  MEILI_INDEX_PREFIX = 'pl_';

  @IsString()
  @MinLength(32)
  JWT_SECRET = 'pilotlink-local-development-jwt-secret-change-me';

  /** Pepper of the team leaders' resident-ID hashes (HMAC-SHA256), at least 32 bytes; not the JWT secret. */
  @IsString()
  @MinLength(32)
  TEAM_ID_PEPPER = 'pilotlink-local-development-team-id-pepper';

  @Transform(toInt)
  @IsInt()
  @Min(30)
  @Max(86400)
  JWT_ACCESS_TTL_SECONDS = 900;

  @Transform(toInt)
  @IsInt()
  @Min(3600)
  REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 3600;

  /**
   * Which proxies' X-Forwarded-For to believe for the client address: empty (none, the default: the
   * socket's peer is the client), a hop count (`1` behind one proxy), or a comma-separated list of
   * addresses/CIDRs of the proxies (`10.0.0.0/8,127.0.0.1`). Never `true`: anyone could pick their address.
   */
  @IsOptional()
  @IsString()
  @Matches(/^(\d{1,2}|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)?$/, {
    message: 'TRUST_PROXY must be empty, a hop count, or a comma-separated list of addresses/CIDRs',
  })
  TRUST_PROXY?: string;

  /** Wrong passwords per account per minute, from all addresses together. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT = 10;

  /** Login attempts per client address per minute, for all accounts together (password spraying). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_ADDRESS_RATE_LIMIT = 30;

  /** Failed logins of one account before it is locked for a while; each further failure doubles the lock. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_LOCKOUT_THRESHOLD = 20;

  /** Sign-ups, refreshes and logouts per address per minute. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  AUTH_RATE_LIMIT = 60;

  /** Anonymous reads (search, public notices) per address per minute. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  PUBLIC_RATE_LIMIT = 300;

  /** Objections (异议) to claims on public notice per client address per hour (a public form, no login). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  OBJECTION_RATE_LIMIT = 10;

  /**
   * Bearer token for GET /api/metrics. Unset: metrics are open in development and test, and off (404)
   * in production.
   */
  @IsOptional()
  @IsString()
  @MinLength(32)
  METRICS_TOKEN?: string;

  /** Swagger UI and JSON at /api/docs: on by default, except in production. */
  @IsOptional()
  @IsIn(['on', 'off'])
  API_DOCS?: 'on' | 'off';

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(50 * 1024 * 1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Where uploaded files are kept (the local-disk file store); relative to the working directory. */
  @IsString()
  FILE_STORAGE_DIR = '.data/files';

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(200 * 1024 * 1024)
  DELIVERABLE_MAX_BYTES = 20 * 1024 * 1024;

  /** Largest qualification certificate scan (PDF/JPG/PNG) a platform may upload. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(200 * 1024 * 1024)
  CERTIFICATE_MAX_BYTES = 10 * 1024 * 1024;

  @IsOptional()
  @IsString()
  PUBLIC_URL?: string;

  /** Delivery attempts per webhook notification (the first one included) before the job is kept as failed. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  WEBHOOK_ATTEMPTS = 8;

  /** Base delay of the exponential backoff between webhook attempts (delay × 2^(n-1)). */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  WEBHOOK_BACKOFF_MS = 10_000;

  /** How long one webhook POST may take before it counts as failed. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60_000)
  WEBHOOK_TIMEOUT_MS = 10_000;

  /**
   * Tests only: comma-separated `host` or `host:port` webhook URLs may use although they are loopback or
   * private (the local test receivers). Production refuses it.
   */
  @IsOptional()
  @IsString()
  WEBHOOK_ALLOWED_HOSTS?: string;
}

export type Env = EnvironmentVariables;

/** `ConfigModule.forRoot({ validate })` hook: coerces types and fails naming every bad variable. */
export function validateEnv(raw: Record<string, unknown>): EnvironmentVariables {
  const env = plainToInstance(EnvironmentVariables, stripEmpty(raw), { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new Error(`Invalid configuration (see .env.example):\n${lines.join('\n')}`);
  }
  if (env.NODE_ENV === 'production') {
    const problems = productionProblems(env);
    if (problems.length) throw new Error(`Invalid configuration (production):\n${problems.join('\n')}`);
  }
  return env;
}

/** Secrets anyone can read in this repository (defaults, examples, the old compose placeholder). */
export const KNOWN_DEFAULT_SECRETS: ReadonlySet<string> = new Set([
  new EnvironmentVariables().JWT_SECRET,
  new EnvironmentVariables().TEAM_ID_PEPPER,
  new EnvironmentVariables().MEILI_MASTER_KEY,
  'compose-placeholder-jwt-secret-change-me',
  'bench-only-secret-bench-only-secret-0001',
]);

/** A secret is weak when it is short (< 32 bytes), a known default, or one character repeated. */
export function weakSecret(value: string | undefined): string | null {
  if (!value) return 'is not set';
  if (Buffer.byteLength(value, 'utf8') < 32) return 'must be at least 32 bytes';
  if (KNOWN_DEFAULT_SECRETS.has(value) || /change[-_]?me/i.test(value)) return 'is a published default';
  if (new Set(value).size < 8) return 'is too repetitive';
  return null;
}

/**
 * Production refuses what would make a fresh install public: default or short secrets, the Meilisearch
 * master key in everyday use, and the test-only webhook allow-list.
 */
function productionProblems(env: EnvironmentVariables): string[] {
  const problems: string[] = [];
  for (const name of ['JWT_SECRET', 'TEAM_ID_PEPPER'] as const) {
    const weak = weakSecret(env[name]);
    if (weak) problems.push(`  ${name}: ${weak}; set your own secret in production (openssl rand -base64 48)`);
  }
  if (env.TEAM_ID_PEPPER === env.JWT_SECRET) problems.push('  TEAM_ID_PEPPER: must differ from JWT_SECRET');
  if (!env.MEILI_API_KEY) {
    problems.push('  MEILI_API_KEY: required in production (a key made by `cli.js meili:keys`, not the master key)');
  } else if (env.MEILI_API_KEY === env.MEILI_MASTER_KEY) {
    problems.push('  MEILI_API_KEY: must not be the master key');
  }
  if (env.WEBHOOK_ALLOWED_HOSTS?.trim()) {
    problems.push('  WEBHOOK_ALLOWED_HOSTS: a test-only allow-list of private webhook hosts; leave it empty');
  }
  if (env.METRICS_TOKEN && weakSecret(env.METRICS_TOKEN)) {
    problems.push(`  METRICS_TOKEN: ${weakSecret(env.METRICS_TOKEN)}`);
  }
  return problems;
}

/** An empty variable (`PORT=`) means "use the default", as people expect from shell env files. */
function stripEmpty(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== ''));
}
