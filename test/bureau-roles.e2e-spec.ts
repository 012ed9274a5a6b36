import { randomUUID } from 'node:crypto';
import { addMember, createTestApp, RegisteredOrg, registerOrg, TestApp } from '@pilotlink/testing';
import { verifyLedger } from '@pilotlink/voucher/ledger/ledger-verifier';
import { expectStatus, VoucherWorld, voucherTestEnv } from './support/voucher-fixtures';

/**
 * Least privilege for money (issue 15 point 5; SPEC §2, §6): a bureau's users hold duties — the OWNER
 * everything, a REVIEWER decides, a PAYER disburses, a MEMBER reads — and under a program's maker-checker
 * option (on by default) whoever approved a claim does not record its payment, alone or in a batch.
 */
describe('bureau roles and maker-checker (e2e)', () => {
  let t: TestApp;
  let w: VoucherWorld;
  let reviewer: RegisteredOrg;
  let member: RegisteredOrg;
  let operator: RegisteredOrg;
  let sme: RegisteredOrg;
  let serviceId: string;

  beforeAll(async () => {
    t = await createTestApp({ env: voucherTestEnv() });
    w = await new VoucherWorld(t).init();
    reviewer = await addMember(t.http, w.bureau, 'REVIEWER');
    member = await addMember(t.http, w.bureau, 'MEMBER');
    let platformId: string;
    ({ operator, platformId } = await w.listedPlatform());
    sme = await w.verifiedSme({ name: '晋江市职责分离测试鞋业有限公司' });
    serviceId = await w.fixedService(operator, platformId, 400_000); // 50 % → ¥2,000 a claim
  });
  afterAll(() => t.close());
  afterEach(async () => {
    expect(await verifyLedger(t.db.manager)).toEqual([]);
  });

  /** A claim of a completed, paid order, filed and approved by `approver`; no public notice, so payable now. */
  async function approvedClaim(programId: string, voucherId: string, approver: RegisteredOrg) {
    const order = await w.order(sme, serviceId);
    await expectStatus(w.hold(sme, order.id, voucherId), 201);
    await w.complete(sme, operator, order.id);
    await expectStatus(w.pay(sme, order.id, order.agreedAmountFen), 201);
    const filed = await expectStatus(w.fileClaim(sme, w.claimBody(order)), 201);
    const approved = await expectStatus(
      t.http.post(`/api/claims/${filed.body.id}/approve`).set(approver.auth).send({}),
      200,
    );
    expect(approved.body).toMatchObject({ status: 'APPROVED', decidedByUserId: approver.userId });
    return { claimId: filed.body.id as string, orderId: order.id };
  }

  const claimStatus = async (id: string) =>
    (await expectStatus(t.http.get(`/api/claims/${id}`).set(w.bureau.auth), 200)).body.status as string;

  it('the approver cannot record the payment (403 MAKER_CHECKER, nothing changes); a different PAYER can', async () => {
    const programId = await w.openProgram({ noticeDays: 0 });
    const program = await expectStatus(t.http.get(`/api/voucher-programs/${programId}`).set(w.bureau.auth), 200);
    expect(program.body.makerChecker).toBe(true); // on by default
    const voucherId = await w.voucher(sme, programId, 1_000_000);
    // the OWNER may both approve and pay in general, but not the same claim
    const { claimId, orderId } = await approvedClaim(programId, voucherId, w.bureau);
    const before = await w.footprint(programId, orderId);
    const payableBefore = await w.account(programId, 'PAYABLE', voucherId);

    const refused = await w.payClaim(claimId, w.bureau);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'MAKER_CHECKER', details: { claimIds: [claimId] } });
    expect(await claimStatus(claimId)).toBe('APPROVED');
    expect(await w.footprint(programId, orderId)).toEqual(before);
    expect(await w.account(programId, 'PAYABLE', voucherId)).toBe(payableBefore);
    expect(await w.account(programId, 'PAID')).toBe(0);

    const paid = await expectStatus(w.payClaim(claimId), 200);
    expect(paid.body).toMatchObject({ status: 'PAID', decidedByUserId: w.bureau.userId });
    expect(await w.account(programId, 'PAID')).toBe(200_000);
  });

  it('a batch holding a claim its payer approved is refused whole, naming that claim', async () => {
    const programId = await w.openProgram({ noticeDays: 0 });
    const voucherId = await w.voucher(sme, programId, 1_000_000);
    const byReviewer = await approvedClaim(programId, voucherId, reviewer);
    // the payer is made a reviewer for a while (roles apply at once, the token unchanged), approves, and is
    // made a payer again
    const setRole = (user: RegisteredOrg, role: string) =>
      t.http.patch(`/api/orgs/${w.bureau.orgId}/members/${user.userId}`).set(w.bureau.auth).send({ role });
    expect((await expectStatus(setRole(w.payer, 'REVIEWER'), 200)).body.role).toBe('REVIEWER');
    const byPayer = await approvedClaim(programId, voucherId, w.payer);
    expect((await expectStatus(setRole(w.payer, 'PAYER'), 200)).body.role).toBe('PAYER');
    const before = await w.footprint(programId, byPayer.orderId);
    const batches = async () =>
      (await t.db.query(`SELECT count(*)::int AS n FROM disbursement_batches WHERE program_id = $1`, [programId]))[0].n;

    const batch = (who: RegisteredOrg, reference: string) =>
      t.http
        .post('/api/disbursement-batches')
        .set(who.auth)
        .send({ programId, reference, claimIds: [byReviewer.claimId, byPayer.claimId] });
    const refused = await batch(w.payer, '晋财拨〔2026〕31号');
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'MAKER_CHECKER', details: { claimIds: [byPayer.claimId] } });
    expect(await claimStatus(byReviewer.claimId)).toBe('APPROVED');
    expect(await claimStatus(byPayer.claimId)).toBe('APPROVED');
    expect(await w.footprint(programId, byPayer.orderId)).toEqual(before);
    expect(await batches()).toBe(0);

    // the owner approved neither: the whole batch is paid
    const paid = await expectStatus(batch(w.bureau, '晋财拨〔2026〕32号'), 201);
    expect(paid.body).toMatchObject({ claimCount: 2, totalFen: 400_000 });
    expect(await claimStatus(byPayer.claimId)).toBe('PAID');
  });

  it('duties gate the routes: a REVIEWER cannot pay, a PAYER cannot decide or run programs, a MEMBER only reads', async () => {
    const programId = await w.openProgram({ noticeDays: 0 });
    const voucherId = await w.voucher(sme, programId, 1_000_000);
    const { claimId, orderId } = await approvedClaim(programId, voucherId, reviewer);
    const before = await w.footprint(programId, orderId);
    const forbidden = (res: { status: number; body: { code: string } }) => {
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN_ROLE');
    };

    forbidden(await w.payClaim(claimId, reviewer));
    forbidden(
      await t.http
        .post('/api/disbursement-batches')
        .set(reviewer.auth)
        .send({ programId, reference: '晋财拨〔2026〕41号', claimIds: [claimId] }),
    );
    forbidden(await w.payClaim(claimId, member));
    expect(await claimStatus(claimId)).toBe('APPROVED');
    expect(await w.footprint(programId, orderId)).toEqual(before);

    // a PAYER decides nothing: not a claim, not an application, not an org's verification
    const next = await w.order(sme, serviceId);
    await expectStatus(w.hold(sme, next.id, voucherId), 201);
    await w.complete(sme, operator, next.id);
    await expectStatus(w.pay(sme, next.id, next.agreedAmountFen), 201);
    const filed = await expectStatus(w.fileClaim(sme, w.claimBody(next)), 201);
    forbidden(await t.http.post(`/api/claims/${filed.body.id}/approve`).set(w.payer.auth).send({}));
    forbidden(await t.http.post(`/api/claims/${filed.body.id}/approve`).set(member.auth).send({}));
    expect(await claimStatus(filed.body.id)).toBe('SUBMITTED');
    const otherSme = await w.verifiedSme();
    const application = await expectStatus(w.apply(otherSme, programId, 100_000), 201);
    forbidden(await w.approve(application.body.id, {}, w.payer));
    const unverified = await registerOrg(t.http, { regionCode: '350582' });
    forbidden(await t.http.post(`/api/orgs/${unverified.orgId}/verify`).set(w.payer.auth));
    // programs are the owner's: neither duty creates one
    forbidden(await t.http.post('/api/voucher-programs').set(reviewer.auth).send({}));
    forbidden(await t.http.post(`/api/voucher-programs/${programId}/budget`).set(w.payer.auth).send({ amountFen: 1 }));

    // governance alike: a payer does not suspend platforms, only the owner sets subsidy rules
    forbidden(await t.http.post(`/api/platforms/${randomUUID()}/suspend`).set(w.payer.auth).send({}));
    forbidden(await t.http.post('/api/subsidy-rules').set(reviewer.auth).send({}));

    // each may still read, and does what its duty allows
    await expectStatus(t.http.get(`/api/claims/${claimId}`).set(member.auth), 200);
    await expectStatus(w.approve(application.body.id, {}, reviewer), 200);
    await expectStatus(w.payClaim(claimId), 200);
  });

  it('with maker-checker off, the owner approves and pays the same claim', async () => {
    const programId = await w.openProgram({ noticeDays: 0, makerChecker: false });
    const program = await expectStatus(t.http.get(`/api/voucher-programs/${programId}`).set(w.bureau.auth), 200);
    expect(program.body.makerChecker).toBe(false);
    const voucherId = await w.voucher(sme, programId, 1_000_000);
    const { claimId } = await approvedClaim(programId, voucherId, w.bureau);
    const paid = await expectStatus(w.payClaim(claimId, w.bureau), 200);
    expect(paid.body.status).toBe('PAID');
  });

  it('only a bureau hands out REVIEWER or PAYER (400); only the owner gives roles, never to themselves', async () => {
    const smeMember = await addMember(t.http, sme, 'MEMBER');
    for (const role of ['REVIEWER', 'PAYER']) {
      const added = await t.http
        .post(`/api/orgs/${sme.orgId}/members`)
        .set(sme.auth)
        .send({
          email: `x-${role.toLowerCase()}-${Date.now()}@example.cn`,
          password: 'test-password-123',
          displayName: '张三',
          role,
        });
      expect(added.status).toBe(400);
      expect(added.body.code).toBe('VALIDATION_FAILED');
      const changed = await t.http
        .patch(`/api/orgs/${sme.orgId}/members/${smeMember.userId}`)
        .set(sme.auth)
        .send({ role });
      expect(changed.status).toBe(400);
      expect(changed.body.code).toBe('VALIDATION_FAILED');
    }
    const members = await expectStatus(t.http.get(`/api/orgs/${sme.orgId}/members`).set(sme.auth), 200);
    expect(members.body.items.map((u: { role: string }) => u.role).sort()).toEqual(['MEMBER', 'OWNER']);

    // a reviewer cannot promote itself or others; the owner cannot change its own role
    const byReviewer = await t.http
      .patch(`/api/orgs/${w.bureau.orgId}/members/${member.userId}`)
      .set(reviewer.auth)
      .send({ role: 'PAYER' });
    expect(byReviewer.status).toBe(403);
    const own = await t.http
      .patch(`/api/orgs/${w.bureau.orgId}/members/${w.bureau.userId}`)
      .set(w.bureau.auth)
      .send({ role: 'PAYER' });
    expect(own.status).toBe(409);
    // another org's user answers 404
    const foreign = await t.http
      .patch(`/api/orgs/${w.bureau.orgId}/members/${smeMember.userId}`)
      .set(w.bureau.auth)
      .send({ role: 'PAYER' });
    expect(foreign.status).toBe(404);
  });
});
