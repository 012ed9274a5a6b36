import { createPrivilegedOrg, createTestApp, RegisteredOrg, TestApp } from '@pilotlink/testing';
import { ChildProcess, spawn } from 'node:child_process';
import { freePort, waitFor } from '../support/notification-fixtures';
import { VoucherWorld, voucherTestEnv } from '../support/voucher-fixtures';

/** A redis-server of this suite's own, without persistence: a restart comes back empty. */
class RedisServer {
  private child?: ChildProcess;
  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(): Promise<void> {
    if (this.running) return;
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    this.child = child;
    await waitFor(
      () =>
        new Promise<boolean>((resolve) => {
          const probe = spawn('redis-cli', ['-p', String(this.port), 'ping'], { stdio: ['ignore', 'pipe', 'ignore'] });
          let out = '';
          probe.stdout.on('data', (chunk) => (out += String(chunk)));
          probe.on('exit', () => resolve(out.trim() === 'PONG'));
        }),
      'redis-server to answer',
    );
  }

  /** SIGKILL, as a crash: whatever it held in memory is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
}

/**
 * Fault trial (issue 14 (b)): the suite's own Redis killed, and restarted EMPTY, while orders are placed.
 * Every write is acknowledged (none needs Redis), and every notification is delivered exactly once: the
 * outbox holds what Redis lost, and the relay's sweeper queues again what was queued but never ran.
 */
describe('fault trial: Redis killed and restarted empty during a burst', () => {
  let redis: RedisServer;
  let t: TestApp;
  let w: VoucherWorld;
  let operator: RegisteredOrg;
  let serviceId: string;

  beforeAll(async () => {
    redis = new RedisServer(await freePort());
    await redis.start();
    t = await createTestApp({ env: { ...voucherTestEnv(), REDIS_URL: redis.url } });
    w = await new VoucherWorld(t).init();
    let platformId: string;
    ({ operator, platformId } = await w.listedPlatform());
    serviceId = await w.fixedService(operator, platformId, 100_000);
    await t.startWorker();
  });
  afterAll(async () => {
    await redis.start().catch(() => undefined);
    await t.close();
    await redis.kill();
  });

  it('every acknowledged order notifies its platform exactly once', async () => {
    const sme = await w.verifiedSme();
    const place = () => w.http.post('/api/orders').set(sme.auth).send({ serviceId, note: '样品 3 批' });
    const first = await Promise.all(Array.from({ length: 15 }, place));
    // Redis crashes mid-stream; orders keep coming while it is down…
    const burst = Array.from({ length: 15 }, place);
    await redis.kill();
    const during = await Promise.all(burst);
    const down = await Promise.all(Array.from({ length: 10 }, place));
    // …and it comes back empty.
    await redis.start();
    const restartedAt = Date.now();
    const answers = [...first, ...during, ...down];

    const acknowledged = answers.filter((r) => r.status === 201).map((r) => r.body.id as string);
    expect(answers.filter((r) => r.status !== 201).map((r) => [r.status, r.body.code])).toEqual([]);
    const present: { n: number }[] = await t.db.query(`SELECT count(*)::int AS n FROM orders WHERE id = ANY($1)`, [
      acknowledged,
    ]);
    await waitFor(
      async () => {
        const [row] = await t.db.query(
          `SELECT count(*)::int AS n FROM outbox
            WHERE event_type = 'order.requested' AND aggregate_id = ANY($1) AND dispatched_at IS NOT NULL`,
          [acknowledged],
        );
        return row.n === acknowledged.length;
      },
      'every order event to be dispatched',
      90_000,
    );
    const catchUpSeconds = (Date.now() - restartedAt) / 1000;
    const inbox: { subject_id: string; n: number }[] = await t.db.query(
      `SELECT subject_id, count(*)::int AS n FROM notifications
        WHERE recipient_org_id = $1 AND event_type = 'order.requested' AND subject_id = ANY($2) GROUP BY subject_id`,
      [operator.orgId, acknowledged],
    );
    const duplicated = inbox.filter((row) => row.n > 1).length;
    process.stdout.write(
      `fault (b) Redis: ${acknowledged.length}/${answers.length} acknowledged, ${present[0].n} present, ` +
        `${inbox.length} notified, ${duplicated} duplicated, caught up ${catchUpSeconds.toFixed(1)} s after restart\n`,
    );
    expect(present[0].n).toBe(acknowledged.length);
    expect(inbox).toHaveLength(acknowledged.length);
    expect(duplicated).toBe(0);
  });
});

/** Admin routes that need Redis, while the suite's own Redis is down (the API alone, no worker). */
describe('fault trial: admin routes while Redis is down', () => {
  let redis: RedisServer;
  let t: TestApp;

  beforeAll(async () => {
    redis = new RedisServer(await freePort());
    await redis.start();
    t = await createTestApp({ env: { REDIS_URL: redis.url } });
  });
  afterAll(async () => {
    await redis.start();
    await t.close();
    await redis.kill();
  });

  it('admin routes that need Redis answer 503 QUEUE_UNAVAILABLE with Retry-After while it is down', async () => {
    const admin = await createPrivilegedOrg(t, 'ADMIN', '350000');
    await redis.kill();
    try {
      const started = Date.now();
      const res = await t.http.post('/api/admin/search/reindex').set(admin.auth);
      expect([res.status, res.body.code]).toEqual([503, 'QUEUE_UNAVAILABLE']);
      expect(res.headers['retry-after']).toMatch(/^\d+$/);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await redis.start();
    }
  });
});
