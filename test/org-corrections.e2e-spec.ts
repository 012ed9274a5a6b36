import { createPrivilegedOrg, createTestApp, RegisteredOrg, registerOrg, TestApp } from '@pilotlink/testing';
import { expectStatus, VoucherWorld, voucherTestEnv } from './support/voucher-fixtures';

/**
 * Issue 16 point 10 / SPEC §2: "Facts that decide eligibility (techSme, legal representative,
 * shareholders, region) are frozen at verification: a later change is a correction request a bureau
 * approves; until then the verified values apply."
 */
describe('org corrections: eligibility facts change only when a bureau approves (e2e)', () => {
  let t: TestApp;
  let w: VoucherWorld;
  let foreignBureau: RegisteredOrg;
  let techOnlyProgram: string;

  beforeAll(async () => {
    t = await createTestApp({ env: voucherTestEnv() });
    w = await new VoucherWorld(t).init(); // bureau of 泉州 (350500), covering 晋江
    foreignBureau = await createPrivilegedOrg(t, 'BUREAU', '350100'); // 福州: not its jurisdiction
    techOnlyProgram = await w.openProgram({ name: '2026 年科技型中小企业专项券', smeTechOnly: true });
  });
  afterAll(() => t.close());

  const patch = (org: RegisteredOrg, body: Record<string, unknown>) =>
    t.http.patch(`/api/orgs/${org.orgId}`).set(org.auth).send(body);
  const decide = (who: RegisteredOrg, id: string, action: 'approve' | 'reject' | 'cancel', body = {}) =>
    t.http.post(`/api/org-corrections/${id}/${action}`).set(who.auth).send(body);
  const audit = async (entityId: string) =>
    (await t.db.query(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY seq`, [entityId])).map(
      (r: { action: string }) => r.action,
    );

  it('a techSme change waits for the bureau: refused as not 科技型 until approved, then eligible', async () => {
    const sme = await w.verifiedSme();
    const filed = await expectStatus(patch(sme, { techSme: true, size: 'SMALL' }), 200);
    // the profile field applies, the eligibility fact does not
    expect(filed.body).toMatchObject({
      techSme: false,
      size: 'SMALL',
      pendingCorrection: { status: 'PENDING', requested: { techSme: true }, current: { techSme: false } },
    });
    const correctionId = filed.body.pendingCorrection.id as string;
    const own = await expectStatus(t.http.get(`/api/orgs/${sme.orgId}`).set(sme.auth), 200);
    expect(own.body).toMatchObject({ techSme: false, pendingCorrection: { id: correctionId } });

    const refused = await w.apply(sme, techOnlyProgram, 500_000);
    expect([refused.status, refused.body.code]).toEqual([422, 'SME_NOT_TECH_SME']);

    // the bureau of the SME's region sees current beside requested; another region's bureau sees nothing
    const queue = await expectStatus(t.http.get('/api/org-corrections').set(w.bureau.auth), 200);
    expect(queue.body.items).toContainEqual(
      expect.objectContaining({
        id: correctionId,
        orgId: sme.orgId,
        status: 'PENDING',
        requested: { techSme: true },
        current: { techSme: false, legalRepresentative: null, shareholders: [] },
      }),
    );
    const foreignQueue = await expectStatus(t.http.get('/api/org-corrections').set(foreignBureau.auth), 200);
    expect(foreignQueue.body.items.map((c: { id: string }) => c.id)).not.toContain(correctionId);
    const foreign = await decide(foreignBureau, correctionId, 'approve');
    expect([foreign.status, foreign.body.code]).toEqual([404, 'NOT_FOUND']);
    // the SME cannot approve its own request, nor can the bureau's payer: deciding is a reviewer's duty
    const byPayer = await decide(w.payer, correctionId, 'approve');
    expect([byPayer.status, byPayer.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    expect((await decide(sme, correctionId, 'approve')).status).toBe(403);
    expect((await t.http.get(`/api/orgs/${sme.orgId}`).set(sme.auth)).body.techSme).toBe(false);

    const approved = await expectStatus(decide(w.bureau, correctionId, 'approve'), 200);
    expect(approved.body).toMatchObject({
      status: 'APPROVED',
      current: { techSme: true },
      decidedAt: expect.any(String),
    });
    const after = await expectStatus(t.http.get(`/api/orgs/${sme.orgId}`).set(sme.auth), 200);
    expect(after.body).toMatchObject({ techSme: true, pendingCorrection: null });
    await expectStatus(w.apply(sme, techOnlyProgram, 500_000), 201);
    expect(await audit(correctionId)).toEqual(['org.correction_requested', 'org.correction_approved']);
    // decided once
    const again = await decide(w.bureau, correctionId, 'approve');
    expect([again.status, again.body.code]).toEqual([409, 'INVALID_STATE_TRANSITION']);
  });

  it('a second change amends the one pending request; rejected with a reason, the verified values stay', async () => {
    const sme = await w.verifiedSme();
    const first = await expectStatus(patch(sme, { legalRepresentative: '陈建国' }), 200);
    const second = await expectStatus(patch(sme, { techSme: true }), 200);
    expect(second.body.pendingCorrection).toMatchObject({
      id: first.body.pendingCorrection.id,
      requested: { legalRepresentative: '陈建国', techSme: true },
    });
    const id = second.body.pendingCorrection.id as string;
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM org_corrections WHERE org_id = $1 AND status = 'PENDING'`,
      [sme.orgId],
    );
    expect(n).toBe(1);
    // the database keeps one PENDING request per org even if the service did not
    await expect(
      t.db.query(`INSERT INTO org_corrections (org_id, tech_sme, requested_by_user_id) VALUES ($1, true, $2)`, [
        sme.orgId,
        sme.userId,
      ]),
    ).rejects.toThrow(/org_corrections_one_pending/);

    const noReason = await decide(w.bureau, id, 'reject', {});
    expect([noReason.status, noReason.body.code, noReason.body.details.fields[0].field]).toEqual([
      400,
      'VALIDATION_FAILED',
      'reason',
    ]);
    const rejected = await expectStatus(
      decide(w.bureau, id, 'reject', { reason: '未提供科技型中小企业入库证明' }),
      200,
    );
    expect(rejected.body).toMatchObject({ status: 'REJECTED', rejectionReason: '未提供科技型中小企业入库证明' });
    const org = await expectStatus(t.http.get(`/api/orgs/${sme.orgId}`).set(sme.auth), 200);
    expect(org.body).toMatchObject({ techSme: false, legalRepresentative: null, pendingCorrection: null });
    const mine = await expectStatus(t.http.get('/api/org-corrections').set(sme.auth), 200);
    expect(mine.body.items).toEqual([
      expect.objectContaining({ id, status: 'REJECTED', rejectionReason: '未提供科技型中小企业入库证明' }),
    ]);
    expect((await w.apply(sme, techOnlyProgram, 500_000)).body.code).toBe('SME_NOT_TECH_SME');
    expect(await audit(id)).toEqual(['org.correction_requested', 'org.correction_amended', 'org.correction_rejected']);
  });

  it('shareholders too: the PUT answers the list in force; the owner may withdraw; a change back withdraws', async () => {
    const sme = await w.verifiedSme();
    const holders = [{ holderKey: 'person-chen', holderName: '陈某某', shareBp: 6000 }];
    const put = await expectStatus(
      t.http.put(`/api/orgs/${sme.orgId}/shareholders`).set(sme.auth).send({ shareholders: holders }),
      200,
    );
    expect(put.body).toEqual([]);
    const org = await expectStatus(t.http.get(`/api/orgs/${sme.orgId}`).set(sme.auth), 200);
    expect(org.body.pendingCorrection).toMatchObject({ requested: { shareholders: holders } });
    const id = org.body.pendingCorrection.id as string;
    // another SME cannot see or withdraw it
    const other = await w.verifiedSme();
    expect((await decide(other, id, 'cancel')).status).toBe(404);
    const cancelled = await expectStatus(decide(sme, id, 'cancel'), 200);
    expect(cancelled.body.status).toBe('CANCELLED');
    expect((await t.http.get(`/api/orgs/${sme.orgId}/shareholders`).set(sme.auth)).body).toEqual([]);

    // asking for a change and then for the verified value again leaves nothing pending
    await expectStatus(patch(sme, { techSme: true }), 200);
    const back = await expectStatus(patch(sme, { techSme: false }), 200);
    expect(back.body.pendingCorrection).toBeNull();
  });

  it('an unverified org edits freely; an admin edits a verified org directly (audited)', async () => {
    const draft = await registerOrg(t.http, { regionCode: '350582' });
    const edited = await expectStatus(patch(draft, { techSme: true, legalRepresentative: '林华' }), 200);
    expect(edited.body).toMatchObject({ techSme: true, legalRepresentative: '林华', pendingCorrection: null });

    const sme = await w.verifiedSme();
    const admin = await createPrivilegedOrg(t, 'ADMIN', '350500');
    const direct = await expectStatus(patch({ ...sme, auth: admin.auth }, { techSme: true }), 200);
    expect(direct.body).toMatchObject({ techSme: true, pendingCorrection: null });
    expect(await audit(sme.orgId)).toContain('org.updated');
  });
});
