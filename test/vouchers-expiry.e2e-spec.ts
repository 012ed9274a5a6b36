import { createTestApp, RegisteredOrg, runJob, TestApp } from '@pilotlink/testing';
import { verifyLedger } from '@pilotlink/voucher/ledger/ledger-verifier';
import { ShiftedClock } from './support/shifted-clock';
import { expectStatus, PDF, plusDays, today, VoucherWorld, voucherTestEnv } from './support/voucher-fixtures';

/**
 * Expiry must not strip live orders (SPEC §6 releases): "A hold on an order contracted before the voucher
 * expired survives expiry until its claim window (program setting, default 90 days after completion) ends;
 * only holds on orders not yet contracted are released at expiry."
 */
describe('vouchers: expiry keeps the holds of contracted orders (e2e)', () => {
  let t: TestApp;
  let w: VoucherWorld;
  let clock: ShiftedClock;
  let operator: RegisteredOrg;
  let sme: RegisteredOrg;
  let serviceId: string;

  const expireJob = async () => {
    const worker = await t.startWorker();
    clock.attach(worker);
    try {
      await runJob(t, worker, 'maintenance', 'expire-vouchers');
    } finally {
      await worker.close();
    }
  };
  const holdOf = async (orderId: string) =>
    (
      await t.db.query(
        `SELECT status, release_reason, survives_expiry FROM voucher_holds WHERE order_id = $1 ORDER BY created_at DESC`,
        [orderId],
      )
    )[0];
  const contracted = async (orderId: string) => {
    await expectStatus(w.act(operator, orderId, 'accept'), 200);
    await expectStatus(w.act(sme, orderId, 'contract'), 200);
    await expectStatus(w.act(operator, orderId, 'contract'), 200);
  };

  beforeAll(async () => {
    t = await createTestApp({ env: voucherTestEnv() });
    clock = new ShiftedClock(t.app);
    w = await new VoucherWorld(t).init();
    let platformId: string;
    ({ operator, platformId } = await w.listedPlatform('晋江市鞋服材料中试服务平台'));
    sme = await w.verifiedSme({ name: '晋江市恒达鞋材有限公司' });
    serviceId = await w.fixedService(operator, platformId, 1_000_000); // ¥10,000 → 50 % = ¥5,000 held
  });
  afterAll(() => t.close());
  afterEach(async () => {
    clock.reset();
    expect(await verifyLedger(t.db.manager)).toEqual([]);
  });

  it('an order in progress keeps its hold (claimed and paid later); one not yet contracted is released', async () => {
    // validity 30 days: valid through today + 29, expired from today + 30; claim window the default 90 days
    const programId = await w.openProgram({ validityDays: 30, noticeDays: 7 });
    expect(
      (await expectStatus(t.http.get(`/api/voucher-programs/${programId}`).set(w.bureau.auth), 200)).body,
    ).toMatchObject({ claimWindowDays: 90 });
    const voucherId = await w.voucher(sme, programId, 1_500_000);
    const inProgress = await w.order(sme, serviceId);
    const notContracted = await w.order(sme, serviceId);
    await expectStatus(w.hold(sme, inProgress.id, voucherId), 201);
    await expectStatus(w.hold(sme, notContracted.id, voucherId), 201);
    await contracted(inProgress.id);
    await expectStatus(w.act(operator, inProgress.id, 'start'), 200);
    const before = await w.summary(programId);

    clock.advanceDays(30);
    await expireJob();
    expect(await holdOf(inProgress.id)).toEqual({ status: 'HELD', release_reason: null, survives_expiry: true });
    expect(await holdOf(notContracted.id)).toEqual({
      status: 'RELEASED',
      release_reason: 'VOUCHER_EXPIRED',
      survives_expiry: false,
    });
    const wallet = await w.wallet(sme, voucherId);
    expect(wallet).toMatchObject({ status: 'EXPIRED', availableFen: 0, heldFen: 500_000, balanceFen: 500_000 });
    expect(wallet.holds).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ orderId: inProgress.id, status: 'HELD', survivesExpiry: true, claimBy: null }),
      ]),
    );
    // ¥5,000 never held + ¥5,000 released go back to the budget; the surviving ¥5,000 stays held
    const after = await w.summary(programId);
    expect(after.remainingFen).toBe((before.remainingFen as number) + 1_000_000);
    expect(after.heldFen).toBe(500_000);
    const [event] = await t.db.query(
      `SELECT after FROM audit_events WHERE entity_id = $1 AND action = 'voucher.expired'`,
      [voucherId],
    );
    expect(event.after).toMatchObject({
      releasedHolds: 1,
      returnedFen: 1_000_000,
      claimWindowDays: 90,
      survivingHolds: [{ orderId: inProgress.id, amountFen: 500_000, claimBy: null }],
    });

    // 20 days after expiry the order is delivered and completed; the claim goes through and is paid
    clock.advanceDays(20);
    await expectStatus(
      t.http.post(`/api/orders/${inProgress.id}/deliver`).set(operator.auth).attach('file', PDF, '中试验收报告.pdf'),
      200,
    );
    await expectStatus(w.act(sme, inProgress.id, 'complete'), 200);
    const completedOn = plusDays(today(), 50);
    expect((await w.wallet(sme, voucherId)).holds).toEqual(
      expect.arrayContaining([expect.objectContaining({ orderId: inProgress.id, claimBy: plusDays(completedOn, 90) })]),
    );
    await expectStatus(w.pay(sme, inProgress.id, inProgress.agreedAmountFen), 201);
    const claim = await expectStatus(w.fileClaim(sme, w.claimBody(inProgress)), 201);
    expect(claim.body.checks.every((c: { passed: boolean }) => c.passed)).toBe(true);
    await expectStatus(t.http.post(`/api/claims/${claim.body.id}/approve`).set(w.bureau.auth).send({}), 200);
    clock.advanceDays(8);
    const paid = await expectStatus(t.http.post(`/api/claims/${claim.body.id}/pay`).set(w.payer.auth).send({}), 200);
    expect(paid.body).toMatchObject({ status: 'PAID', amountFen: 500_000 });
    expect(await w.summary(programId)).toMatchObject({ heldFen: 0, payableFen: 0, paidFen: 500_000 });
  });

  it('a surviving hold whose claim window lapses is released to the budget; a claim then is refused', async () => {
    const programId = await w.openProgram({ validityDays: 30, claimWindowDays: 90 });
    const voucherId = await w.voucher(sme, programId, 500_000);
    const order = await w.order(sme, serviceId);
    await expectStatus(w.hold(sme, order.id, voucherId), 201);
    await w.complete(sme, operator, order.id); // completed today
    clock.advanceDays(30);
    await expireJob();
    expect(await holdOf(order.id)).toMatchObject({ status: 'HELD', survives_expiry: true });
    const before = await w.summary(programId);

    clock.advanceDays(61); // completion + 91 days: the 90-day window has passed
    await expectStatus(w.pay(sme, order.id, order.agreedAmountFen), 201);
    const late = await w.fileClaim(sme, w.claimBody(order));
    expect([late.status, late.body.code, late.body.details]).toEqual([
      409,
      'CLAIM_WINDOW_CLOSED',
      { claimBy: plusDays(today(), 90) },
    ]);
    await expireJob();
    expect(await holdOf(order.id)).toMatchObject({ status: 'RELEASED', release_reason: 'CLAIM_WINDOW_LAPSED' });
    const after = await w.summary(programId);
    expect(after.remainingFen).toBe((before.remainingFen as number) + 500_000);
    expect(after.heldFen).toBe(0);
  });
});
