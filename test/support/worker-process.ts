import { workerHeartbeatKey } from '@pilotlink/queue';
import Redis from 'ioredis';
import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { waitFor } from './notification-fixtures';

const root = path.resolve(__dirname, '..', '..');
/** Compiles the TypeScript sources on require, decorator metadata included (CI has no dist/). */
const REGISTER = path.join(root, 'scripts/lib/register-ts.js');
const ENTRY = path.join(root, 'apps/worker/src/main.ts');

/**
 * The real worker (apps/worker/src/main.ts, the entry production runs) as an OS process of its own,
 * against the test app's database, Redis prefix and indexes — so it can be killed like a crashed
 * process, SIGKILL and all, which a worker inside jest's process cannot be.
 */
export class WorkerProcess {
  private child?: ChildProcess;
  /** The last output of the process, quoted when it exits unexpectedly or never comes up. */
  private output = '';

  constructor(private readonly env: Record<string, string | undefined>) {}

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Throws (quoting its last output) if the process has exited. */
  assertRunning(): void {
    if (!this.running) {
      const { exitCode, signalCode } = this.child ?? {};
      throw new Error(`the worker process exited (${signalCode ?? `code ${exitCode}`}):\n${this.output}`);
    }
  }

  /** Its last output. */
  get lastOutput(): string {
    return this.output;
  }

  /** Starts the process; resolves once it has booted (its first heartbeat, written after start-up). */
  async start(): Promise<void> {
    if (this.running) throw new Error('the worker process is already running');
    const startedAt = Date.now();
    this.output = '';
    const child = spawn(process.execPath, ['-r', REGISTER, ENTRY], {
      cwd: root,
      env: { ...this.env, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const keep = (chunk: Buffer) => (this.output = (this.output + String(chunk)).slice(-4_000));
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    await waitFor(
      async () => {
        if (!this.running) throw new Error(`the worker process exited while starting:\n${this.output}`);
        return (await this.heartbeat()) >= startedAt;
      },
      'the worker process to start',
      60_000,
    );
  }

  /** SIGKILL, as a crash: no shutdown hook runs, jobs in flight stay active, the relay's batch rolls back. */
  async kill(): Promise<void> {
    await this.stop('SIGKILL');
  }

  /** SIGTERM, as an orderly stop (cleanup). */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }

  /** When the worker last wrote its heartbeat (ms since the epoch), 0 if never / expired. */
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
