import { OUTBOX_RELAY_LOCK_KEY, QUEUES } from '@pilotlink/queue';
import { Queue } from 'bullmq';
import { createPrivilegedOrg, createTestApp, RegisteredOrg, registerOrg, TestApp } from '@pilotlink/testing';
import { listedPlatformWithService, waitFor } from '../support/notification-fixtures';
import { indexUid, meiliOf, pendingOutboxRows } from '../support/search-fixtures';
import { WorkerProcess } from '../support/worker-process';

/** Writer lanes running side by side, and demands each lane still publishes once the worker is dead. */
const LANES = 3;
const CYCLES_AFTER_KILL = 2;
/**
 * While the worker lives, a lane starts its next demand only when fewer outbox rows than this wait for
 * it: the burst keeps the worker busy without outrunning it (the API writes far faster than the relay
 * syncs), so the backlog the new worker inherits stays a burst's, not an hour's.
 */
const BACKLOG_LIMIT = 25;
/** The worker is killed once this many of the burst's notifications have been delivered… */
const KILL_AFTER_DELIVERED = 12;
/** …which must happen within this many demands, or the worker is not working at all. */
const MAX_CYCLES = 150;

interface Cycle {
  demandId: string;
  title: string;
  published: boolean;
  quoteIds: string[];
}

/**
 * Fault trial (issue 14 (c)): the worker — the real apps/worker entry, as its own OS process — SIGKILLed
 * in the middle of a burst of demand publishes and quotes sent through the API (once it has delivered
 * some of the burst, and while its relay is in the middle of a batch), then started again.
 * Every acknowledged write notifies each of its recipients exactly once (a publish: both subscribed
 * platforms; a quote: the SME), the outbox is fully relayed and dispatched, and the demands index holds
 * every published demand. What the dead worker held — a relay batch (rolled back), dispatch jobs it was
 * running (stalled, run again by the new worker), events queued but not run (the sweeper) — arrives once.
 */
