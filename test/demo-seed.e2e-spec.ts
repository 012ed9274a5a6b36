import { ORDER_STATUSES } from '@pilotlink/booking';
import { DEMAND_STATUSES, QUOTE_STATUSES } from '@pilotlink/demand';
import { APPLICATION_STATUSES, CLAIM_STATUSES } from '@pilotlink/voucher';
import { verifyLedger } from '@pilotlink/voucher/ledger/ledger-verifier';
import { createTestApp, TestApp } from '@pilotlink/testing';
import { DEMO_PASSWORD } from '../apps/demo/src/demo-identity.seed';
import { runSeed } from '../apps/demo/src/run-seed';
import { waitFor } from './support/notification-fixtures';
import { expectStatus, voucherTestEnv } from './support/voucher-fixtures';

/**
 * Issue 19: after `npm start` every role lands on real work. The demo seed (the same entry as `apps/demo` `cli.js seed`)
 * runs on a fresh database; each role's landing lists show work, every state of the order, claim and
 * demand machines is there, the ledger verifies, and a second run adds nothing.
 */
describe('demo seed: a year of the story (e2e)', () => {
  let t: TestApp;

  const login = async (email: string) => {
    const res = await expectStatus(t.http.post('/api/auth/login').send({ email, password: DEMO_PASSWORD }), 200);
    return { Authorization: `Bearer ${res.body.accessToken}` };
  };
  const statuses = async (table: string): Promise<string[]> =>
    (await t.db.query(`SELECT DISTINCT status FROM ${table} ORDER BY status`)).map((r: { status: string }) => r.status);
  const rowCounts = async (): Promise<Record<string, number>> => {
    const tables: { name: string }[] = await t.db.query(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations' ORDER BY 1`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      counts[name] = (await t.db.query(`SELECT count(*)::int AS n FROM "${name}"`))[0].n;
    }
    return counts;
  };

  beforeAll(async () => {
    t = await createTestApp({ env: voucherTestEnv() });
    await runSeed('test');
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  // How long the seed takes is printed by `npm start` (and measured there), not bounded here: a time limit in a
  // test fails on a loaded machine while the seed is right.
  it('refuses production', async () => {
    await expect(runSeed('production')).rejects.toThrow(/Refusing to load demo data in production/);
  });

  it('the platform operator lands on open demands and orders', async () => {
    const auth = await login('platform@demo.pilotlink.cn');
    const demands = await expectStatus(t.http.get('/api/demands?status=OPEN&limit=50').set(auth), 200);
    expect(demands.body.total).toBeGreaterThanOrEqual(8);
    expect(demands.body.items.every((d: { status: string }) => d.status === 'OPEN')).toBe(true);
    const orders = await expectStatus(t.http.get('/api/orders?limit=50').set(auth), 200);
    expect(orders.body.total).toBeGreaterThanOrEqual(6);
  });

  it('the bureau lands on claims across states and a non-empty ledger', async () => {
    const auth = await login('bureau@demo.pilotlink.cn');
    const claims = await expectStatus(t.http.get('/api/claims?limit=50').set(auth), 200);
    expect(claims.body.total).toBeGreaterThanOrEqual(4);
    const states = new Set(claims.body.items.map((c: { status: string }) => c.status));
    expect(states.size).toBeGreaterThanOrEqual(4);
    const programId = claims.body.items[0].programId;
    const ledger = await expectStatus(t.http.get(`/api/voucher-programs/${programId}/ledger`).set(auth), 200);
    expect(ledger.body.items.length).toBeGreaterThan(0);
  });

  it('the SME lands on its demands and a voucher with a hold', async () => {
    const auth = await login('sme@demo.pilotlink.cn');
    const demands = await expectStatus(t.http.get('/api/demands?limit=50').set(auth), 200);
    expect(demands.body.total).toBeGreaterThanOrEqual(3);
    const vouchers = await expectStatus(t.http.get('/api/vouchers?limit=50').set(auth), 200);
    expect(vouchers.body.items.some((v: { heldFen: number }) => v.heldFen > 0)).toBe(true);
    expect(vouchers.body.items.map((v: { status: string }) => v.status)).toContain('EXPIRED');
  });

  it('every state of the order, claim, demand, quote and application machines is present', async () => {
    expect(await statuses('orders')).toEqual([...ORDER_STATUSES].sort());
    expect(await statuses('voucher_claims')).toEqual([...CLAIM_STATUSES].sort());
    expect(await statuses('demands')).toEqual([...DEMAND_STATUSES].sort());
    expect(await statuses('quotes')).toEqual([...QUOTE_STATUSES].sort());
    expect(await statuses('voucher_applications')).toEqual([...APPLICATION_STATUSES].sort());
    expect(await statuses('reservations')).toEqual(expect.arrayContaining(['COMPLETED', 'NO_SHOW', 'CONFIRMED']));
    const [extra] = await t.db.query(
      `SELECT (SELECT count(*)::int FROM disbursement_batches) AS batches,
              (SELECT count(*)::int FROM spot_check_records) AS "spotChecks",
              (SELECT count(*)::int FROM claim_objections) AS objections,
              (SELECT count(*)::int FROM order_reviews) AS reviews,
              (SELECT count(*)::int FROM order_payments) AS payments,
              (SELECT count(*)::int FROM order_deliverables) AS deliverables,
              (SELECT count(*)::int FROM demands WHERE mode = 'CHALLENGE' AND status = 'OPEN' AND reward_fen > 0) AS challenges,
              (SELECT count(DISTINCT confidentiality)::int FROM demands) AS confidentialities`,
    );
    expect(extra).toEqual({
      batches: 1,
      spotChecks: 1,
      objections: 1,
      reviews: expect.any(Number),
      payments: expect.any(Number),
      deliverables: expect.any(Number),
      challenges: 1,
      confidentialities: 3,
    });
    expect(Math.min(extra.reviews, extra.payments, extra.deliverables)).toBeGreaterThan(0);
  });

  it('was written through the services: the ledger verifies, audit events and outbox rows exist', async () => {
    expect(await verifyLedger(t.db.manager)).toEqual([]);
    const [row] = await t.db.query(
      `SELECT (SELECT count(*)::int FROM audit_events) AS audit, (SELECT count(*)::int FROM outbox) AS outbox`,
    );
    expect(row.audit).toBeGreaterThan(100);
    expect(row.outbox).toBeGreaterThan(20);
  });

  it('spreads the story over the past year, with some items due soon', async () => {
    const [spread] = await t.db.query(
      `SELECT (SELECT min(created_at) < now() - interval '180 days' FROM orders) AS "oldOrders",
              (SELECT min(created_at) < now() - interval '150 days' FROM demands) AS "oldDemands",
              (SELECT count(*)::int FROM voucher_claims
                WHERE status = 'APPROVED' AND notice_until = (now() AT TIME ZONE 'Asia/Shanghai')::date + 1) AS "noticeEndsTomorrow",
              (SELECT count(*)::int FROM vouchers
                WHERE status = 'ACTIVE' AND valid_until < (now() AT TIME ZONE 'Asia/Shanghai')::date + 30) AS "expiringSoon"`,
    );
    expect(spread).toEqual({ oldOrders: true, oldDemands: true, noticeEndsTomorrow: 1, expiringSoon: 1 });
  });

  it('the bureaus govern: recognitions at three levels, a downgrade, declarations and an assessment', async () => {
    const recognitions = await t.db.query(`SELECT level, status FROM platform_recognitions ORDER BY level, status`);
    expect(
      recognitions.filter((r: { status: string }) => r.status === 'APPROVED').map((r: { level: string }) => r.level),
    ).toEqual(expect.arrayContaining(['CITY', 'PROVINCE', 'NATIONAL']));
    expect(new Set(recognitions.map((r: { status: string }) => r.status))).toEqual(
      new Set(['APPROVED', 'REJECTED', 'PENDING']),
    );
    const [row] = await t.db.query(
      `SELECT (SELECT count(*)::int FROM platform_evaluations WHERE outcome = 'DOWNGRADE' AND level_after <> level_before) AS downgrades,
              (SELECT count(*)::int FROM platform_equipment_declarations) AS equipment,
              (SELECT count(*)::int FROM platform_revenue_declarations WHERE status = 'ACCEPTED') AS revenue,
              (SELECT count(*)::int FROM subsidy_assessments WHERE total_fen > 0) AS assessments`,
    );
    expect(row).toEqual({ downgrades: 1, equipment: 1, revenue: 1, assessments: 1 });
  });

  it('two key projects (重点项目) are tracked: 泉州 follows a result with an overdue milestone, 广州 a demand', async () => {
    const quanzhou = await expectStatus(
      t.http.get('/api/key-projects').set(await login('bureau.quanzhou@demo.pilotlink.cn')),
      200,
    );
    expect(quanzhou.body).toMatchObject({ total: 1, overdueCount: 1 });
    expect(quanzhou.body.columns[1].items[0]).toMatchObject({ subjectType: 'RESULT', stage: 'LAB' });
    const guangzhou = await expectStatus(
      t.http.get('/api/key-projects').set(await login('bureau.guangzhou@demo.pilotlink.cn')),
      200,
    );
    expect(guangzhou.body.columns[0].items).toEqual([
      expect.objectContaining({ subjectType: 'DEMAND', subjectTitle: '多旋翼无人机飞控半实物仿真验证' }),
    ]);
    const audited = await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE entity_type = 'key_project'`);
    expect(audited[0].n).toBe(2 + 4); // two marked, four milestones added
  });

  it('a dozen results in every state, one in pilot through an accepted proposal; the 泉州 results report counts them', async () => {
    const [states] = await t.db.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'IN_PILOT')::int AS "inPilot",
              count(*) FILTER (WHERE status = 'TRANSFERRED')::int AS transferred FROM research_results`,
    );
    expect(states.total).toBeGreaterThanOrEqual(12);
    expect(states.transferred).toBeGreaterThanOrEqual(2);
    const [pilot] = await t.db.query(
      `SELECT r.status, p.status AS proposal, o.sme_org_id = r.institute_org_id AS "instituteBuys"
         FROM research_results r JOIN research_result_proposals p ON p.result_id = r.id JOIN orders o ON o.id = p.order_id
        WHERE r.title = '石墨烯改性鞋底材料'`,
    );
    expect(pilot).toEqual({ status: 'IN_PILOT', proposal: 'ACCEPTED', instituteBuys: true });
    const report = await expectStatus(
      t.http.get('/api/reports/results?groupBy=field').set(await login('bureau.quanzhou@demo.pilotlink.cn')),
      200,
    );
    expect(report.body.total.published).toBeGreaterThanOrEqual(6);
    expect(report.body.total.inPilot).toBeGreaterThanOrEqual(2);
    expect(report.body.total.matched).toBeGreaterThanOrEqual(1);
  });

  it('a second run changes no row count', async () => {
    const before = await rowCounts();
    const again = await runSeed('test');
    expect(again.created).toBe(0);
    expect(await rowCounts()).toEqual(before);
  });

  it('once the worker relays the outbox, inboxes are filled and the demands are searchable', async () => {
    await t.startWorker();
    await waitFor(
      async () => Number((await t.db.query(`SELECT count(*) AS n FROM outbox WHERE processed_at IS NULL`))[0].n) === 0,
      'the outbox to drain',
      60_000,
    );
    for (const email of ['sme@demo.pilotlink.cn', 'platform@demo.pilotlink.cn', 'bureau@demo.pilotlink.cn']) {
      const auth = await login(email);
      await waitFor(
        async () => (await t.http.get('/api/notifications/unread-count').set(auth)).body.unread > 0,
        `notifications for ${email}`,
      );
    }
    const auth = await login('platform@demo.pilotlink.cn');
    const found = await waitFor(async () => {
      const res = await t.http.get('/api/search/demands?limit=50').set(auth);
      return res.status === 200 && res.body.total >= 8 ? res.body : null;
    }, 'the open demands in the search index');
    expect(found.total).toBeGreaterThanOrEqual(8);
  });
});
