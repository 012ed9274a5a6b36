import { ExecutionContext, Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerModuleOptions, ThrottlerRequest } from '@nestjs/throttler';
import { AppConfig, DomainError } from '@pilotlink/core';
import Redis from 'ioredis';
import { IS_PUBLIC } from '@pilotlink/core';

/**
 * Named throttlers, all counted in Redis so every API process shares them (a limit per process would
 * multiply by the number of processes):
 * - `login`: attempts per account, from every address together (rotating addresses gains nothing);
 * - `loginAddress`: login attempts per client address, for every account together (password spraying);
 * - `auth`: sign-ups, refreshes and logouts per address;
 * - `public`: anonymous reads (search, catalogue, public notices) per address;
 * - `objection`: objections (异议) to a claim on public notice, per address per hour — its own bucket, so a
 *   flood of objections never blocks sign-ups, and sign-ups never use up the objections.
 * The client address is the socket's peer unless TRUST_PROXY says which proxies to believe.
 */
export const THROTTLERS = ['login', 'loginAddress', 'auth', 'public', 'objection'] as const;
export type ThrottlerName = (typeof THROTTLERS)[number];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function emailOf(req: Record<string, unknown>): string {
  const body = req.body as { email?: unknown } | undefined;
  return typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
}

export function throttlerOptions(config: AppConfig): ThrottlerModuleOptions {
  const prefix = `${config.get('QUEUE_PREFIX', { infer: true })}:throttle`;
  // One bucket per throttler and tracker (not per route): the public limit covers every anonymous route.
  const generateKey = (_ctx: ExecutionContext, tracker: string, name: string) => `${prefix}:${name}:${tracker}`;
  const byAddress = (req: Record<string, unknown>) => Promise.resolve(String(req.ip));
  return {
    throttlers: [
      {
        name: 'login',
        ttl: MINUTE,
        limit: config.get('LOGIN_RATE_LIMIT', { infer: true }),
        getTracker: (req) => Promise.resolve(emailOf(req) || `ip:${String(req.ip)}`),
        generateKey,
      },
      {
        name: 'loginAddress',
        ttl: MINUTE,
        limit: config.get('LOGIN_ADDRESS_RATE_LIMIT', { infer: true }),
        getTracker: byAddress,
        generateKey,
      },
      {
        name: 'auth',
        ttl: MINUTE,
        limit: config.get('AUTH_RATE_LIMIT', { infer: true }),
        getTracker: byAddress,
        generateKey,
      },
      {
        name: 'public',
        ttl: MINUTE,
        limit: config.get('PUBLIC_RATE_LIMIT', { infer: true }),
        getTracker: byAddress,
        generateKey,
      },
      {
        name: 'objection',
        ttl: HOUR,
        limit: config.get('OBJECTION_RATE_LIMIT', { infer: true }),
        getTracker: byAddress,
        generateKey,
      },
    ],
    storage: new ThrottlerStorageRedisService(config.get('REDIS_URL', { infer: true }), { maxRetriesPerRequest: 2 }),
  };
}

/** 429 RATE_LIMITED with a standard Retry-After header and the moment to retry in `details`. */
export function rateLimited(retryAfterSeconds: number): DomainError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new DomainError('RATE_LIMITED', `Too many attempts; retry in ${seconds} s`, {
    retryAfterSeconds: seconds,
    retryAt: new Date(Date.now() + seconds * 1000).toISOString(),
  });
}

function setRetryAfter(context: ExecutionContext, seconds: number): void {
  const reply = context.switchToHttp().getResponse<{ header(name: string, value: string): unknown }>();
  reply.header('Retry-After', String(Math.max(1, Math.ceil(seconds))));
}

abstract class PilotLinkThrottlerGuard extends ThrottlerGuard {
  /** The throttlers this guard applies (others are another guard's business). */
  protected abstract applies(name: ThrottlerName, context: ExecutionContext): boolean;

  protected override async handleRequest(props: ThrottlerRequest): Promise<boolean> {
    if (!this.applies(props.throttler.name as ThrottlerName, props.context)) return true;
    return super.handleRequest(props);
  }

  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    setRetryAfter(context, detail.timeToBlockExpire);
    throw rateLimited(detail.timeToBlockExpire);
  }
}

/** On the auth routes: `login` + `loginAddress` for logins, `auth` for the rest (see @SkipThrottle there). */
@Injectable()
export class AuthThrottlerGuard extends PilotLinkThrottlerGuard {
  protected applies(name: ThrottlerName): boolean {
    return name !== 'public' && name !== 'objection';
  }
}

/** On the public objection route (异议): `objection` only, per address per hour. */
@Injectable()
export class ObjectionThrottlerGuard extends PilotLinkThrottlerGuard {
  protected applies(name: ThrottlerName): boolean {
    return name === 'objection';
  }
}

/** Global: every anonymous (@Public) route outside /auth counts against `public`. */
@Injectable()
export class PublicThrottlerGuard extends PilotLinkThrottlerGuard {
  protected applies(name: ThrottlerName, context: ExecutionContext): boolean {
    if (name !== 'public') return false;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    const path = context.switchToHttp().getRequest<{ url?: string }>().url ?? '';
    const own = ['/api/auth/', '/api/health', '/api/metrics'].some((p) => path.startsWith(p));
    return Boolean(isPublic) && !own;
  }
}

/** The lock after `failures` failed logins: none below the threshold, then 1 min, 2, 4, … up to a day. */
export function lockDurationMs(failures: number, threshold: number): number {
  if (failures < threshold) return 0;
  return Math.min(MINUTE * 2 ** Math.min(failures - threshold, 20), 24 * 3600_000);
}

/**
 * The slower curve per account: after LOGIN_LOCKOUT_THRESHOLD failed logins (counted for a day, reset by a
 * success) the account is locked for a minute, doubling with each further failure up to a day.
 */
@Injectable()
export class LoginLockoutService implements OnModuleDestroy {
  private readonly redis: Redis;
  private readonly prefix: string;

  constructor(@Inject(ConfigService) private readonly config: AppConfig) {
    this.redis = new Redis(config.get('REDIS_URL', { infer: true }), { maxRetriesPerRequest: 2 });
    this.prefix = `${config.get('QUEUE_PREFIX', { infer: true })}:lockout`;
  }

  /** Throws 429 while the account is locked. */
  async assertNotLocked(email: string): Promise<void> {
    const ms = await this.redis.pttl(`${this.prefix}:lock:${email}`);
    if (ms > 0) throw rateLimited(ms / 1000);
  }

  async recordFailure(email: string): Promise<void> {
    const failuresKey = `${this.prefix}:failures:${email}`;
    const [[, failures]] = (await this.redis
      .multi()
      .incr(failuresKey)
      .pexpire(failuresKey, 24 * 3600_000)
      .exec()) as [[Error | null, number]];
    const threshold = this.config.get('LOGIN_LOCKOUT_THRESHOLD', { infer: true });
    if (failures < threshold) return;
    const lockMs = lockDurationMs(failures, threshold);
    await this.redis.set(`${this.prefix}:lock:${email}`, '1', 'PX', lockMs);
  }

  async reset(email: string): Promise<void> {
    await this.redis.del(`${this.prefix}:failures:${email}`);
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