describe('fault trial: worker SIGKILLed mid-burst', () => {
  let t: TestApp;
  let worker: WorkerProcess;
  let notificationsQueue: Queue;
  let sme: RegisteredOrg;
  const operators: RegisteredOrg[] = [];
  const platformIds: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    const bureau = await createPrivilegedOrg(t, 'BUREAU', '350500');
    sme = await registerOrg(t.http, { name: '晋江陶瓷科技有限公司' });
    await t.http.post(`/api/orgs/${sme.orgId}/verify`).set(bureau.auth).expect(200);
    for (const name of ['陶瓷材料研究院', '先进陶瓷中试基地']) {
      const operator = await registerOrg(t.http, { kind: 'PLATFORM_OPERATOR', name });
      await t.http.post(`/api/orgs/${operator.orgId}/verify`).set(bureau.auth).expect(200);
      const { platformId } = await listedPlatformWithService(t, operator, bureau, {
        title: `${name}陶瓷基板烧结中试`,
        description: '陶瓷基板 流延成型 烧结 中试放大',
        fieldCodes: ['MATERIALS_CERAMICS'],
        category: 'SCALE_UP',
      });
      // Subscribed to the field: told of every demand of the burst, however matching ranks it.
      await t.http
        .post('/api/subscriptions')
        .set(operator.auth)
        .send({ fieldCodes: ['MATERIALS'] })
        .expect(201);
      operators.push(operator);
      platformIds.push(platformId);
    }
    notificationsQueue = new Queue(QUEUES.NOTIFICATIONS, {
      connection: { url: process.env.REDIS_URL },
      prefix: t.env.QUEUE_PREFIX,
    });
    worker = new WorkerProcess({ ...process.env, ...t.env });
    await worker.start();
    // The burst starts on a worker that is warm (indexes made, the setup relayed and dispatched).
    await waitFor(async () => (await backlog()) === 0, 'the worker to relay the setup', 60_000);
  }, 120_000);
  afterAll(async () => {
    await worker?.stop();
    await notificationsQueue?.close();
    await t?.close();
  });

  /** Outbox rows not yet relayed, or notifying events relayed but not yet dispatched. */
  const backlog = async () => {
    const [row] = await t.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM outbox WHERE processed_at IS NULL OR (queued_at IS NOT NULL AND dispatched_at IS NULL)`,
    );
    return row.n;
  };

  /** Whether the relay is in the middle of a batch: its transaction holds the relay's advisory lock. */
  const relayMidBatch = async () => {
    const [row] = await t.db.query<{ held: boolean }[]>(
      `SELECT count(*) > 0 AS held FROM pg_locks l JOIN pg_database d ON d.oid = l.database
        WHERE d.datname = current_database() AND l.locktype = 'advisory' AND l.granted
          AND l.classid = 0 AND l.objid = $1 AND l.objsubid = 1`,
      [OUTBOX_RELAY_LOCK_KEY],
    );
    return row.held;
  };

  /** The burst's notifications in the inbox: one row per recipient and event. */
  const inbox = (subjectIds: string[]) =>
    t.db.query<{ recipient_org_id: string; event_type: string; subject_id: string; n: number }[]>(
      `SELECT recipient_org_id, event_type, subject_id, count(*)::int AS n FROM notifications
        WHERE subject_id = ANY($1::uuid[]) GROUP BY recipient_org_id, event_type, subject_id`,
      [subjectIds],
    );

  it('every acknowledged publish and quote notifies exactly once after the worker is killed and restarted', async () => {
    const cycles: Cycle[] = [];
    const failures: string[] = [];
    let killed = false;
    let writesWhileDown = 0;

    // One demand: created, published (→ both platforms told, demand indexed), then quoted by both (→ the SME told).
    const cycle = async (lane: number, n: number): Promise<void> => {
      const title = `陶瓷基板中试需求 ${lane}-${n}`;
      const created = await t.http.post('/api/demands').set(sme.auth).send({
        title,
        description: '氧化铝陶瓷基板流延成型与烧结工艺验证',
        fieldCode: 'MATERIALS_CERAMICS',
        stage: 'PILOT',
        mode: 'OPEN',
        confidentiality: 'PUBLIC',
      });
      if (created.status !== 201) return void failures.push(`create ${created.status} ${created.body.code}`);
      const entry: Cycle = { demandId: created.body.id, title, published: false, quoteIds: [] };
      cycles.push(entry);
      const down = killed;
      const publish = await t.http.post(`/api/demands/${entry.demandId}/publish`).set(sme.auth);
      if (publish.status !== 200) return void failures.push(`publish ${publish.status} ${publish.body.code}`);
      entry.published = true;
      const quotes = await Promise.all(
        operators.map((operator, i) =>
          t.http.post(`/api/demands/${entry.demandId}/quotes`).set(operator.auth).send({
            platformId: platformIds[i],
            priceFen: 12_000_000,
            timelineDays: 45,
            scope: '流延成型三批次中试',
            validUntil: '2030-01-31',
          }),
        ),
      );
      for (const quote of quotes) {
        if (quote.status === 201) entry.quoteIds.push(quote.body.id);
        else failures.push(`quote ${quote.status} ${quote.body.code}`);
      }
      if (down) writesWhileDown += 1 + entry.quoteIds.length;
    };
    const lane = async (index: number): Promise<void> => {
      let afterKill = 0;
      for (let n = 0; afterKill < CYCLES_AFTER_KILL && cycles.length < MAX_CYCLES; n++) {
        await waitFor(async () => killed || (await backlog()) < BACKLOG_LIMIT, 'the worker to keep up', 60_000);
        const wasKilled = killed;
        await cycle(index, n);
        if (wasKilled) afterKill += 1;
      }
    };

    const delivered = async () => (await inbox(cycles.flatMap((c) => [c.demandId, ...c.quoteIds]))).length;
    const expected = () => cycles.reduce((sum, c) => sum + (c.published ? operators.length : 0) + c.quoteIds.length, 0);

    const burst = Promise.all(Array.from({ length: LANES }, (_, i) => lane(i)));
    const atKill = await waitFor(
      async () => {
        worker.assertRunning();
        const n = await delivered();
        return n >= KILL_AFTER_DELIVERED && (await relayMidBatch()) && { delivered: n, acknowledged: expected() };
      },
      `${KILL_AFTER_DELIVERED} notifications of the burst delivered and the relay in a batch`,
      60_000,
    );
    await worker.kill();
    killed = true;
    // What the dead worker held: the relay batch it had open (rolled back with its connection, its rows
    // relayed again — jobs it had queued meanwhile are not queued twice) and any notification jobs it
    // was running (they stall, and run again once their lock expires).
    const heldJobs = await notificationsQueue.getActiveCount();
    await burst;

    const acknowledgedPublishes = cycles.filter((c) => c.published).length;
    const acknowledgedQuotes = cycles.reduce((sum, c) => sum + c.quoteIds.length, 0);
    const wanted = expected();
    expect(failures).toEqual([]);
    // The kill landed mid-burst: writes were still coming, and notifications were still owed.
    expect(writesWhileDown).toBeGreaterThan(0);
    expect(await delivered()).toBeLessThan(wanted);

    const restartedAt = Date.now();
    await worker.start();
    const bootSeconds = (Date.now() - restartedAt) / 1000;
    const demandIds = cycles.filter((c) => c.published).map((c) => c.demandId);
    const subjectIds = cycles.flatMap((c) => [c.demandId, ...c.quoteIds]);
    const seconds = () => ((Date.now() - restartedAt) / 1000).toFixed(1);
    await waitFor(async () => (await pendingOutboxRows(t)) === 0, 'the outbox to be relayed', 60_000);
    const relayedAfter = seconds();
    await waitFor(async () => (await delivered()) >= wanted, 'every notification of the burst', 120_000);
    const deliveredAfter = seconds();
    await waitFor(async () => (await backlog()) === 0, 'every notifying event to be dispatched', 60_000);
    const indexed = await waitFor(
      async () => {
        const { results } = await meiliOf(t)
          .index(indexUid(t, 'demands'))
          .getDocuments<{ id: string; title: string }>({ fields: ['id', 'title'], limit: 10_000 });
        const titles = new Map(results.map((doc) => [doc.id, doc.title]));
        return cycles.every((c) => !c.published || titles.get(c.demandId) === c.title) && titles;
      },
      'every published demand to be searchable',
      60_000,
    );
    const recoverySeconds = (Date.now() - restartedAt) / 1000;

    const rows = await inbox(subjectIds);
    const duplicated = rows.filter((row) => row.n > 1).length;
    const key = (orgId: string, eventType: string, subjectId: string) => `${orgId} ${eventType} ${subjectId}`;
    const want = new Set([
      ...cycles
        .filter((c) => c.published)
        .flatMap((c) => operators.map((o) => key(o.orgId, 'demand.published', c.demandId))),
      ...cycles.flatMap((c) => c.quoteIds.map((id) => key(sme.orgId, 'quote.submitted', id))),
    ]);
    const got = new Set(rows.map((row) => key(row.recipient_org_id, row.event_type, row.subject_id)));
    const missing = [...want].filter((k) => !got.has(k));
    const unexpected = [...got].filter((k) => !want.has(k));
    process.stdout.write(
      `fault (c) worker SIGKILL: ${acknowledgedPublishes} publishes + ${acknowledgedQuotes} quotes acknowledged ` +
        `(${writesWhileDown} while the worker was down), killed at ${atKill.delivered}/${atKill.acknowledged} ` +
        `delivered; ${rows.length}/${wanted} notifications delivered, ${missing.length} missing, ` +
        `${duplicated} duplicated; ${demandIds.filter((id) => indexed.has(id)).length}/${demandIds.length} ` +
        `searchable; ${heldJobs} jobs held by the killed worker; new worker up in ${bootSeconds.toFixed(1)} s, ` +
        `outbox relayed after ${relayedAfter} s, all delivered after ${deliveredAfter} s, ` +
        `caught up ${recoverySeconds.toFixed(1)} s after restart\n`,
    );
    expect(missing).toEqual([]);
    expect(unexpected).toEqual([]);
    expect(duplicated).toBe(0);
    expect(rows).toHaveLength(wanted);
  }, 180_000);
});
