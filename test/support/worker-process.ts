import { workerHeartbeatKey } from '@pilotlink/queue';
import Redis from 'ioredis';
import { ServiceProcess } from './service-process';

/**
 * The real worker (apps/worker/src/main.ts) as an OS process of its own; booted once it has written
 * its Redis heartbeat (written after start-up).
 */
export class WorkerProcess extends ServiceProcess {
  constructor(env: Record<string, string | undefined>) {
    super('worker', env);
  }

  protected async ready(startedAt: number): Promise<boolean> {
    return (await this.heartbeat()) >= startedAt;
  }

  /** When a worker of this prefix last wrote its heartbeat (ms since the epoch), 0 if never / expired. */
  private async heartbeat(): Promise<number> {
    const redis = new Redis(this.env.REDIS_URL!, { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await redis.connect();
      return Number((await redis.get(workerHeartbeatKey(this.env.QUEUE_PREFIX!))) ?? 0);
    } finally {
      redis.disconnect();
    }
  }
}
