import { getQueueToken } from '@nestjs/bullmq';
import { QUEUES, REINDEX_SEARCH_JOB_ID } from '@pilotlink/queue';
import { SEARCH_INDEX_KINDS } from '@pilotlink/search';
import { createPrivilegedOrg, makeUscc, RegisteredOrg, TEST_PASSWORD } from '@pilotlink/testing';
import { Queue } from 'bullmq';
import { readFileSync } from 'node:fs';
import { indexedTitles, searchableTitles } from '../support/search-fixtures';
import { expectStatus, VoucherWorld } from '../support/voucher-fixtures';
import { eventually, expectSaved, PortalTest, signIn, startPortal } from './browser';

/**
 * An SME manages its demands in the portal: invites a matched platform (which then sees the demand in
 * full and finds the invitation in its inbox), closes one demand with a reason and cancels another on
 * a phone. An admin opens the operations page from the menu, rebuilds the search indexes and watches
 * the progress bar reach 100 % / 完成, retries a failed job, and downloads a report with progress.
 * Accounts, the listed platform and its service, and the demands themselves are set up through the API.
 */
describe('web portal: SME demand management and the admin page (browser)', () => {
  let p: PortalTest;
  let world: VoucherWorld;
  let operator: RegisteredOrg;
  let sme: RegisteredOrg;
  let admin: RegisteredOrg;
  let invitedDemandId: string;
  let cancelledDemandId: string;

  const INVITED = '石墨烯改性EVA鞋底中试放大';
  const CANCELLED = '石墨烯导热膜卷对卷中试';
  const SECRET = '配方含专利助剂，仅向受邀平台披露';

  beforeAll(async () => {
    p = await startPortal();
    world = await new VoucherWorld(p.t).init();
    const listed = await world.listedPlatform('晋江市新材料中试服务平台');
    operator = listed.operator;
    await world.fixedService(operator, listed.platformId, 3_000_000, {
      title: '石墨烯改性鞋材中试放大',
      description: '石墨烯改性EVA发泡鞋底的配方验证与中试放大',
      fieldCodes: ['MATERIALS_GRAPHENE'],
    });
    sme = await world.verifiedSme({ name: '晋江市鞋材科技有限公司' });
    admin = await createPrivilegedOrg(p.t, 'ADMIN', '350000');
    const demand = async (title: string, confidentiality: string) => {
      const created = await expectStatus(
        p.t.http
          .post('/api/demands')
          .set(sme.auth)
          .send({
            title,
            description: `${title}，3 批次。${SECRET}`,
            fieldCode: 'MATERIALS_GRAPHENE',
            stage: 'PILOT',
            mode: 'OPEN',
            confidentiality,
          }),
        201,
      );
      await expectStatus(p.t.http.post(`/api/demands/${created.body.id}/publish`).set(sme.auth), 200);
      return created.body.id as string;
    };
    invitedDemandId = await demand(INVITED, 'SUMMARY');
    cancelledDemandId = await demand(CANCELLED, 'PUBLIC');
    // Matches come from the search index, which the worker fills through the outbox.
    await eventually(async () => {
      const res = await p.t.http.get('/api/search/services').query({ q: '石墨烯' });
      return res.status === 200 && res.body.total > 0;
    }, 'the service to be indexed');
  });
  afterAll(() => p?.close());

  const demandOf = (who: RegisteredOrg, id: string) =>
    expectStatus(p.t.http.get(`/api/demands/${id}`).set(who.auth), 200);

  it('an SME invites a platform, closes one demand with a reason and cancels another on a phone', async () => {
    // Before the invitation the platform sees only the summary of the SUMMARY demand.
    expect((await demandOf(operator, invitedDemandId)).body).toMatchObject({ view: 'SUMMARY' });
    expect((await demandOf(operator, invitedDemandId)).body.description).toBeUndefined();

    const page = await p.page();
    await signIn(page, sme.email);
    await page.getByRole('heading', { name: '企业工作台' }).waitFor();
    await page.getByRole('link', { name: INVITED }).click();
    await page.waitForURL(`**/sme/demands/${invitedDemandId}`);
    const match = page.getByTestId('matches').locator('.ant-list-item', { hasText: '石墨烯改性鞋材中试放大' });
    await match.getByRole('button', { name: '邀请报价' }).click();
    await match.getByRole('button', { name: '已邀请' }).waitFor();
    expect(await match.getByRole('button', { name: '已邀请' }).isDisabled()).toBe(true);

    // The invited platform now sees the demand in full, and is told in its inbox.
    const full = await demandOf(operator, invitedDemandId);
    expect(full.body).toMatchObject({ view: 'FULL', description: expect.stringContaining(SECRET) });
    await eventually(async () => {
      const inbox = await expectStatus(p.t.http.get('/api/notifications').set(operator.auth), 200);
      return inbox.body.items.some(
        (n: { eventType: string; subjectId: string; title: string }) =>
          n.eventType === 'demand.invited' &&
          n.subjectId === invitedDemandId &&
          n.title === `您被邀请参与中试需求：${INVITED}`,
      );
    }, 'the invitation in the platform inbox');

    // Close it with a reason: the dialog explains what closing does.
    await page.getByTestId('demand-close').click();
    const dialog = page.locator('.ant-modal');
    await dialog.getByText('关闭后不再接收新报价').waitFor();
    await dialog.getByLabel('原因（选填）').fill('已与受邀平台线下签约');
    await dialog.getByRole('button', { name: '确认关闭' }).click();
    await page.getByTestId('demand-status').getByText('已关闭').waitFor();
    await page.getByTestId('demand-status-reason').getByText('已与受邀平台线下签约').waitFor();
    expect(await page.getByTestId('demand-close').count()).toBe(0);
    expect((await demandOf(sme, invitedDemandId)).body).toMatchObject({
      status: 'CLOSED',
      statusReason: '已与受邀平台线下签约',
    });

    // Cancel the other one at phone width, without a reason.
    const phone = await p.page({ width: 390, height: 844 });
    await signIn(phone, sme.email);
    await phone.getByRole('link', { name: CANCELLED }).click();
    await phone.waitForURL(`**/sme/demands/${cancelledDemandId}`);
    await phone.getByTestId('demand-cancel').click();
    await phone.locator('.ant-modal').getByText('取消后平台将看不到该需求').waitFor();
    await phone.locator('.ant-modal').getByRole('button', { name: '确认取消' }).click();
    await phone.getByTestId('demand-status').getByText('已取消').waitFor();
    expect(await phone.getByTestId('demand-cancel').count()).toBe(0);
    expect(await phone.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    expect((await demandOf(sme, cancelledDemandId)).body).toMatchObject({ status: 'CANCELLED', statusReason: null });

    // The SME's list shows both outcomes.
    await phone.goto('/sme');
    const mine = phone.locator('.ant-card', { hasText: '我的需求' });
    await mine.locator('tr', { hasText: INVITED }).getByText('已关闭').waitFor();
    await mine.locator('tr', { hasText: CANCELLED }).getByText('已取消').waitFor();
    // A cancelled demand is gone from search.
    await eventually(async () => {
      const hall = await expectStatus(
        p.t.http.get('/api/search/demands').set(operator.auth).query({ q: '导热膜' }),
        200,
      );
      return !hall.body.items.some((d: { id: string }) => d.id === cancelledDemandId);
    }, 'the cancelled demand to leave the demand hall');
  });

  /** Issue 16 point 10: a verified SME's techSme change waits for the bureau's 资料变更审核. */
  it('an SME asks to be 科技型中小企业; the bureau needs a reason to reject and approves it in 资料变更审核', async () => {
    const page = await p.page();
    await signIn(page, sme.email);
    const profile = page.getByTestId('org-profile');
    await profile.getByTestId('facts-locked-note').waitFor();
    await profile.getByLabel('科技型中小企业（已入库）').click();
    await profile.getByRole('button', { name: '保存（资格信息变更提交审核）' }).click();
    await expectSaved(profile, profile.getByTestId('pending-correction').getByText('待审核'));
    const filed = await expectStatus(p.t.http.get(`/api/orgs/${sme.orgId}`).set(sme.auth), 200);
    expect(filed.body).toMatchObject({ techSme: false, pendingCorrection: { requested: { techSme: true } } });

    const desk = await p.page();
    await signIn(desk, world.bureau.email);
    await desk.goto('/bureau');
    await desk.getByRole('tab', { name: '资料变更审核' }).click();
    const review = desk.getByTestId('org-corrections-review');
    const row = review.locator('tr', { hasText: '晋江市鞋材科技有限公司' });
    await row.getByText('是（已入库）').waitFor();
    // rejecting without a reason is refused on the field
    await row.getByRole('button', { name: '驳回' }).click();
    const dialog = desk.locator('.ant-modal');
    await dialog.getByRole('button', { name: '确认驳回' }).click();
    await dialog.locator('.ant-form-item-explain-error').getByText('理由：长度不能少于 2 个字符').waitFor();
    await dialog.locator('.ant-modal-close').click();
    await dialog.waitFor({ state: 'hidden' });
    await row.getByRole('button', { name: '通过' }).click();
    await review.getByText('暂无待审核的资料变更').waitFor();
    const approved = await expectStatus(p.t.http.get(`/api/orgs/${sme.orgId}`).set(sme.auth), 200);
    expect(approved.body).toMatchObject({ techSme: true, pendingCorrection: null });

    await page.reload();
    await profile.getByTestId('facts-locked-note').waitFor();
    expect(await profile.getByTestId('pending-correction').count()).toBe(0);
    expect(await profile.getByRole('switch').getAttribute('aria-checked')).toBe('true');
  });

  it("an SME's owner adds a colleague in 人员与权限, who signs in to the SME's workbench, and removes them", async () => {
    const page = await p.page();
    await signIn(page, sme.email);
    const members = page.getByTestId('members');
    const email = `sme-colleague-${Date.now()}@example.cn`;
    await members.getByLabel('姓名').fill('李采购');
    await members.getByLabel('邮箱').fill(email);
    await members.getByLabel('初始密码').fill(TEST_PASSWORD);
    await members.getByRole('button', { name: '添加', exact: true }).click();
    const row = members.locator('.ant-table-row', { hasText: email });
    await row.getByText('成员').waitFor();
    const colleague = await p.page();
    await signIn(colleague, email);
    await colleague.getByRole('heading', { name: '企业工作台' }).waitFor();
    await row.getByRole('button', { name: '移除李采购' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '移除' }).click();
    await row.waitFor({ state: 'detached' });
    expect((await p.t.http.post('/api/auth/login').send({ email, password: TEST_PASSWORD })).status).toBe(401);
  });

  it('an admin creates a bureau org; a bad USCC is refused next to its field', async () => {
    const page = await p.page();
    await signIn(page, admin.email);
    await page.getByRole('menuitem', { name: '运营管理' }).click();
    const card = page.getByTestId('create-bureau');
    const email = `bureau-${Date.now()}@gov.example.cn`;
    await card.getByLabel('机构名称').fill('石狮市科学技术局');
    await card.getByLabel('统一社会信用代码').fill('12345');
    await card.getByLabel('管辖地区代码').fill('350581');
    await card.getByLabel('负责人姓名').fill('林局长');
    await card.getByLabel('负责人邮箱').fill(email);
    await card.getByLabel('初始密码').fill(TEST_PASSWORD);
    await card.getByRole('button', { name: '创建' }).click();
    const usccItem = card.locator('.ant-form-item', { hasText: '统一社会信用代码' });
    await usccItem.locator('.ant-form-item-explain-error').waitFor();
    await card.getByLabel('统一社会信用代码').fill(makeUscc('350581', '11'));
    await card.getByRole('button', { name: '创建' }).click();
    await card.getByText('已创建：石狮市科学技术局').waitFor();
    const bureaus = await expectStatus(
      p.t.http.get('/api/orgs').query({ kind: 'BUREAU', limit: 100 }).set(admin.auth),
      200,
    );
    expect(bureaus.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: '石狮市科学技术局', regionCode: '350581' })]),
    );
    const owner = await p.page(); // the owner account signs in to the bureau's workbench
    await signIn(owner, email);
    await owner.getByRole('heading', { name: '监管工作台' }).waitFor();
  });

  it('an admin rebuilds the search indexes and watches the progress reach 100 % / 完成', async () => {
    const page = await p.page();
    await signIn(page, admin.email);
    await page.getByRole('menuitem', { name: '运营管理' }).click();
    await page.waitForURL('**/admin');
    await page.getByRole('heading', { name: '运营管理' }).waitFor();
    const card = page.getByTestId('reindex');
    await card.getByText('尚无重建记录').waitFor();

    await page.getByTestId('reindex-start').click();
    await card.getByTestId('reindex-state').getByText('完成').waitFor({ timeout: 30_000 });
    await card.getByTestId('reindex-progress').getByText('100%').waitFor();
    await card.getByTestId('reindex-result').getByText('索引重建完成').waitFor();
    const rows = card.getByTestId('reindex-indexes').locator('tbody tr');
    expect(await rows.count()).toBe(SEARCH_INDEX_KINDS.length); // one row per index, results and policies too
    await rows.filter({ hasText: '服务' }).getByText('1 / 1').waitFor();
    expect(await page.getByTestId('reindex-start').isEnabled()).toBe(true);

    // Behind the bar: the job completed at 100 %, and the indexes hold what PostgreSQL says.
    const job = await expectStatus(
      p.t.http.get(`/api/admin/search/reindex/${REINDEX_SEARCH_JOB_ID}`).set(admin.auth),
      200,
    );
    expect(job.body).toMatchObject({ state: 'completed', progress: { percent: 100 } });
    for (const kind of ['services', 'platforms'] as const) {
      expect(await indexedTitles(p.t, kind)).toEqual(await searchableTitles(p.t, kind));
    }
    // A reload shows the finished run, not an empty card.
    await page.reload();
    await card.getByTestId('reindex-state').getByText('完成').waitFor();
  });

  it('an admin retries a failed job and downloads a report with progress', async () => {
    // A maintenance job no handler knows fails at once (one attempt): it lands in the failed list.
    const maintenance = p.t.app.get<Queue>(getQueueToken(QUEUES.MAINTENANCE));
    await maintenance.add('no-such-job', {}, { jobId: 'broken-job', attempts: 1 });
    await eventually(
      async () => (await maintenance.getJob('broken-job'))?.failedReason !== undefined,
      'the job to fail',
    );

    const page = await p.page({ width: 390, height: 844 });
    await signIn(page, admin.email);
    await page.goto('/admin');
    const failed = page.getByTestId('failed-jobs');
    await failed.getByText('该队列没有失败任务').waitFor(); // webhooks first
    await failed.locator('.ant-select-selector').click();
    await page.locator('.ant-select-item-option', { hasText: '维护任务' }).click();
    const row = failed.locator('tr', { hasText: 'no-such-job' });
    await row.getByText('no handler for maintenance job no-such-job').waitFor();
    await row.getByRole('button', { name: '重试' }).click();
    // The answer to the retry, not its 3-second toast: the audit row below exists once it has come.
    const retriedAnswer = page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().includes('/api/admin/failed-jobs/maintenance/'),
    );
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    expect((await retriedAnswer).ok()).toBe(true);
    const [retried] = await p.t.db.query(
      `SELECT actor_org_id FROM audit_events WHERE action = 'job.retried' AND entity_id = 'maintenance/broken-job'`,
    );
    expect(retried).toEqual({ actor_org_id: admin.orgId });
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);

    // Reports stream with a progress indicator and arrive as a file.
    const desk = await p.page();
    await signIn(desk, admin.email);
    await desk.goto('/bureau');
    const year = new Date().getFullYear();
    // Hold the response back a moment: meanwhile the button is busy and the progress shows, not a frozen page.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await desk.route('**/api/reports/funnel?*', async (route) => {
      await held;
      await route.continue();
    });
    const button = desk.getByRole('button', { name: '下载漏斗 CSV' });
    const downloading = desk.waitForEvent('download');
    await button.click();
    await desk.getByTestId('download-progress').getByText('已接收').waitFor();
    expect(await button.isDisabled()).toBe(true);
    release();
    const file = await downloading;
    expect(file.suggestedFilename()).toBe(`funnel-${year}.csv`);
    const csv = readFileSync((await file.path())!, 'utf8');
    const api = await expectStatus(
      p.t.http.get('/api/reports/funnel').query({ year, format: 'csv' }).set(admin.auth),
      200,
    );
    expect(csv).toBe(api.text);
    await desk.getByText(`已下载 funnel-${year}.csv`).waitFor();
    expect(await button.isEnabled()).toBe(true);
    expect(await desk.getByTestId('download-progress').count()).toBe(0);
  });
});
