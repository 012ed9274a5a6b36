import { RegisteredOrg, registerOrg } from '@pilotlink/testing';
import type { Locator, Page } from 'playwright-core';
import { expectStatus, PDF, plusDays, today, VoucherWorld, voucherTestEnv } from '../support/voucher-fixtures';
import { journeyShot, PortalTest, signIn, startPortal } from './browser';

const PLATFORM = '晋江市功能陶瓷检测中试平台';

/**
 * Issue 18 in the portal: an SME cancels an order (with a reason) and disputes a delivery (the reason is
 * required, refused empty next to its field), each outcome shown to both parties; a platform operator
 * uploads a qualification's certificate scan (a wrong kind of file refused next to the field) and the
 * bureau downloads it while reviewing the platform, whose public page then says 证书已上传; the SME's
 * quote comparison shows the subsidy its voucher would give on each quote. What other roles do (order
 * acceptance and delivery, quoting, voucher approval) is done through the API as those roles.
 */
describe('web portal: order cancel and dispute, certificate scans, subsidy per quote (browser)', () => {
  let p: PortalTest;
  let w: VoucherWorld;
  let sme: RegisteredOrg;
  let operator: RegisteredOrg;
  let platformId: string;
  let serviceId: string;

  beforeAll(async () => {
    p = await startPortal({ env: voucherTestEnv() });
    w = await new VoucherWorld(p.t).init();
    ({ operator, platformId } = await w.listedPlatform('晋江市纺织面料中试服务平台'));
    serviceId = await w.fixedService(operator, platformId, 500_000, { title: '面料色牢度中试检测' });
    sme = await w.verifiedSme();
  });
  afterAll(() => p?.close());

  const item = (scope: Locator, label: string) =>
    scope.locator('.ant-form-item', { has: scope.page().locator(`label:text-is("${label}")`) });
  const status = (page: Page) => page.getByTestId('order-status');

  it('the SME cancels an accepted order with a reason; the platform sees who cancelled and why', async () => {
    const order = await w.order(sme, serviceId);
    await expectStatus(w.act(operator, order.id, 'accept'), 200);
    const page = await p.page();
    await signIn(page, sme.email);
    await page.goto(`/orders/${order.id}`);
    await status(page).getByText('已接单').waitFor();
    // only what the SME may do now: confirm the contract or cancel — never the platform's actions
    await page.getByTestId('order-action-contract').waitFor();
    expect(await page.getByTestId('order-action-accept').count()).toBe(0);
    expect(await page.getByTestId('order-action-dispute').count()).toBe(0);
    await page.getByTestId('order-action-cancel').click();
    const dialog = page.locator('.ant-modal', { hasText: '取消订单' });
    await item(dialog, '取消原因').locator('textarea').fill('需求有变，暂不开展该项中试');
    const cancelled = page.waitForResponse((r) => r.url().endsWith(`/api/orders/${order.id}/cancel`));
    await dialog.getByRole('button', { name: '确认取消' }).click();
    expect((await cancelled).status()).toBe(200);
    await status(page).getByText('已取消').waitFor();
    const outcome = page.getByTestId('order-outcome');
    await outcome.getByText('订单已由企业取消').waitFor();
    await outcome.getByText('原因：需求有变，暂不开展该项中试').waitFor();
    await page.getByText('订单已结束，无需操作').waitFor();
    expect(await page.getByTestId('order-action-cancel').count()).toBe(0);

    const platformPage = await p.page();
    await signIn(platformPage, operator.email);
    await platformPage.goto(`/orders/${order.id}`);
    await platformPage.getByTestId('order-outcome').getByText('原因：需求有变，暂不开展该项中试').waitFor();
  });

  it('the SME disputes a delivery: the reason is required; the platform is offered the rework', async () => {
    const order = await w.order(sme, serviceId);
    for (const [who, action] of [
      [operator, 'accept'],
      [sme, 'contract'],
      [operator, 'contract'],
      [operator, 'start'],
    ] as const) {
      await expectStatus(w.act(who, order.id, action), 200);
    }
    await expectStatus(
      p.t.http.post(`/api/orders/${order.id}/deliver`).set(operator.auth).attach('file', PDF, '检测报告.pdf'),
      200,
    );
    const page = await p.page();
    await signIn(page, sme.email);
    // the order list says what is up to the SME
    await page.goto('/sme');
    await page
      .locator('.ant-table-row', { hasText: order.contractNumber })
      .getByText('确认验收、对交付提出异议')
      .waitFor();
    await page.goto(`/orders/${order.id}`);
    await status(page).getByText('已交付').waitFor();
    expect(await page.getByTestId('order-action-cancel').count()).toBe(0); // too late to cancel
    await page.getByTestId('order-action-dispute').click();
    const dialog = page.locator('.ant-modal', { hasText: '对交付提出异议' });
    await dialog.getByRole('button', { name: '提交异议' }).click();
    await item(dialog, '异议原因').locator('.ant-form-item-explain-error').getByText('请填写异议原因').waitFor();
    await item(dialog, '异议原因').locator('textarea').fill('检测报告缺少第 3 批样品的色牢度数据');
    const disputed = page.waitForResponse((r) => r.url().endsWith(`/api/orders/${order.id}/dispute`));
    await dialog.getByRole('button', { name: '提交异议' }).click();
    expect((await disputed).status()).toBe(200);
    await status(page).getByText('争议中').waitFor();
    await page.getByTestId('order-outcome').getByText('原因：检测报告缺少第 3 批样品的色牢度数据').waitFor();
    await page.getByTestId('order-action-complete').waitFor(); // it may still accept after all
    await journeyShot(page, 'orders-and-certificates', '01-sme-dispute');

    const platformPage = await p.page();
    await signIn(platformPage, operator.email);
    await platformPage.goto(`/orders/${order.id}`);
    await platformPage.getByTestId('order-outcome').getByText('企业已对交付提出异议').waitFor();
    await platformPage.getByRole('button', { name: '返工（重新开始服务）' }).click();
    await status(platformPage).getByText('服务中').waitFor();
  });

  it('the operator uploads a certificate scan; the bureau downloads it in review; the public sees 证书已上传', async () => {
    const owner = await registerOrg(p.t.http, { kind: 'PLATFORM_OPERATOR' });
    await expectStatus(p.t.http.post(`/api/orgs/${owner.orgId}/verify`).set(w.bureau.auth), 200);
    const created = await expectStatus(
      p.t.http
        .post('/api/platforms')
        .set(owner.auth)
        .send({
          name: PLATFORM,
          type: 'TESTING',
          operatingModel: 'SPECIALIZED',
          fieldCodes: ['TEXTILE_FIBER'],
          regionCode: '350582',
          description: '功能陶瓷材料的性能检测与中试验证。',
          qualifications: [{ kind: 'CNAS', certificateNo: 'CNAS L30001', validUntil: '2031-06-30' }],
        }),
      201,
    );
    const page = await p.page();
    await signIn(page, owner.email);
    await page.goto('/platform');
    const field = page.getByTestId('certificate-field');
    // a file that is not a PDF/JPG/PNG: refused next to the field
    await field.locator('input[type=file]').setInputFiles({
      name: '证书.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('MZ\x90\x00 this is no scan'),
    });
    await field.locator('.ant-form-item-explain-error').getByText('证书扫描件须为 PDF、JPG 或 PNG 文件').waitFor();
    await field.locator('input[type=file]').setInputFiles({
      name: 'CNAS证书.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await field.getByTestId('certificate-on-file').getByText('证书已上传：CNAS证书.pdf').waitFor();
    await page.getByTestId('platform-review-status').getByRole('button', { name: '提交审核' }).click();
    await page.getByTestId('platform-review-status').locator('.ant-tag', { hasText: '待审核' }).waitFor();

    const desk = await p.page();
    await signIn(desk, w.bureau.email);
    await desk.getByRole('tab', { name: '平台监管' }).click();
    const review = desk.getByTestId('platforms-review');
    const row = review.locator('.ant-table-row', { hasText: PLATFORM });
    await row.locator('.ant-table-row-expand-icon').click();
    const scan = review.getByTestId('submission-qualifications').locator('.ant-table-row', { hasText: 'CNAS L30001' });
    const downloading = desk.waitForEvent('download');
    await scan.getByRole('button', { name: '下载 CNAS证书.pdf' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('CNAS证书.pdf');
    await journeyShot(desk, 'orders-and-certificates', '02-bureau-certificate');
    await row.getByRole('button', { name: '审核通过并上架' }).click();
    await row.waitFor({ state: 'detached' });

    const visitor = await p.page();
    await visitor.goto(`/platforms/${created.body.id}`);
    await visitor.getByTestId('qualification').getByText('证书已上传').waitFor();
  });

  it("the quote comparison shows what the SME's voucher would give on each quote", async () => {
    const programId = await w.openProgram({ name: '2026 年晋江市中试服务券' });
    await w.voucher(sme, programId, 1_000_000);
    const demand = await expectStatus(
      p.t.http
        .post('/api/demands')
        .set(sme.auth)
        .send({
          title: '功能面料色牢度中试',
          fieldCode: 'TEXTILE_FIBER',
          stage: 'PILOT',
          categories: ['SCALE_UP'],
          mode: 'OPEN',
          confidentiality: 'PUBLIC',
        }),
      201,
    );
    await expectStatus(p.t.http.post(`/api/demands/${demand.body.id}/publish`).set(sme.auth), 200);
    const other = await w.listedPlatform('石狮市服装中试服务平台');
    for (const [who, pid, priceFen] of [
      [operator, platformId, 800_000],
      [other.operator, other.platformId, 3_000_000],
    ] as const) {
      await expectStatus(
        p.t.http
          .post(`/api/demands/${demand.body.id}/quotes`)
          .set(who.auth)
          .send({
            platformId: pid,
            priceFen,
            timelineDays: 30,
            scope: '色牢度、断裂强力检测与中试',
            validUntil: plusDays(today(), 30),
          }),
        201,
      );
    }
    const page = await p.page();
    await signIn(page, sme.email);
    await page.goto(`/sme/demands/${demand.body.id}`);
    const quotes = page.getByTestId('quotes');
    // 50 % of ¥8,000; of ¥30,000 the ¥10,000 voucher bounds it
    await quotes
      .locator('.ant-table-row', { hasText: '¥8,000.00' })
      .getByTestId('quote-subsidy')
      .getByText('¥4,000.00')
      .waitFor();
    await quotes
      .locator('.ant-table-row', { hasText: '¥30,000.00' })
      .getByTestId('quote-subsidy')
      .getByText('¥10,000.00')
      .waitFor();
    await journeyShot(page, 'orders-and-certificates', '03-quote-subsidy');
  });
});
