import { createTestApp, RegisteredOrg, TestApp } from '@pilotlink/testing';
import { inboxOf, settle } from './support/notification-fixtures';
import { expectStatus, idemKey, VoucherWorld, voucherTestEnv } from './support/voucher-fixtures';

/** Every decision on voucher money reaches the orgs it concerns through the outbox → BullMQ → inbox pipeline. */
describe('vouchers: decisions notified (e2e)', () => {
  let t: TestApp;
  let w: VoucherWorld;
  let sme: RegisteredOrg;

  beforeAll(async () => {
    t = await createTestApp({ env: voucherTestEnv() });
    w = await new VoucherWorld(t).init();
    sme = await w.verifiedSme({ name: '晋江市通知测试鞋材有限公司' });
    await t.startWorker();
  });
  afterAll(() => t.close());

  it('application submitted → the bureau; approved and rejected → the SME, once each, in Chinese', async () => {
    const programId = await w.openProgram({ budgetFen: 1_000_000 });
    const first = await expectStatus(w.apply(sme, programId, 300_000), 201);
    const approved = await expectStatus(w.approve(first.body.id, {}, w.bureau, idemKey()), 200);
    // one open application at a time: the second once the first is decided
    const second = await expectStatus(w.apply(sme, programId, 200_000), 201);
    expect([first.body.smeOrgName, approved.body.smeOrgName]).toEqual(Array(2).fill('晋江市通知测试鞋材有限公司'));
    await expectStatus(
      t.http
        .post(`/api/voucher-applications/${second.body.id}/reject`)
        .set(w.bureau.auth)
        .send({ reason: '同一项目已获支持' }),
      200,
    );

    // The bureau's list names the applicant (reviewers see who asks); the SME sees its own the same way.
    const listed = await expectStatus(
      t.http.get('/api/voucher-applications').query({ programId }).set(w.bureau.auth),
      200,
    );
    expect(listed.body.items).toHaveLength(2);
    for (const item of listed.body.items) {
      expect(item).toMatchObject({ smeOrgId: sme.orgId, smeOrgName: '晋江市通知测试鞋材有限公司' });
    }
    const own = await expectStatus(t.http.get('/api/voucher-applications').set(sme.auth), 200);
    expect(own.body.items.map((a: { smeOrgName: string }) => a.smeOrgName)).toEqual([
      '晋江市通知测试鞋材有限公司',
      '晋江市通知测试鞋材有限公司',
    ]);

    // Every outbox row relayed and its jobs done: what is in the inboxes now is all there will be.
    await settle(t);
    const smeInbox = await inboxOf(t, sme.orgId);
    const byType = (type: string) => smeInbox.filter((row) => row.event_type === type);
    expect(byType('voucher.application.approved')).toHaveLength(1);
    expect(byType('voucher.application.approved')[0]).toMatchObject({ title: '您的服务券申请已获批准' });
    expect(byType('voucher.application.approved')[0].body).toContain('批准面额：3,000元');
    expect(byType('voucher.application.rejected')).toHaveLength(1);
    expect(byType('voucher.application.rejected')[0].body).toContain('原因：同一项目已获支持');
    // The SME is not told about its own applications; the bureau is, once per application.
    expect(byType('voucher.application.submitted')).toHaveLength(0);
    const bureauInbox = await inboxOf(t, w.bureau.orgId);
    expect(bureauInbox.filter((row) => row.event_type === 'voucher.application.submitted')).toHaveLength(2);
  });
});
