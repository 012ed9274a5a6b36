import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { ServiceProcess } from './service-process';

/**
 * The real API (apps/api/src/main.ts) as an OS process of its own, listening on a free port; booted once
 * its health endpoint answers (with any status: the health of PostgreSQL, Redis, Meilisearch and the
 * worker is what it reports, not whether this process is up).
 */
export class ApiProcess extends ServiceProcess {
  private port = 0;

  constructor(env: Record<string, string | undefined>) {
    super('api', env);
  }

  /** Picks a free port, then starts the process on it. */
  override async start(): Promise<void> {
    this.port = await freePort();
    this.env.PORT = String(this.port);
    await super.start();
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** A supertest agent on this process, as `TestApp.http` is on the in-process app. */
  get http(): TestAgent {
    return request(this.url);
  }

  protected async ready(): Promise<boolean> {
    try {
      await fetch(`${this.url}/api/health`, { signal: AbortSignal.timeout(5_000) });
      return true;
    } catch {
      return false; // not listening yet
    }
  }
}

/** A port nothing listens on (on every address, as the API binds 0.0.0.0). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
