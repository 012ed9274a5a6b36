import { createPrivilegedOrg, createTestApp, RegisteredOrg, runJob, TestApp } from '@pilotlink/testing';
import { verifyLedger } from '@pilotlink/voucher/ledger/ledger-verifier';
import { ShiftedClock } from './support/shifted-clock';
import { expectStatus, idemKey, plusDays, today, VoucherWorld, voucherTestEnv } from './support/voucher-fixtures';

/** A voucher's whole life through the API: issue, hold, claim, approve, pay — and every way money goes back. */
describe('vouchers: REIMBURSE and DEDUCT lifecycles, releases and expiry (e2e)', () => {
  let t: TestApp;
  let w: VoucherWorld;
  let operator: RegisteredOrg;
  let platformId: string;
  let sme: RegisteredOrg;
  let clock: ShiftedClock;

  beforeAll(async () => {
    t = await createTestApp({ env: voucherTestEnv() });
    clock = new ShiftedClock(t.app);
    w = await new VoucherWorld(t).init();
    ({ operator, platformId } = await w.listedPlatform('晋江市鞋服材料中试服务平台'));
    sme = await w.verifiedSme({ name: '晋江市恒达鞋材有限公司' });
  });
  afterAll(() => t.close());
  afterEach(async () => {
    clock.reset();
    expect(await verifyLedger(t.db.manager)).toEqual([]);
  });

  it('REIMBURSE happy path: program → open → apply → approve → hold → completed & paid → claim → approve → batch → PAID', async () => {
    // Tiers: 30 % of the first ¥10,000 of the contract, 10 % above.
    const programId = await w.openProgram({
      name: '2026 年晋江市中试服务券（通用）',
      rule: {
        kind: 'TIERS',
        tiers: [
          { uptoFen: 1_000_000, ratioBp: 3000 },
          { uptoFen: null, ratioBp: 1000 },
        ],
      },
      budgetFen: 5_000_000,
    });
    const application = await expectStatus(w.apply(sme, programId, 2_000_000), 201);
    expect(application.body).toMatchObject({ status: 'PENDING', requestedFen: 2_000_000 });
    // the bureau grants less than asked: ¥15,000
    const approved = await expectStatus(
      w.approve(application.body.id, { amountFen: 1_500_000 }, w.bureau, idemKey()),
      200,
    );
    expect(approved.body).toMatchObject({ status: 'APPROVED', approvedFen: 1_500_000 });
    const voucherId = approved.body.voucherId as string;
    const issuedOn = today();
    expect(await w.wallet(sme, voucherId)).toMatchObject({
      code: expect.stringMatching(/^QV2026-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]$/),
      faceValueFen: 1_500_000,
      balanceFen: 1_500_000,
      availableFen: 1_500_000,
      heldFen: 0,
      status: 'ACTIVE',
      validFrom: issuedOn,
      validUntil: plusDays(issuedOn, 364), // valid 365 days, both ends included
      daysLeft: 364,
    });
    // the rules froze with the first voucher
    const patch = await t.http.patch(`/api/voucher-programs/${programId}`).set(w.bureau.auth).send({ noticeDays: 3 });
    expect(patch.body.code).toBe('PROGRAM_RULES_LOCKED');

    const serviceId = await w.fixedService(operator, platformId, 3_000_000, { title: '鞋材发泡工艺中试' });
    const order = await w.order(sme, serviceId);
    const options = await expectStatus(t.http.get(`/api/orders/${order.id}/voucher-options`).set(sme.auth), 200);
    // 30 % × 1,000,000 + 10 % × (3,000,000 − 1,000,000) = 300,000 + 200,000 = 500,000
    expect(options.body.options).toEqual([
      expect.objectContaining({ voucherId, amountFen: 500_000, limitedBy: 'RULE', reasons: [], best: true }),
    ]);
    const hold = await expectStatus(w.hold(sme, order.id, voucherId, idemKey()), 201);
    expect(hold.body).toMatchObject({ amountFen: 500_000, limitedBy: 'RULE', status: 'HELD' });
    expect(await w.wallet(sme, voucherId)).toMatchObject({
      balanceFen: 1_500_000,
      availableFen: 1_000_000,
      heldFen: 500_000,
    });

    // a claim before the order is completed and paid is refused
    const early = await w.fileClaim(sme, w.claimBody(order));
    expect([early.status, early.body.code]).toEqual([409, 'ORDER_NOT_SETTLED']);
    const reportId = await w.complete(sme, operator, order.id);
    await expectStatus(w.pay(sme, order.id, 3_000_000, '合同全款'), 201); // REIMBURSE: the SME pays in full
    // the platform is not the payee of a REIMBURSE claim
    expect((await w.fileClaim(operator, w.claimBody(order))).status).toBe(403);

    const claim = await expectStatus(
      w.fileClaim(sme, w.claimBody(order, { acceptanceFileId: reportId }), idemKey()),
      201,
    );
    expect(claim.body).toMatchObject({
      status: 'SUBMITTED',
      amountFen: 500_000,
      payeeOrgId: sme.orgId,
      invoiceAmountFen: 3_000_000,
      acceptanceFileId: reportId,
    });
    expect(claim.body.checks).toEqual([
      expect.objectContaining({ code: 'INVOICE_MATCHES_CONTRACT', passed: true }),
      expect.objectContaining({ code: 'CONTRACT_NUMBER_MATCHES', passed: true }),
      expect.objectContaining({ code: 'PAYMENTS_COVER_SME_SHARE', passed: true }),
      expect.objectContaining({ code: 'COMPLETED_WITHIN_VALIDITY', passed: true }),
      expect.objectContaining({ code: 'HELD_WITHIN_VALIDITY', passed: true }),
    ]);

    const decided = await expectStatus(
      t.http.post(`/api/claims/${claim.body.id}/approve`).set(w.bureau.auth).set('Idempotency-Key', idemKey()).send({}),
      200,
    );
    expect(decided.body).toMatchObject({ status: 'APPROVED', noticeUntil: plusDays(issuedOn, 7) }); // 7 notice days
    const notice = await expectStatus(t.http.get(`/api/voucher-programs/${programId}/public-notice`), 200); // public
    expect(notice.body).toEqual({
      total: 1,
      page: 1,
      limit: 20,
      items: [
        {
          claimId: claim.body.id,
          smeName: '晋江市恒达鞋材有限公司',
          platformName: '晋江市鞋服材料中试服务平台',
          amountFen: 500_000,
          approvedOn: issuedOn,
          noticeUntil: plusDays(issuedOn, 7),
          status: 'APPROVED',
        },
      ],
    });
    expect(await w.summary(programId)).toMatchObject({ heldFen: 0, payableFen: 500_000, paidFen: 0 });

    // 公示: no payment before the notice has ended (经公示无异议后拨付) — on its last day either
    clock.advanceDays(7);
    const inNotice = await t.http
      .post('/api/disbursement-batches')
      .set(w.payer.auth)
      .send({ programId, claimIds: [claim.body.id], reference: '泉财拨〔2026〕17号' });
    expect([inNotice.status, inNotice.body.code]).toEqual([409, 'NOTICE_PERIOD']);
    expect(inNotice.body.details.claims).toEqual([
      { id: claim.body.id, noticeUntil: plusDays(issuedOn, 7), payableFrom: plusDays(issuedOn, 8) },
    ]);
    clock.advanceDays(1); // the day after the notice

    const batch = await expectStatus(
      t.http
        .post('/api/disbursement-batches')
        .set(w.payer.auth)
        .set('Idempotency-Key', idemKey())
        .send({ programId, claimIds: [claim.body.id], reference: '泉财拨〔2026〕18号' }),
      201,
    );
    // 500,000 split 5000/5000 = 250,000 each
    expect(batch.body).toMatchObject({
      programId,
      totalFen: 500_000,
      claimCount: 1,
      claimIds: [claim.body.id],
      byCofunder: [
        { cofunderKey: 'jinjiang', amountFen: 250_000 },
        { cofunderKey: 'quanzhou', amountFen: 250_000 },
      ],
    });
    expect(
      (await expectStatus(t.http.get(`/api/disbursement-batches/${batch.body.id}`).set(w.bureau.auth), 200)).body,
    ).toEqual(batch.body);
    const paid = await expectStatus(t.http.get(`/api/claims/${claim.body.id}`).set(sme.auth), 200);
    expect(paid.body).toMatchObject({
      status: 'PAID',
      batchId: batch.body.id,
      payouts: [
        { cofunderKey: 'jinjiang', amountFen: 250_000 },
        { cofunderKey: 'quanzhou', amountFen: 250_000 },
      ],
    });
    // paying it again is refused
    const twice = await t.http.post(`/api/claims/${claim.body.id}/pay`).set(w.payer.auth).send({});
    expect([twice.status, twice.body.code]).toEqual([409, 'INVALID_STATE_TRANSITION']);

    expect(await w.summary(programId)).toEqual({
      programId,
      budgetFen: 5_000_000,
      issuedFen: 1_500_000, // one voucher of ¥15,000
      heldFen: 0,
      availableOnVouchersFen: 1_000_000, // 1,500,000 − 500,000 reimbursed
      payableFen: 0,
      paidFen: 500_000,
      remainingFen: 3_500_000, // 5,000,000 − 1,500,000
      vouchersIssued: 1,
      returnedOnExpiryFen: 0,
      cofunders: [
        { key: 'quanzhou', name: '泉州市科学技术局', shareBp: 5000, budgetFen: 2_500_000, paidFen: 250_000 },
        { key: 'jinjiang', name: '晋江市科学技术局', shareBp: 5000, budgetFen: 2_500_000, paidFen: 250_000 },
      ],
    });
    expect(await w.wallet(sme, voucherId)).toMatchObject({
      balanceFen: 1_000_000,
      availableFen: 1_000_000,
      heldFen: 0,
    });
    const ledger = await expectStatus(t.http.get(`/api/voucher-programs/${programId}/ledger`).set(w.bureau.auth), 200);
    expect(ledger.body.items.map((x: { kind: string }) => x.kind)).toEqual([
      'BUDGET_GRANT',
      'ISSUE',
      'HOLD',
      'APPROVE',
      'PAY',
    ]);
    // accounts with balances and the verifier's result; another bureau's program answers 404
    const balances = await expectStatus(
      t.http.get(`/api/voucher-programs/${programId}/ledger/balances`).set(w.bureau.auth),
      200,
    );
    expect(balances.body).toMatchObject({ programId, invariantsChecked: expect.any(Number), violations: [] });
    const byKind = (kind: string) =>
      balances.body.accounts
        .filter((a: { kind: string }) => a.kind === kind)
        .map((a: { balanceFen: number }) => a.balanceFen);
    expect(byKind('FUNDING')).toEqual([-5_000_000]);
    expect(byKind('BUDGET')).toEqual([3_500_000]);
    expect(byKind('VOUCHER')).toEqual([1_000_000]);
    expect(byKind('PAID').sort()).toEqual([250_000, 250_000]);
    const otherBureau = await createPrivilegedOrg(t, 'BUREAU', '440100');
    await expectStatus(t.http.get(`/api/voucher-programs/${programId}/ledger/balances`).set(otherBureau.auth), 404);
    await expectStatus(t.http.get(`/api/voucher-programs/${programId}/ledger/balances`).set(sme.auth), 403);
  });

  it('DEDUCT: the hold lowers what the SME owes, the platform claims, and 3334/3333/3333 adds up exactly', async () => {
    const programId = await w.openProgram({
      name: '2026 年泉州市科技创新券（通兑）',
      kind: 'INNOVATION',
      redemptionMode: 'DEDUCT',
      budgetFen: 3_000_000,
      cofunders: [
        { key: 'quanzhou', name: '泉州市科学技术局', shareBp: 3334 },
        { key: 'jinjiang', name: '晋江市科学技术局', shareBp: 3333 },
        { key: 'shishi', name: '石狮市科学技术局', shareBp: 3333 },
      ],
    });
    const voucherId = await w.voucher(sme, programId, 1_200_000);
    const serviceId = await w.fixedService(operator, platformId, 2_000_003, { title: '鞋底材料耐磨性能中试' });
    const order = await w.order(sme, serviceId);
    // 50 % of 2,000,003 = 1,000,001.5 → 1,000,001 (rounded down)
    const hold = await expectStatus(w.hold(sme, order.id, voucherId), 201);
    expect(hold.body).toMatchObject({ amountFen: 1_000_001, limitedBy: 'RULE' });
    const before = await expectStatus(t.http.get(`/api/orders/${order.id}`).set(sme.auth), 200);
    // the SME owes 2,000,003 − 1,000,001 = 1,000,002
    expect(before.body).toMatchObject({
      agreedAmountFen: 2_000_003,
      voucherDeductionFen: 1_000_001,
      owedFen: 1_000_002,
    });

    await w.complete(sme, operator, order.id);
    const tooMuch = await w.pay(sme, order.id, 1_000_003);
    expect(tooMuch.body).toMatchObject({ code: 'PAYMENT_EXCEEDS_OWED', details: { owedFen: 1_000_002 } });
    await expectStatus(w.pay(sme, order.id, 1_000_002, 'SME 自付部分'), 201);
    expect((await t.http.get(`/api/orders/${order.id}`).set(operator.auth)).body).toMatchObject({
      paidFen: 1_000_002,
      owedFen: 0,
    });

    // in DEDUCT the platform is the payee; the SME may not file
    expect((await w.fileClaim(sme, w.claimBody(order))).status).toBe(403);
    const claim = await expectStatus(w.fileClaim(operator, w.claimBody(order)), 201);
    expect(claim.body).toMatchObject({ amountFen: 1_000_001, payeeOrgId: operator.orgId, status: 'SUBMITTED' });
    expect(claim.body.checks.every((c: { passed: boolean }) => c.passed)).toBe(true);
    await expectStatus(t.http.post(`/api/claims/${claim.body.id}/approve`).set(w.bureau.auth).send({}), 200);
    // inside the 7-day notice (公示) payment is refused; the day after it ends, it goes through
    const early = await t.http.post(`/api/claims/${claim.body.id}/pay`).set(w.payer.auth).send({});
    expect([early.status, early.body.code]).toEqual([409, 'NOTICE_PERIOD']);
    clock.advanceDays(8);
    const paid = await expectStatus(t.http.post(`/api/claims/${claim.body.id}/pay`).set(w.payer.auth).send({}), 200);
    expect(paid.body.status).toBe('PAID');

    // 1,000,001 × 3334 bp = 333,400.3334 → 333,400 (+1 for the largest remainder) = 333,401;
    // × 3333 bp = 333,300.3333 → 333,300 twice; 333,401 + 333,300 + 333,300 = 1,000,001
    const detail = await expectStatus(t.http.get(`/api/claims/${claim.body.id}`).set(operator.auth), 200);
    expect(detail.body.payouts).toEqual([
      { cofunderKey: 'jinjiang', amountFen: 333_300 },
      { cofunderKey: 'quanzhou', amountFen: 333_401 },
      { cofunderKey: 'shishi', amountFen: 333_300 },
    ]);
    const [payouts] = await t.db.query(`SELECT sum(amount_fen)::text AS total FROM claim_payouts WHERE claim_id = $1`, [
      claim.body.id,
    ]);
    expect(payouts.total).toBe('1000001');
    expect(await w.summary(programId)).toMatchObject({
      budgetFen: 3_000_000,
      issuedFen: 1_200_000,
      heldFen: 0,
      availableOnVouchersFen: 199_999, // 1,200,000 − 1,000,001
      payableFen: 0,
      paidFen: 1_000_001,
      remainingFen: 1_800_000,
      cofunders: [
        // budget 3,000,000 × 3334 bp = 1,000,200; × 3333 bp = 999,900 twice
        expect.objectContaining({ key: 'quanzhou', budgetFen: 1_000_200, paidFen: 333_401 }),
        expect.objectContaining({ key: 'jinjiang', budgetFen: 999_900, paidFen: 333_300 }),
        expect.objectContaining({ key: 'shishi', budgetFen: 999_900, paidFen: 333_300 }),
      ],
    });
    const [deduction] = await t.db.query(`SELECT voucher_deduction_fen FROM orders WHERE id = $1`, [order.id]);
    expect(deduction.voucher_deduction_fen).toBe('1000001');
  });

  describe('releases', () => {
    let programId: string;
    let serviceId: string;

    beforeAll(async () => {
      programId = await w.openProgram({ name: '2026 年晋江市中试服务券（释放）', budgetFen: 5_000_000 });
      serviceId = await w.fixedService(operator, platformId, 1_000_000, { title: '面料阻燃性能中试' });
    });

    it('a cancelled order releases its hold: the voucher balance is whole again', async () => {
      const voucherId = await w.voucher(sme, programId, 800_000);
      const order = await w.order(sme, serviceId);
      await expectStatus(w.hold(sme, order.id, voucherId), 201); // 50 % of 1,000,000 = 500,000
      expect(await w.wallet(sme, voucherId)).toMatchObject({ availableFen: 300_000, heldFen: 500_000 });

      await expectStatus(w.act(sme, order.id, 'cancel', { note: '项目计划调整' }), 200);

      const [hold] = await t.db.query(`SELECT status, release_reason FROM voucher_holds WHERE order_id = $1`, [
        order.id,
      ]);
      expect(hold).toEqual({ status: 'RELEASED', release_reason: 'ORDER_CANCELLED' });
      expect(await w.wallet(sme, voucherId)).toMatchObject({ balanceFen: 800_000, availableFen: 800_000, heldFen: 0 });
      expect(await w.account(programId, 'HOLD', voucherId)).toBe(0);
      expect(await w.account(programId, 'VOUCHER', voucherId)).toBe(800_000);
    });

    it('the SME may take its hold off; a rejected claim releases the hold back to the voucher', async () => {
      const voucherId = await w.voucher(sme, programId, 800_000);
      const removable = await w.order(sme, serviceId);
      await expectStatus(w.hold(sme, removable.id, voucherId), 201);
      const removed = await expectStatus(t.http.delete(`/api/orders/${removable.id}/voucher-hold`).set(sme.auth), 200);
      expect(removed.body).toMatchObject({ status: 'RELEASED', amountFen: 500_000 });
      expect(await w.wallet(sme, voucherId)).toMatchObject({ availableFen: 800_000, heldFen: 0 });

      const order = await w.order(sme, serviceId);
      await expectStatus(w.hold(sme, order.id, voucherId), 201);
      await w.complete(sme, operator, order.id);
      await expectStatus(w.pay(sme, order.id, 1_000_000), 201);
      const claim = await expectStatus(w.fileClaim(sme, w.claimBody(order)), 201);
      // a filed claim keeps the hold: the SME cannot take it off now
      const locked = await t.http.delete(`/api/orders/${order.id}/voucher-hold`).set(sme.auth);
      expect([locked.status, locked.body.code]).toEqual([409, 'CLAIM_EXISTS']);

      const rejected = await expectStatus(
        t.http
          .post(`/api/claims/${claim.body.id}/reject`)
          .set(w.bureau.auth)
          .send({ reason: '验收报告与合同范围不符' }),
        200,
      );
      expect(rejected.body).toMatchObject({ status: 'REJECTED', reason: '验收报告与合同范围不符' });
      const holds = await t.db.query(`SELECT status, release_reason FROM voucher_holds WHERE order_id = $1`, [
        order.id,
      ]);
      expect(holds).toEqual([{ status: 'RELEASED', release_reason: 'CLAIM_REJECTED' }]);
      expect(await w.wallet(sme, voucherId)).toMatchObject({ balanceFen: 800_000, availableFen: 800_000, heldFen: 0 });
      const again = await t.http.post(`/api/claims/${claim.body.id}/approve`).set(w.bureau.auth).send({});
      expect([again.status, again.body.code]).toEqual([409, 'INVALID_STATE_TRANSITION']);
    });

    it('expiry (the maintenance job): the unclaimed hold is released and the unused balance returns to the budget', async () => {
      const expiring = await w.voucher(sme, programId, 700_000);
      const order = await w.order(sme, serviceId);
      await expectStatus(w.hold(sme, order.id, expiring), 201); // 500,000 held, 200,000 available
      const before = await w.summary(programId);

      // Time passes: the validity is moved into the past directly (the API never issues past dates).
      await t.db.query(`UPDATE vouchers SET valid_from = '2024-01-01', valid_until = '2024-12-31' WHERE id = $1`, [
        expiring,
      ]);
      const worker = await t.startWorker();
      try {
        const result = await runJob<Record<string, number>>(t, worker, 'maintenance', 'expire-vouchers');
        // The scheduler's own first run at boot may have done it already; the rows below are the proof.
        expect(result).toEqual({
          vouchers: expect.any(Number),
          releasedHolds: expect.any(Number),
          returnedFen: expect.any(Number),
        });
      } finally {
        await worker.close();
      }

      const [hold] = await t.db.query(`SELECT status, release_reason FROM voucher_holds WHERE order_id = $1`, [
        order.id,
      ]);
      expect(hold).toEqual({ status: 'RELEASED', release_reason: 'VOUCHER_EXPIRED' });
      expect(await w.wallet(sme, expiring)).toMatchObject({
        status: 'EXPIRED',
        balanceFen: 0,
        availableFen: 0,
        heldFen: 0,
        daysLeft: null,
      });
      const after = await w.summary(programId);
      // the whole 700,000 (500,000 released from the hold + 200,000 never held) goes back to the budget
      expect(after.remainingFen).toBe((before.remainingFen as number) + 700_000);
      expect(after.returnedOnExpiryFen).toBe((before.returnedOnExpiryFen as number) + 700_000);
      expect(after.issuedFen).toBe((before.issuedFen as number) - 700_000);
      expect(after.heldFen).toBe((before.heldFen as number) - 500_000);
      const [order2] = await t.db.query(`SELECT voucher_deduction_fen FROM orders WHERE id = $1`, [order.id]);
      expect(order2.voucher_deduction_fen).toBe('0');
      // an expired voucher cannot be held again
      const another = await w.order(sme, serviceId);
      const refused = await w.hold(sme, another.id, expiring);
      expect([refused.status, refused.body.code]).toEqual([422, 'VOUCHER_EXPIRED']);
    });
  });
});
