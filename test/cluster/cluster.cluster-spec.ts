import { AuthService } from '@pilotlink/identity';
import { OUTBOX_RELAY_LOCK_KEY, QUEUES } from '@pilotlink/queue';
import { createPrivilegedOrg, makeUscc, RegisteredOrg, registerOrg, TEST_PASSWORD, TestApp } from '@pilotlink/testing';
import { withTransaction } from '@pilotlink/database';
import { verifyLedger } from '@pilotlink/voucher/ledger/ledger-verifier';
import { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { MAINTENANCE_SCHEDULES } from '../../apps/worker/src/schedulers/maintenance.scheduler';
import { ApiProcess } from '../support/api-process';
import { Cluster, startCluster } from '../support/cluster';
import { listedPlatformWithService, waitFor } from '../support/notification-fixtures';
import { indexUid, meiliOf } from '../support/search-fixtures';
import { VoucherWorld, voucherTestEnv } from '../support/voucher-fixtures';
import { WorkerProcess } from '../support/worker-process';

/** How long the relay may be without a leader once its leader died (issue 22). */
const RELAY_FAILOVER_MS = 10_000;
/** Demands published at once across both APIs in the burst. */
const BURST = 24;
/** Ticks of the sped-up scheduler watched with both workers running. */
const TICKS = 6;
const TICK_MS = 500;

/**
 * Many processes, one truth (issue 22): two API and two worker processes — the real entry points, as
 * replicas behind a load balancer — on one PostgreSQL, Redis and Meilisearch. Nothing may assume it is
 * the only process: throttle counters, money, notifications, scheduled jobs and the outbox relay's
 * leadership live in PostgreSQL or Redis, and a crashed relay leader is replaced by the other worker.
 */
describe('cluster: two API and two worker processes on one stack', () => {
  let cluster: Cluster;
  let t: TestApp;
  let apis: ApiProcess[];
  let workers: WorkerProcess[];
  let bureau: RegisteredOrg;
  let sme: RegisteredOrg;
  const operators: RegisteredOrg[] = [];
  /** The relay leader the failover test kills (not expected to run after it). */
  let killedWorker: WorkerProcess | undefined;

  beforeAll(async () => {
    const started = Date.now();
    cluster = await startCluster({ env: voucherTestEnv() });
    ({ t, apis, workers } = cluster);
    process.stdout.write(`cluster: 2 API + 2 worker processes up in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    bureau = await createPrivilegedOrg(t, 'BUREAU', '350500');
    sme = await registerOrg(t.http, { name: '晋江陶瓷科技有限公司' });
    await t.http.post(`/api/orgs/${sme.orgId}/verify`).set(bureau.auth).expect(200);
    for (const name of ['陶瓷材料研究院', '先进陶瓷中试基地']) {
      const operator = await registerOrg(t.http, { kind: 'PLATFORM_OPERATOR', name });
      await t.http.post(`/api/orgs/${operator.orgId}/verify`).set(bureau.auth).expect(200);
      await listedPlatformWithService(t, operator, bureau, {
        title: `${name}陶瓷基板烧结中试`,
        description: '陶瓷基板 流延成型 烧结 中试放大',
        fieldCodes: ['MATERIALS_CERAMICS'],
        category: 'SCALE_UP',
      });
      // Subscribed to the field: told of every demand, however matching ranks it.
      await t.http
        .post('/api/subscriptions')
        .set(operator.auth)
        .send({ fieldCodes: ['MATERIALS'] })
        .expect(201);
      operators.push(operator);
    }
  }, 240_000);
  afterAll(async () => {
    await cluster?.close();
  });
  afterEach(() => {
    for (const p of [...apis, ...workers.filter((w) => w !== killedWorker)]) p.assertRunning();
  });

  /** The API process that serves request `i` of a burst: round robin, as a load balancer would. */
  const api = (i: number) => apis[i % apis.length];

  it('throttles are shared: wrong logins alternating between the APIs meet the per-account limit at the combined count', async () => {
    const victim = await registerOrg(t.http);
    const statuses: number[] = [];
    // LOGIN_RATE_LIMIT is 10 per account and minute; counted per process, 12 attempts over two APIs would all pass.
    for (let i = 0; i < 12; i++) {
      const res = await api(i)
        .http.post('/api/auth/login')
        .send({ email: victim.email, password: `wrong-${i}-pw` });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([...Array(10).fill(401), 429, 429]);
    // Both processes now refuse the account, the right password included.
    for (const each of apis) {
      const res = await each.http.post('/api/auth/login').send({ email: victim.email, password: TEST_PASSWORD });
      expect([res.status, res.body.code]).toEqual([429, 'RATE_LIMITED']);
    }
  });

  /** Creates and publishes a demand through `via`; its id. */
  async function publishDemand(via: ApiProcess, title: string): Promise<string> {
    const created = await via.http.post('/api/demands').set(sme.auth).send({
      title,
      description: '氧化铝陶瓷基板流延成型与烧结工艺验证',
      fieldCode: 'MATERIALS_CERAMICS',
      stage: 'PILOT',
      mode: 'OPEN',
      confidentiality: 'PUBLIC',
    });
    if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`);
    const published = await via.http.post(`/api/demands/${created.body.id}/publish`).set(sme.auth);
    if (published.status !== 200) throw new Error(`publish: ${published.status} ${JSON.stringify(published.body)}`);
    return created.body.id as string;
  }

  /** Outbox rows not yet relayed, or notifying events relayed but not yet dispatched. */
  const backlog = async () => {
    const [row] = await t.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM outbox WHERE processed_at IS NULL OR (queued_at IS NOT NULL AND dispatched_at IS NULL)`,
    );
    return row.n;
  };

  /** The demands' notifications in the inbox: one row per recipient and demand, with how many there are. */
  const inbox = (demandIds: string[]) =>
    t.db.query<{ recipient_org_id: string; subject_id: string; n: number }[]>(
      `SELECT recipient_org_id, subject_id, count(*)::int AS n FROM notifications
        WHERE event_type = 'demand.published' AND subject_id = ANY($1::uuid[]) GROUP BY recipient_org_id, subject_id`,
      [demandIds],
    );

  /** Every (recipient, demand) pair told exactly once, and nobody else told. */
  async function expectEachToldOnce(demandIds: string[]): Promise<void> {
    const rows = await inbox(demandIds);
    expect(rows.filter((row) => row.n !== 1)).toEqual([]);
    const got = rows.map((row) => `${row.recipient_org_id} ${row.subject_id}`).sort();
    const want = demandIds.flatMap((id) => operators.map((o) => `${o.orgId} ${id}`)).sort();
    expect(got).toEqual(want);
  }

  it(`a burst of ${BURST} publishes across both APIs notifies each recipient exactly once`, async () => {
    const demandIds = await Promise.all(
      Array.from({ length: BURST }, (_, i) => publishDemand(api(i), `陶瓷基板中试需求 突发-${i}`)),
    );
    const wanted = BURST * operators.length;
    await waitFor(async () => (await inbox(demandIds)).length >= wanted, 'every notification of the burst', 60_000);
    await waitFor(async () => (await backlog()) === 0, 'every outbox row relayed and dispatched', 60_000);
    await expectEachToldOnce(demandIds);
  });

  it('two workers booting register each maintenance schedule once; a sped-up schedule runs once per tick', async () => {
    const queue = new Queue(QUEUES.MAINTENANCE, {
      connection: { url: process.env.REDIS_URL },
      prefix: t.env.QUEUE_PREFIX,
    });
    try {
      const names = Object.keys(MAINTENANCE_SCHEDULES).sort();
      const schedulers = await queue.getJobSchedulers(0, -1);
      expect(schedulers.map((s) => s.key).sort()).toEqual(names);
      // One next tick queued per schedule (two workers registering their own would queue two).
      const nextTicks = (await queue.getDelayed()).filter((job) => job.repeatJobKey);
      expect(nextTicks.map((job) => job.repeatJobKey).sort()).toEqual(names);

      // One schedule sped up (the same scheduler id the workers registered, the real job and processor):
      // each tick is a job with the tick's time in its id, and the queue's event stream records each run.
      const name = 'prune-idempotency-keys';
      const since = Date.now();
      await queue.upsertJobScheduler(name, { every: TICK_MS }, { name, data: {} });
      const ticks = await waitFor(
        async () => {
          const done = (await queue.getCompleted()).filter(
            (job) => job.repeatJobKey === name && (job.finishedOn ?? 0) >= since,
          );
          return done.length >= TICKS && done;
        },
        `${TICKS} ticks of ${name}`,
        30_000,
      );
      await queue.upsertJobScheduler(name, MAINTENANCE_SCHEDULES[name], { name, data: {} });

      const tickIds = ticks.map((job) => job.id!);
      const runs = await runsOf(queue, tickIds);
      // Each tick is its own job (ticks TICK_MS apart), started once and completed once by one of the workers.
      const tickTimes = tickIds.map((id) => Number(id.split(':').pop())).sort((a, b) => a - b);
      expect(new Set(tickTimes).size).toBe(tickTimes.length);
      for (const time of tickTimes) expect((time - tickTimes[0]) % TICK_MS).toBe(0);
      expect(tickIds.map((id) => runs.get(id))).toEqual(tickIds.map(() => ({ active: 1, completed: 1 })));
      // Both worker processes compete for the queue's jobs (each has its own connections as a worker).
      expect((await queue.getWorkers()).length).toBeGreaterThanOrEqual(workers.length);
    } finally {
      await queue.close();
    }
  });

  it(`killing the relay's leader moves relaying to the other worker within ${RELAY_FAILOVER_MS / 1000} s`, async () => {
    // Keep the relay busy (writes through both APIs), so its advisory lock is held most of the time.
    let stop = false;
    const written: string[] = [];
    const lane = async (lane: number) => {
      for (let n = 0; !stop; n++) {
        await waitFor(async () => stop || (await backlog()) < 20, 'the relay to keep up', 60_000);
        if (!stop) written.push(await publishDemand(apis[lane], `陶瓷基板中试需求 接管-${lane}-${n}`));
      }
    };
    const lanes = Promise.all(apis.map((_, i) => lane(i)));

    const leader = await waitFor(async () => {
      const [row] = await t.db.query<{ application_name: string }[]>(
        `SELECT a.application_name FROM pg_locks l
           JOIN pg_database d ON d.oid = l.database JOIN pg_stat_activity a ON a.pid = l.pid
          WHERE d.datname = current_database() AND l.locktype = 'advisory' AND l.granted
            AND l.classid = 0 AND l.objid = $1 AND l.objsubid = 1`,
        [OUTBOX_RELAY_LOCK_KEY],
      );
      if (!row) return undefined;
      const holder = cluster.processOfBackend(row.application_name);
      if (!(holder instanceof WorkerProcess)) throw new Error(`the relay lock is held by ${row.application_name}`);
      return holder;
    }, 'a worker to hold the relay lock mid-batch');
    const survivor = workers.find((w) => w !== leader)!;

    await leader.kill();
    killedWorker = leader;
    const killedAt = Date.now();
    stop = true;
    await lanes;
    // A write made once the leader is dead can only be relayed by the survivor.
    const after = await publishDemand(apis[0], '陶瓷基板中试需求 接管之后');
    const [{ id: lastRow }] = await t.db.query<{ id: string }[]>(`SELECT max(id)::text AS id FROM outbox`);

    await waitFor(
      async () =>
        (await t.db.query(`SELECT 1 FROM outbox WHERE id <= $1 AND processed_at IS NULL LIMIT 1`, [lastRow])).length ===
        0,
      'the survivor to relay everything written up to after the kill',
      Math.max(1, RELAY_FAILOVER_MS - (Date.now() - killedAt)),
    );
    const failoverSeconds = (Date.now() - killedAt) / 1000;
    survivor.assertRunning();
    expect(leader.running).toBe(false);

    // The write after the kill is searchable and notifies its recipients once, as does every write of the lanes.
    await waitFor(
      async () =>
        (
          await meiliOf(t)
            .index(indexUid(t, 'demands'))
            .getDocuments({ ids: [after], fields: ['id'] })
        ).results.length === 1,
      'the demand written after the kill to be searchable',
      30_000,
    );
    const demandIds = [...written, after];
    await waitFor(
      async () => (await inbox([after])).length >= operators.length,
      'the notifications of the demand written after the kill',
      30_000,
    );
    await expectEachToldOnce([after]);
    process.stdout.write(
      `cluster: relay leader (pid ${leader.pid}) SIGKILLed during ${written.length} publishes; the survivor ` +
        `relayed everything up to a write made after the kill ${failoverSeconds.toFixed(1)} s after it\n`,
    );
    // The lanes' writes: their notifications may wait for jobs the dead worker held (stalled, then re-run).
    await waitFor(
      async () => (await inbox(demandIds)).length >= demandIds.length * operators.length,
      'the notifications of every write of the lanes',
      90_000,
    );
    await expectEachToldOnce(demandIds);
  }, 180_000);

  // Last: the platform its orders need would be told of the demands above too (matching), and it needs no worker.
  describe('money races across both APIs never over-spend', () => {
    let w: VoucherWorld;

    beforeAll(async () => {
      w = new VoucherWorld(t);
      w.bureau = bureau;
    });
    afterEach(async () => {
      expect(await verifyLedger(t.db.manager)).toEqual([]);
    });

    it('40 holds on one voucher, split between the APIs, hold its balance to the fen and no more', async () => {
      // 50 % of a ¥1,000 order = 50,000 fen a hold: 1,010,000 fen cover 20 full holds and one of 10,000.
      const { operator, platformId } = await w.listedPlatform();
      const programId = await w.openProgram({ budgetFen: 2_000_000 });
      const voucherId = await w.voucher(sme, programId, 1_010_000);
      const serviceId = await w.fixedService(operator, platformId, 100_000, { title: '面料色牢度检测' });
      const orders: string[] = [];
      for (let batch = 0; batch < 4; batch++) {
        const created = await Promise.all(Array.from({ length: 10 }, () => w.order(sme, serviceId)));
        orders.push(...created.map((o) => o.id));
      }

      const answers = await Promise.all(
        orders.map((orderId, i) =>
          api(i).http.post(`/api/orders/${orderId}/voucher-hold`).set(sme.auth).send({ voucherId }),
        ),
      );

      expect(answers.filter((r) => r.status >= 500)).toEqual([]);
      const held = answers.filter((r) => r.status === 201);
      for (const r of answers.filter((r) => r.status !== 201)) {
        expect([
          [422, 'VOUCHER_EMPTY'],
          [409, 'INSUFFICIENT_BALANCE'],
        ]).toContainEqual([r.status, r.body.code]);
      }
      // 21 holds from 20 requests per API: both processes granted some, the race really ran across them.
      expect(held.reduce((sum, r) => sum + (r.body.amountFen as number), 0)).toBe(1_010_000);
      expect(held).toHaveLength(21);
      const [rows] = await t.db.query(
        `SELECT count(*)::int AS n, coalesce(sum(amount_fen), 0)::text AS total
           FROM voucher_holds WHERE voucher_id = $1 AND status = 'HELD'`,
        [voucherId],
      );
      expect(rows).toEqual({ n: 21, total: '1010000' });
      expect(await w.account(programId, 'HOLD', voucherId)).toBe(1_010_000);
      expect(await w.account(programId, 'VOUCHER', voucherId)).toBe(0);
    });

    it('30 approvals split between the APIs against a budget that fits 16: 16 vouchers, the budget spent exactly', async () => {
      const programId = await w.openProgram({ budgetFen: 1_600_000, maxVoucherFen: 100_000 });
      // 30 pending applications need 30 SMEs (one open application per SME and program), written directly:
      // what races here is the approvals.
      const auth = t.app.get(AuthService);
      const applicationIds = await withTransaction(t.db, async (manager) => {
        const ids: string[] = [];
        for (let i = 0; i < 30; i++) {
          const org = await auth.insertOrg(
            manager,
            { kind: 'SME', name: `晋江市集群测试企业${i}有限公司`, uscc: makeUscc('350582'), regionCode: '350582' },
            { verificationStatus: 'VERIFIED', verifiedAt: new Date(), verifiedByOrgId: bureau.orgId },
          );
          const [row] = await manager.query<{ id: string }[]>(
            `INSERT INTO voucher_applications (program_id, sme_org_id, requested_fen, purpose)
             VALUES ($1, $2, 100000, '功能性面料中试放大') RETURNING id`,
            [programId, org.id],
          );
          ids.push(row.id);
        }
        return ids;
      });

      const answers = await Promise.all(
        applicationIds.map((id, i) =>
          api(i).http.post(`/api/voucher-applications/${id}/approve`).set(bureau.auth).send({}),
        ),
      );

      expect(answers.map((r) => r.status).filter((s) => s !== 200 && s !== 409)).toEqual([]);
      // 16 approvals from 15 requests per API: both processes approved some.
      expect(answers.filter((r) => r.status === 200)).toHaveLength(16);
      for (const refused of answers.filter((r) => r.status === 409)) expect(refused.body.code).toBe('BUDGET_EXHAUSTED');
      expect(await w.summary(programId)).toMatchObject({ budgetFen: 1_600_000, issuedFen: 1_600_000, remainingFen: 0 });
      expect(await w.account(programId, 'BUDGET')).toBe(0);
      const [db] = await t.db.query(
        `SELECT (SELECT count(*)::int FROM vouchers WHERE program_id = $1) AS vouchers,
                (SELECT coalesce(sum(face_value_fen), 0)::text FROM vouchers WHERE program_id = $1) AS face`,
        [programId],
      );
      expect(db).toEqual({ vouchers: 16, face: '1600000' });
    });
  });
});

/** How many times each job was started (`active`) and completed, from the queue's event stream. */
async function runsOf(queue: Queue, jobIds: string[]): Promise<Map<string, { active: number; completed: number }>> {
  const client = (await queue.client) as unknown as Redis; // BullMQ's own ioredis connection
  const entries = await client.xrange(queue.keys.events, '-', '+');
  const runs = new Map(jobIds.map((id) => [id, { active: 0, completed: 0 }]));
  for (const [, fields] of entries) {
    const event: Record<string, string> = {};
    for (let i = 0; i < fields.length; i += 2) event[fields[i]] = fields[i + 1];
    const run = runs.get(event.jobId);
    if (run && (event.event === 'active' || event.event === 'completed')) run[event.event] += 1;
  }
  return runs;
}
