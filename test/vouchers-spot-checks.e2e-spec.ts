import { createPrivilegedOrg, createTestApp, RegisteredOrg, TestApp } from '@pilotlink/testing';
import { verifyLedger } from '@pilotlink/voucher/ledger/ledger-verifier';
import { expectStatus, VoucherWorld, voucherTestEnv } from './support/voucher-fixtures';

/**
 * Spot checks lead somewhere (SPEC §6; issue 16): "A sampled claim gets a check record (result, note,
 * evidence, who); a failed check can revoke the voucher (REVOKED), returning its unheld balance to the
 * budget, and marks the SME for the bureau's attention on later applications."
 */
describe('vouchers: spot checks and revocation (e2e)', () => {
  let t: TestApp;
  let w: VoucherWorld;
  let operator: RegisteredOrg;
  let sme: RegisteredOrg;
  let serviceId: string;

  beforeAll(async () => {
    t = await createTestApp({ env: voucherTestEnv() });
    w = await new VoucherWorld(t).init();
    let platformId: string;
    ({ operator, platformId } = await w.listedPlatform('晋江市纺织面料中试服务平台'));
    sme = await w.verifiedSme({ name: '晋江市抽查测试鞋材有限公司' });
    serviceId = await w.fixedService(operator, platformId, 1_000_000); // 50 % → ¥5,000 a hold
  });
  afterAll(() => t.close());
  afterEach(async () => {
    expect(await verifyLedger(t.db.manager)).toEqual([]);
  });

  it('a failed check revokes the voucher, its unheld balance goes back to the budget, the SME is marked', async () => {
    // every approved claim sampled (100 %), no public notice: paid at once
    const programId = await w.openProgram({ spotCheckBp: 10_000, noticeDays: 0, budgetFen: 5_000_000 });
    const voucherId = await w.voucher(sme, programId, 2_000_000);
    const order = await w.order(sme, serviceId);
    await expectStatus(w.hold(sme, order.id, voucherId), 201);
    await w.complete(sme, operator, order.id);
    await expectStatus(w.pay(sme, order.id, order.agreedAmountFen), 201);
    const filed = await expectStatus(w.fileClaim(sme, w.claimBody(order)), 201);
    const approved = await expectStatus(
      t.http.post(`/api/claims/${filed.body.id}/approve`).set(w.bureau.auth).send({}),
      200,
    );
    expect(approved.body).toMatchObject({ spotCheck: true, noticeUntil: null });
    // the reviewing bureau sees both parties with their shareholders (关联交易); the SME does not get them
    await w.correctFacts(sme, { shareholders: [{ holderKey: 'person-chen', holderName: '陈某某', shareBp: 6000 }] });
    const reviewed = await expectStatus(t.http.get(`/api/claims/${filed.body.id}`).set(w.bureau.auth), 200);
    expect(reviewed.body.parties).toEqual([
      expect.objectContaining({
        orgId: sme.orgId,
        name: '晋江市抽查测试鞋材有限公司',
        shareholders: [{ holderKey: 'person-chen', holderName: '陈某某', shareBp: 6000 }],
      }),
      expect.objectContaining({ orgId: operator.orgId, shareholders: [] }),
    ]);
    expect(reviewed.body.spotCheckRecord).toBeNull(); // sampled, not yet checked
    const own = await expectStatus(t.http.get(`/api/claims/${filed.body.id}`).set(sme.auth), 200);
    expect(own.body.parties).toBeUndefined();
    await expectStatus(t.http.post(`/api/claims/${filed.body.id}/pay`).set(w.payer.auth).send({}), 200);
    expect(await verifyLedger(t.db.manager)).toEqual([]);
    // another order still holds ¥5,000 of the voucher: that hold is not "unheld balance"
    const open = await w.order(sme, serviceId);
    await expectStatus(w.hold(sme, open.id, voucherId), 201);
    const before = await w.summary(programId);
    expect(await w.wallet(sme, voucherId)).toMatchObject({ availableFen: 1_000_000, heldFen: 500_000 });

    // only the bureau running the program checks; a passing check cannot revoke
    const other = await createPrivilegedOrg(t, 'BUREAU', '350100');
    const body = {
      result: 'FAIL',
      note: '现场核查：中试记录与验收报告不符',
      evidence: '现场照片 3 张、设备使用记录',
      revokeVoucher: true,
    };
    expect((await t.http.post(`/api/claims/${filed.body.id}/spot-check`).set(other.auth).send(body)).status).toBe(404);
    const passRevoke = await t.http
      .post(`/api/claims/${filed.body.id}/spot-check`)
      .set(w.bureau.auth)
      .send({ ...body, result: 'PASS' });
    expect([passRevoke.status, passRevoke.body.details?.fields?.[0]?.field]).toEqual([400, 'revokeVoucher']);

    const record = await expectStatus(
      t.http.post(`/api/claims/${filed.body.id}/spot-check`).set(w.bureau.auth).send(body),
      201,
    );
    expect(record.body).toMatchObject({
      claimId: filed.body.id,
      smeOrgId: sme.orgId,
      result: 'FAIL',
      note: '现场核查：中试记录与验收报告不符',
      evidence: '现场照片 3 张、设备使用记录',
      voucherRevoked: true,
      checkedByUserId: expect.any(String),
    });
    // the reviewers read the recorded check on the claim (one and list); the SME is not shown the note
    const seen = await expectStatus(t.http.get(`/api/claims/${filed.body.id}`).set(w.bureau.auth), 200);
    expect(seen.body.spotCheckRecord).toEqual(record.body);
    const claimList = await expectStatus(t.http.get('/api/claims').query({ programId }).set(w.bureau.auth), 200);
    expect(claimList.body.items.find((c: { id: string }) => c.id === filed.body.id).spotCheckRecord).toEqual(
      record.body,
    );
    const mine = await expectStatus(t.http.get('/api/claims').set(sme.auth), 200);
    expect(mine.body.items[0]).not.toHaveProperty('spotCheckRecord');
    expect(await verifyLedger(t.db.manager)).toEqual([]);
    expect(await w.wallet(sme, voucherId)).toMatchObject({ status: 'REVOKED', availableFen: 0, heldFen: 500_000 });
    const after = await w.summary(programId);
    expect(after.remainingFen).toBe((before.remainingFen as number) + 1_000_000); // the unheld ¥10,000
    const [revokeTx] = await t.db.query(
      `SELECT count(*)::int AS n FROM ledger_transactions WHERE program_id = $1 AND kind = 'REVOKE_RETURN'`,
      [programId],
    );
    expect(revokeTx.n).toBe(1);
    // a revoked voucher takes no new hold; checked once only
    const another = await w.order(sme, serviceId);
    const refused = await w.hold(sme, another.id, voucherId);
    expect([refused.status, refused.body.code]).toEqual([422, 'VOUCHER_NOT_ACTIVE']);
    const twice = await t.http.post(`/api/claims/${filed.body.id}/spot-check`).set(w.bureau.auth).send(body);
    expect(twice.status).toBe(409);

    // the open order's hold, released later, goes back to the budget too
    await expectStatus(w.act(sme, open.id, 'cancel', { note: '不再需要' }), 200);
    expect((await w.summary(programId)).remainingFen).toBe((after.remainingFen as number) + 500_000);

    // the SME's later application is marked for the bureau's attention
    const programId2 = await w.openProgram({ name: '2027 年晋江市中试服务券', year: 2027 });
    await expectStatus(w.apply(sme, programId2, 500_000), 201);
    const listed = await expectStatus(
      t.http.get('/api/voucher-applications').query({ programId: programId2 }).set(w.bureau.auth),
      200,
    );
    expect(listed.body.items).toEqual([expect.objectContaining({ smeOrgId: sme.orgId, failedSpotChecks: 1 })]);
  });
});
