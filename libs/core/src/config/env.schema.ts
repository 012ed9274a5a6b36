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
  @Matches(/^[a-zA-Z0-9_:-]+$/, { message: 'QUEUE_PREFIX may hold letters, digits, _ : -' })
  QUEUE_PREFIX = 'pilotlink';

  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  MEILI_URL = 'http://127.0.0.1:7700';

  @IsString()
  @MinLength(16)
  MEILI_MASTER_KEY = 'pilotlink-local-master-key-0001';

  @IsString()
  @Matches(/^[a-z0-9_]*$/, { message: 'MEILI_INDEX_PREFIX may hold lowercase letters, digits and _' })
  MEILI_INDEX_PREFIX = 'pl_';

  @IsString()
  @MinLength(32)
  JWT_SECRET = 'pilotlink-local-development-jwt-secret-change-me';

  @Transform(toInt)
  @IsInt()
  @Min(30)
  @Max(86400)
  JWT_ACCESS_TTL_SECONDS = 900;

  @Transform(toInt)
  @IsInt()
  @Min(3600)
  REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 3600;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT = 10;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  AUTH_RATE_LIMIT = 60;

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(50 * 1024 * 1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Where delivery files are kept (the local-disk file store); relative to the working directory. */
  @IsString()
  FILE_STORAGE_DIR = '.data/files';

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(200 * 1024 * 1024)
  DELIVERABLE_MAX_BYTES = 20 * 1024 * 1024;

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
  if (env.NODE_ENV === 'production' && env.JWT_SECRET === new EnvironmentVariables().JWT_SECRET) {
    throw new Error('Invalid configuration:\n  JWT_SECRET: set your own secret in production');
  }
  return env;
}

/** An empty variable (`PORT=`) means "use the default", as people expect from shell env files. */
function stripEmpty(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== ''));
}
