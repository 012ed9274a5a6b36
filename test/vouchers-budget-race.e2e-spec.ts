import { withTransaction } from '@pilotlink/database';
import { AuthService } from '@pilotlink/identity';
import { createTestApp, makeUscc, TestApp } from '@pilotlink/testing';
import { verifyLedger } from '@pilotlink/voucher/ledger/ledger-verifier';
import { expectStatus, VoucherWorld, voucherTestEnv } from './support/voucher-fixtures';

/**
 * Issuance never takes a program past its budget, even when approvals race (SPEC §6). In a file of its
 * own: should approvals ever queue badly again, the other voucher files still report on their own.
 */
describe('vouchers: racing approvals against the budget (e2e)', () => {
  let t: TestApp;
  let w: VoucherWorld;

  beforeAll(async () => {
    t = await createTestApp({ env: voucherTestEnv() });
    w = await new VoucherWorld(t).init();
  });
  afterAll(() => t.close());
  afterEach(async () => {
    expect(await verifyLedger(t.db.manager)).toEqual([]);
  });

  it('100 racing approvals against a budget that fits exactly 37: 37 vouchers, 63 × BUDGET_EXHAUSTED, nothing left', async () => {
    // 37 vouchers × ¥1,000 (100,000 fen) = 3,700,000 fen: the budget is spent exactly by the 37th.
    const programId = await w.openProgram({ budgetFen: 3_700_000, maxVoucherFen: 100_000 });
    // 100 pending applications need 100 SMEs (one open application per SME and program): the SMEs and
    // their applications are written directly — registering 100 orgs over HTTP would meet its rate limit,
    // and what races here is the approvals.
    const auth = t.app.get(AuthService);
    const applicationIds = await withTransaction(t.db, async (manager) => {
      const ids: string[] = [];
      for (let i = 0; i < 100; i++) {
        const org = await auth.insertOrg(
          manager,
          { kind: 'SME', name: `晋江市竞速测试企业${i}有限公司`, uscc: makeUscc('350582'), regionCode: '350582' },
          { verificationStatus: 'VERIFIED', verifiedAt: new Date(), verifiedByOrgId: w.bureau.orgId },
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
    expect(new Set(applicationIds).size).toBe(100);

    const answers = await Promise.all(applicationIds.map((id) => w.approve(id)));

    const byStatus = (s: number) => answers.filter((r) => r.status === s);
    expect(answers.map((r) => r.status).filter((s) => s !== 200 && s !== 409)).toEqual([]);
    expect(byStatus(200)).toHaveLength(37);
    expect(byStatus(409)).toHaveLength(63);
    for (const refused of byStatus(409)) expect(refused.body.code).toBe('BUDGET_EXHAUSTED');
    for (const ok of byStatus(200)) {
      expect(ok.body).toMatchObject({ status: 'APPROVED', approvedFen: 100_000, voucherId: expect.any(String) });
    }

    expect(await w.summary(programId)).toMatchObject({
      budgetFen: 3_700_000,
      issuedFen: 3_700_000, // 37 × 100,000
      remainingFen: 0,
      availableOnVouchersFen: 3_700_000,
      heldFen: 0,
      vouchersIssued: 37,
    });
    expect(await w.account(programId, 'BUDGET')).toBe(0);
    const [db] = await t.db.query(
      `SELECT (SELECT count(*)::int FROM vouchers WHERE program_id = $1) AS vouchers,
              (SELECT coalesce(sum(face_value_fen), 0)::text FROM vouchers WHERE program_id = $1) AS face,
              (SELECT count(*)::int FROM voucher_applications WHERE program_id = $1 AND status = 'APPROVED') AS approved,
              (SELECT count(*)::int FROM voucher_applications WHERE program_id = $1 AND status = 'PENDING') AS pending,
              (SELECT count(*)::int FROM ledger_transactions WHERE program_id = $1 AND kind = 'ISSUE') AS issues`,
      [programId],
    );
    expect(db).toEqual({ vouchers: 37, face: '3700000', approved: 37, pending: 63, issues: 37 });
    // the refused applications stay PENDING: a top-up lets the bureau approve one later
    await expectStatus(
      t.http.post(`/api/voucher-programs/${programId}/budget`).set(w.bureau.auth).send({ amountFen: 100_000 }),
      200,
    );
    const late = byStatus(409)[0];
    const lateId = applicationIds[answers.indexOf(late)];
    expect((await w.approve(lateId)).status).toBe(200);
    expect((await w.approve(lateId)).body.code).toBe('INVALID_STATE_TRANSITION');
    expect(await w.summary(programId)).toMatchObject({ budgetFen: 3_800_000, remainingFen: 0, vouchersIssued: 38 });
  });
});
