import { adminQuery, createTestApp, databaseName, RegisteredOrg, TestApp } from '@pilotlink/testing';
import { verifyLedger } from '@pilotlink/voucher/ledger/ledger-verifier';
import type { Response } from 'supertest';
import { expectStatus, idemKey, VoucherWorld, voucherTestEnv } from '../support/voucher-fixtures';

/**
 * Database connections cut under load (issue 14, point 1): `pg_terminate_backend` on every connection of
 * the app's database while a burst of money-moving requests runs. The process survives (it is this jest
 * process), nothing answers 500, a unit of work cut before COMMIT is run again on a fresh connection, and
 * what cannot be retried answers 503 DATABASE_UNAVAILABLE with Retry-After.
 */
describe('database connections cut during bursts (e2e)', () => {
  let t: TestApp;
  let w: VoucherWorld;
  let operator: RegisteredOrg;
  let platformId: string;
  let sme: RegisteredOrg;
  let voucherId: string;
  let serviceId: string;

  beforeAll(async () => {
    t = await createTestApp({ env: voucherTestEnv() });
    w = await new VoucherWorld(t).init();
    ({ operator, platformId } = await w.listedPlatform());
    const programId = await w.openProgram({ budgetFen: 50_000_000 });
    sme = await w.verifiedSme();
    voucherId = await w.voucher(sme, programId, 2_000_000);
    serviceId = await w.fixedService(operator, platformId, 100_000, { title: '面料耐洗性中试' });
  });
  afterAll(() => t.close());

  /** Terminates every backend of the app's database (the app's pool), as an operator's fault trial does. */
  async function cutConnections(): Promise<number> {
    const url = t.env.DATABASE_URL;
    return adminQuery(url, async (client) => {
      const { rowCount } = await client.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
        [databaseName(url)],
      );
      return rowCount ?? 0;
    });
  }

  /** Runs the burst, cutting every connection as it starts and again after a quarter and half of the answers. */
  async function burstWithCuts(requests: (() => PromiseLike<Response>)[]): Promise<Response[]> {
    let answered = 0;
    const cuts: Promise<number>[] = [];
    const marks = new Set([Math.floor(requests.length / 4), Math.floor(requests.length / 2)]);
    const running = requests.map((send) =>
      Promise.resolve(send()).then((res) => {
        answered += 1;
        if (marks.has(answered)) cuts.push(cutConnections());
        return res;
      }),
    );
    cuts.push(cutConnections());
    const answers = await Promise.all(running);
    // The trial is real only if connections were in fact cut under the burst.
    expect((await Promise.all(cuts)).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    return answers;
  }

  function expectSurvivable(answers: Response[], okStatus: number): void {
    expect(answers.filter((r) => r.status >= 500 && r.status !== 503).map((r) => [r.status, r.body])).toEqual([]);
    for (const r of answers.filter((a) => a.status !== okStatus)) {
      expect([r.status, r.body.code]).toEqual([503, 'DATABASE_UNAVAILABLE']);
      expect(r.headers['retry-after']).toMatch(/^\d+$/);
    }
  }

  /** A replay of an answered key is that answer; one that answered 503 now runs (or replays what committed). */
  function expectReplays(first: Response[], replays: Response[]): void {
    expect(replays.map((r) => [r.status, r.body.code])).toEqual(first.map(() => [201, undefined]));
    first.forEach((res, i) => {
      if (res.status === 201) expect(replays[i].body).toEqual(res.body);
    });
  }

  it('order transitions: no 500, and a retried transition either runs or finds it done', async () => {
    const orders = await Promise.all(Array.from({ length: 20 }, () => w.order(sme, serviceId)));
    const accepted = await burstWithCuts(orders.map((o) => () => w.act(operator, o.id, 'accept')));
    expectSurvivable(accepted, 200);
    const retried = await Promise.all(
      orders.map((o, i) => (accepted[i].status === 200 ? null : w.act(operator, o.id, 'accept'))),
    );
    for (const r of retried.filter((x) => x !== null)) {
      expect([200, 409]).toContain(r!.status);
    }
    const rows: { status: string }[] = await t.db.query(`SELECT status FROM orders WHERE id = ANY($1)`, [
      orders.map((o) => o.id),
    ]);
    expect(rows.map((r) => r.status)).toEqual(Array(20).fill('ACCEPTED'));
  });

  it('holds and claims with their own keys: no 500, each written once, every replay answers the first answer', async () => {
    const orders = await Promise.all(Array.from({ length: 20 }, () => w.order(sme, serviceId)));
    const holdKeys = orders.map(() => idemKey());
    const holds = await burstWithCuts(orders.map((o, i) => () => w.hold(sme, o.id, voucherId, holdKeys[i])));
    expectSurvivable(holds, 201);

    // Every request retried with its key ends with one hold per order; a replay of an answered key is that answer.
    const retried = await Promise.all(orders.map((o, i) => w.hold(sme, o.id, voucherId, holdKeys[i])));
    expectReplays(holds, retried);
    const [holdRows] = await t.db.query(
      `SELECT count(*)::int AS n, count(DISTINCT order_id)::int AS orders FROM voucher_holds WHERE order_id = ANY($1)`,
      [orders.map((o) => o.id)],
    );
    expect(holdRows).toEqual({ n: 20, orders: 20 });

    // Settle them (sequentially, no faults) and file the claims in a burst with cuts.
    for (const o of orders) {
      await w.complete(sme, operator, o.id);
      await expectStatus(w.pay(sme, o.id, o.agreedAmountFen), 201);
    }
    const claimKeys = orders.map(() => idemKey());
    const claims = await burstWithCuts(orders.map((o, i) => () => w.fileClaim(sme, w.claimBody(o), claimKeys[i])));
    expectSurvivable(claims, 201);
    const replays = await Promise.all(orders.map((o, i) => w.fileClaim(sme, w.claimBody(o), claimKeys[i])));
    expectReplays(claims, replays);
    const [claimRows] = await t.db.query(
      `SELECT count(*)::int AS n, count(DISTINCT order_id)::int AS orders FROM voucher_claims WHERE order_id = ANY($1)`,
      [orders.map((o) => o.id)],
    );
    const acked = (answers: Response[]) => answers.filter((r) => r.status === 201).length;
    process.stdout.write(
      `fault (d) PostgreSQL: holds ${acked(holds)}/20 acknowledged at once (the rest 503, then replayed), ` +
        `${holdRows.n} present, ${holdRows.n - holdRows.orders} duplicated; claims ${acked(claims)}/20 at once, ` +
        `${claimRows.n} present, ${claimRows.n - claimRows.orders} duplicated\n`,
    );
    expect(claimRows).toEqual({ n: 20, orders: 20 });
    expect(await verifyLedger(t.db.manager)).toEqual([]);
  });
});
