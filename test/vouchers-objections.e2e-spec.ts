import { createPrivilegedOrg, createTestApp, RegisteredOrg, TestApp } from '@pilotlink/testing';
import { verifyLedger } from '@pilotlink/voucher/ledger/ledger-verifier';
import { ShiftedClock } from './support/shifted-clock';
import { expectStatus, plusDays, today, VoucherWorld, voucherTestEnv } from './support/voucher-fixtures';

/**
 * 公示 with teeth (SPEC §6): "Payment waits until the public-notice period (公示) has ended; during it anyone
 * may object (异议) through a public form, and the bureau upholds (claim rejected) or dismisses the objection."
 */
describe('vouchers: public notice, objections and payment (e2e)', () => {
  let t: TestApp;
  let w: VoucherWorld;
  let clock: ShiftedClock;
  let operator: RegisteredOrg;
  let sme: RegisteredOrg;
  let programId: string;
  let serviceId: string;
  let voucherId: string;
  /** Objections lodged from this test's address so far (the public form is rate-limited per address). */
  let lodged = 0;

  const object = (claimId: string, body: Record<string, unknown> = {}) => {
    lodged += 1;
    return t.http
      .post(`/api/claims/${claimId}/objections`)
      .send({ contact: '13800000000', reason: '该企业与服务机构实为同一实际控制人', ...body });
  };

  /** An order of ¥10,000 with a ¥5,000 hold, completed, paid, claimed and approved: the claim body. */
  const approvedClaim = async () => {
    const order = await w.order(sme, serviceId);
    await expectStatus(w.hold(sme, order.id, voucherId), 201);
    await w.complete(sme, operator, order.id);
    await expectStatus(w.pay(sme, order.id, order.agreedAmountFen), 201);
    const claim = await expectStatus(w.fileClaim(sme, w.claimBody(order)), 201);
    return (await expectStatus(t.http.post(`/api/claims/${claim.body.id}/approve`).set(w.bureau.auth).send({}), 200))
      .body as { id: string; noticeUntil: string; status: string };
  };

  const claimStatus = async (id: string) =>
    (await expectStatus(t.http.get(`/api/claims/${id}`).set(sme.auth), 200)).body.status as string;

  beforeAll(async () => {
    t = await createTestApp({ env: voucherTestEnv() });
    clock = new ShiftedClock(t.app);
    w = await new VoucherWorld(t).init();
    let platformId: string;
    ({ operator, platformId } = await w.listedPlatform('晋江市纺织面料中试服务平台'));
    sme = await w.verifiedSme({ name: '晋江市恒达鞋材有限公司' });
    serviceId = await w.fixedService(operator, platformId, 1_000_000);
    programId = await w.openProgram({ noticeDays: 7 }); // RATIO 50 %, 公示 7 days
    voucherId = await w.voucher(sme, programId, 2_000_000);
  });
  afterAll(() => t.close());
  afterEach(async () => {
    clock.reset();
    expect(await verifyLedger(t.db.manager)).toEqual([]);
  });

  it('payment in the notice period is refused; an objection upheld rejects the claim and gives the amount back', async () => {
    const claim = await approvedClaim();
    expect(claim).toMatchObject({ status: 'APPROVED', noticeUntil: plusDays(today(), 7) });
    const early = await t.http.post(`/api/claims/${claim.id}/pay`).set(w.payer.auth).send({});
    expect([early.status, early.body.code]).toEqual([409, 'NOTICE_PERIOD']);
    expect(early.body.details).toEqual({ noticeUntil: claim.noticeUntil, payableFrom: plusDays(today(), 8) });
    expect(await claimStatus(claim.id)).toBe('APPROVED');

    // Anyone, without logging in, objects on day 3 of the notice.
    clock.advanceDays(3);
    const bad = await object(claim.id, { reason: '' });
    expect([bad.status, bad.body.code, bad.body.details?.fields?.[0]?.field]).toEqual([
      400,
      'VALIDATION_FAILED',
      'reason',
    ]);
    const receipt = await expectStatus(object(claim.id), 201);
    expect(receipt.body).toEqual({
      id: expect.any(String),
      claimId: claim.id,
      status: 'OPEN',
      createdAt: expect.any(String),
    });
    expect(await claimStatus(claim.id)).toBe('UNDER_OBJECTION');
    const notice = await expectStatus(t.http.get(`/api/voucher-programs/${programId}/public-notice`), 200);
    expect(notice.body).toMatchObject({ total: 1, items: [{ claimId: claim.id, status: 'UNDER_OBJECTION' }] });
    // under objection, not even after the notice would it be paid
    clock.advanceDays(10);
    const blocked = await t.http.post(`/api/claims/${claim.id}/pay`).set(w.payer.auth).send({});
    expect([blocked.status, blocked.body.code]).toEqual([409, 'INVALID_STATE_TRANSITION']);
    clock.advanceDays(-10);

    // The bureau sees the objector's contact; another bureau and the SME do not see the objection at all.
    const listed = await expectStatus(t.http.get(`/api/claims/${claim.id}/objections`).set(w.bureau.auth), 200);
    expect(listed.body).toMatchObject({
      total: 1,
      items: [{ id: receipt.body.id, contact: '13800000000', status: 'OPEN', decisionNote: null }],
    });
    const otherBureau = await createPrivilegedOrg(t, 'BUREAU', '350100');
    expect((await t.http.get(`/api/claims/${claim.id}/objections`).set(otherBureau.auth)).status).toBe(404);
    expect((await t.http.get(`/api/claims/${claim.id}/objections`).set(sme.auth)).status).toBe(403);
    const foreign = await t.http
      .post(`/api/claim-objections/${receipt.body.id}/uphold`)
      .set(otherBureau.auth)
      .send({ note: '不是我的' });
    expect(foreign.status).toBe(404);

    const before = await w.wallet(sme, voucherId);
    const upheld = await expectStatus(
      t.http
        .post(`/api/claim-objections/${receipt.body.id}/uphold`)
        .set(w.bureau.auth)
        .send({ note: '经核查双方存在关联关系' }),
      200,
    );
    expect(upheld.body).toMatchObject({ status: 'UPHELD', decisionNote: '经核查双方存在关联关系' });
    const rejected = await expectStatus(t.http.get(`/api/claims/${claim.id}`).set(sme.auth), 200);
    expect(rejected.body).toMatchObject({ status: 'REJECTED', reason: '异议成立：经核查双方存在关联关系' });
    // the payable of ¥5,000 went back to the voucher: nothing payable, the hold released
    expect(await w.wallet(sme, voucherId)).toMatchObject({
      balanceFen: (before.balanceFen as number) + 500_000,
      availableFen: (before.availableFen as number) + 500_000,
    });
    expect(await w.account(programId, 'PAYABLE', voucherId)).toBe(0);
    const [hold] = await t.db.query(`SELECT status, release_reason FROM voucher_holds WHERE id = $1`, [
      rejected.body.holdId,
    ]);
    expect(hold).toEqual({ status: 'RELEASED', release_reason: 'OBJECTION_UPHELD' });
    // decided once: a second decision is refused; the notice no longer lists the claim
    const again = await t.http
      .post(`/api/claim-objections/${receipt.body.id}/dismiss`)
      .set(w.bureau.auth)
      .send({ note: '再议' });
    expect([again.status, again.body.code]).toEqual([409, 'INVALID_STATE_TRANSITION']);
    expect((await t.http.get(`/api/voucher-programs/${programId}/public-notice`)).body).toMatchObject({
      total: 0,
      items: [],
    });
    const audit = await t.db.query(
      `SELECT action FROM audit_events WHERE entity_id = $1 AND action LIKE 'voucher.claim.objec%' ORDER BY occurred_at`,
      [claim.id],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'voucher.claim.objected',
      'voucher.claim.objection_upheld',
    ]);
  });

  it('an objection dismissed: the notice continues and the claim is paid the day after it ends', async () => {
    const claim = await approvedClaim();
    clock.advanceDays(6);
    const receipt = await expectStatus(object(claim.id, { contact: 'someone@example.com' }), 201);
    const second = await expectStatus(object(claim.id, { reason: '发票金额与合同不符，请核查' }), 201);
    expect(await claimStatus(claim.id)).toBe('UNDER_OBJECTION');
    await expectStatus(
      t.http.post(`/api/claim-objections/${receipt.body.id}/dismiss`).set(w.bureau.auth).send({ note: '异议不成立' }),
      200,
    );
    // one objection still open: the claim stays under objection
    expect(await claimStatus(claim.id)).toBe('UNDER_OBJECTION');
    await expectStatus(
      t.http.post(`/api/claim-objections/${second.body.id}/dismiss`).set(w.bureau.auth).send({ note: '发票已核验' }),
      200,
    );
    expect(await claimStatus(claim.id)).toBe('APPROVED');
    // still day 6 of 7: no payment yet
    const early = await t.http
      .post('/api/disbursement-batches')
      .set(w.payer.auth)
      .send({ programId, claimIds: [claim.id], reference: '泉财拨〔2026〕30号' });
    expect([early.status, early.body.code]).toEqual([409, 'NOTICE_PERIOD']);

    clock.advanceDays(2); // the day after the notice: objections closed, payment open
    const late = await object(claim.id);
    expect([late.status, late.body.code]).toEqual([409, 'NOTICE_CLOSED']);
    const batch = await expectStatus(
      t.http
        .post('/api/disbursement-batches')
        .set(w.payer.auth)
        .send({ programId, claimIds: [claim.id], reference: '泉财拨〔2026〕31号' }),
      201,
    );
    expect(batch.body).toMatchObject({ totalFen: 500_000, claimCount: 1 });
    expect(await claimStatus(claim.id)).toBe('PAID');
  });

  it('a claim not on notice is not public; the form is rate-limited per address', async () => {
    const order = await w.order(sme, serviceId);
    await expectStatus(w.hold(sme, order.id, voucherId), 201);
    await w.complete(sme, operator, order.id);
    await expectStatus(w.pay(sme, order.id, order.agreedAmountFen), 201);
    const submitted = await expectStatus(w.fileClaim(sme, w.claimBody(order)), 201);
    const hidden = await object(submitted.body.id);
    expect(hidden.status).toBe(404);
    expect((await object('00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM claim_objections WHERE claim_id = $1`, [
      submitted.body.id,
    ]);
    expect(n).toBe(0);

    // 10 an hour from one address: whatever their outcome, the 11th is refused
    while (lodged < 10) await object(submitted.body.id);
    const flooded = await object(submitted.body.id);
    expect([flooded.status, flooded.body.code]).toEqual([429, 'RATE_LIMITED']);
    // Objections have their own bucket: the flood does not block a sign-up from the same address.
    const signUp = await t.http.post('/api/auth/register').send({});
    expect([signUp.status, signUp.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});
