import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { waitFor } from './notification-fixtures';

const root = path.resolve(__dirname, '..', '..');
/** Compiles the TypeScript sources on require, decorator metadata included (CI has no dist/). */
const REGISTER = path.join(root, 'scripts/lib/register-ts.js');

/**
 * One of PilotLink's real entry points (apps/<app>/src/main.ts, what production runs) as an OS process of
 * its own, against the test app's database, Redis prefix and indexes — so it can be killed like a crashed
 * process, SIGKILL and all, and several can run side by side like replicas behind a load balancer.
 * Subclasses say what "booted" means (`ready`).
 */
export abstract class ServiceProcess {
  private child?: ChildProcess;
  /** The last output of the process, quoted when it exits unexpectedly or never comes up. */
  private output = '';

  constructor(
    /** `api` or `worker`: the app whose main.ts runs. */
    private readonly app: string,
    protected readonly env: Record<string, string | undefined>,
  ) {}

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
      throw new Error(`the ${this.app} process exited (${signalCode ?? `code ${exitCode}`}):\n${this.output}`);
    }
  }

  /** Its last output. */
  get lastOutput(): string {
    return this.output;
  }

  /** Starts the process; resolves once it has booted (see `ready`). */
  async start(): Promise<void> {
    if (this.running) throw new Error(`the ${this.app} process is already running`);
    const startedAt = Date.now();
    this.output = '';
    const child = spawn(process.execPath, ['-r', REGISTER, path.join(root, `apps/${this.app}/src/main.ts`)], {
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
        if (!this.running) throw new Error(`the ${this.app} process exited while starting:\n${this.output}`);
        return this.ready(startedAt);
      },
      `the ${this.app} process to start`,
      // Each process compiles the sources as it loads them: four booting at once on CI's two busy cores take a while.
      120_000,
    );
  }

  /** SIGKILL, as a crash: no shutdown hook runs, its sockets close, its open transactions roll back. */
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

  /** Whether the process started at `startedAt` (ms since the epoch) has booted. */
  protected abstract ready(startedAt: number): Promise<boolean>;
}
