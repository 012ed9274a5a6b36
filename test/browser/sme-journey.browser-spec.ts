import { login, makeUscc, RegisteredOrg, TEST_PASSWORD } from '@pilotlink/testing';
import type { Locator, Page } from 'playwright-core';
import { expectStatus, PDF, plusDays, today, VoucherWorld, voucherTestEnv } from '../support/voucher-fixtures';
import { ShiftedClock } from '../support/shifted-clock';
import { eventually, journeyShot, PortalTest, signIn, startPortal, submitDialog } from './browser';

const DEMAND = '石墨烯导热膜中试放大';
const JOURNEY = 'sme-journey';

/**
 * Issue 18, journey 2 (`sme-journey`), in the portal: an SME registers through the registration page;
 * the bureau verifies it (机构认证) and approves its voucher application; it posts a PRIVATE demand
 * (the confidentiality levels explained), invites two platforms from the matches, compares their quotes
 * side by side (price, timeline, scope, rating, response time), asks one for a revision — a too-short
 * note is refused next to its field — and, once revised, declines the other with a structured reason
 * and accepts; at checkout it holds its voucher, releases it and holds it again, confirms the contract,
 * pays, accepts the delivery, files the claim, rates the platform and follows the claim through the bureau's
 * approval (公示) to payment by the bureau's payer. What the platforms do (quote,
 * revise, contract, start, deliver the acceptance report) is done through the API as those platforms.
 */
describe('web portal: an SME from registration to a voucher claim (browser)', () => {
  let p: PortalTest;
  let world: VoucherWorld;
  let programId: string;
  const platforms: { name: string; operator: RegisteredOrg; platformId: string; serviceId: string }[] = [];

  beforeAll(async () => {
    p = await startPortal({ env: voucherTestEnv() });
    world = await new VoucherWorld(p.t).init();
    for (const name of ['晋江市石墨烯应用中试平台', '泉州市先进碳材料中试基地']) {
      const { operator, platformId } = await world.listedPlatform(name);
      const serviceId = await world.fixedService(operator, platformId, 6_000_000, {
        title: `${name.slice(0, 3)}石墨烯导热膜中试`,
        description: '石墨烯导热膜的涂布、碳化与石墨化中试放大',
        fieldCodes: ['MATERIALS_GRAPHENE'],
      });
      platforms.push({ name, operator, platformId, serviceId });
    }
    programId = await world.openProgram({ maxVoucherFen: 2_000_000 });
    await eventually(async () => {
      const res = await p.t.http.get('/api/search/services').query({ q: '石墨烯导热膜' });
      return res.status === 200 && res.body.total >= 2;
    }, 'both services to be indexed');
  });
  afterAll(() => p?.close());

  /** The form item labelled `label` inside `scope`. */
  const item = (scope: Locator, label: string) =>
    scope.locator('.ant-form-item', { has: scope.page().locator(`label:text-is("${label}")`) });
  const quoteRow = (page: Page, platform: string) =>
    page.getByTestId('quotes').locator('.ant-table-row', { hasText: platform });

  it('register → verified → voucher → private demand → invite → compare → revise → accept → hold → pay → claim', async () => {
    const [a, b] = platforms;
    // Register through the portal (an SME is the form's default kind).
    const sme = await p.page();
    const email = `sme-journey-${Date.now()}@example.cn`;
    const orgName = `晋江市导热材料科技有限公司${Date.now() % 100000}`;
    await sme.goto('/');
    await sme.getByRole('button', { name: '注册' }).click();
    await sme.getByLabel('企业名称').fill(orgName);
    await sme.getByLabel('统一社会信用代码').fill(makeUscc('350582'));
    await sme.getByLabel('联系人姓名').fill('王经理');
    await sme.getByLabel('邮箱').fill(email);
    await sme.getByLabel('密码').fill(TEST_PASSWORD);
    await sme.locator('form').getByRole('button', { name: '注册' }).click();
    await sme.getByRole('heading', { name: '企业工作台' }).waitFor();

    // The bureau verifies it in 机构认证.
    const desk = await p.page();
    await signIn(desk, world.bureau.email);
    await desk.getByRole('tab', { name: '机构认证' }).click();
    const orgRow = desk.locator('.ant-table-row', { hasText: orgName });
    await orgRow.getByRole('button', { name: '认证通过' }).click();
    await orgRow.waitFor({ state: 'detached' });

    // The SME applies for a voucher; the bureau approves it.
    await sme.reload();
    await sme.getByTestId('voucher-apply').getByRole('button', { name: '申请' }).click();
    const applyModal = sme.locator('.ant-modal');
    await applyModal.getByLabel('用途').fill('石墨烯导热膜中试放大及性能检测');
    await applyModal.getByRole('button', { name: '提交申请' }).click();
    await sme.getByTestId('my-applications').getByText('待审核').waitFor();
    await desk.getByRole('tab', { name: '服务券申请' }).click();
    const applications = desk.getByTestId('applications');
    await applications.getByText('石墨烯导热膜中试放大及性能检测').waitFor();
    await applications.getByRole('button', { name: '批准' }).click();
    await desk.locator('.ant-modal').getByLabel('批准金额（元）').fill('20000');
    await desk.locator('.ant-modal').getByRole('button', { name: '确认批准' }).click();
    await applications.getByText('石墨烯导热膜中试放大及性能检测').waitFor({ state: 'detached' });
    await sme.reload();
    await sme.getByTestId('voucher-wallet').getByText('面额 ¥20,000.00').waitFor();
    await journeyShot(sme, JOURNEY, '01-verified-with-voucher');

    // A PRIVATE demand: each level says who will see what.
    await sme.getByRole('button', { name: '发布中试需求' }).click();
    await sme.getByLabel('需求标题').fill(DEMAND);
    await sme.getByLabel('详细描述').fill('石墨烯导热膜涂布、碳化与石墨化的中试放大，3 批次，含导热系数检测。');
    await sme.getByLabel('行业领域').click();
    await sme.keyboard.type('石墨烯');
    await sme.locator('.ant-select-tree-node-content-wrapper', { hasText: '石墨烯' }).first().click();
    await sme.getByText('详细描述仅对您邀请的平台').waitFor(); // SUMMARY by default, explained
    await sme.getByText('不公开', { exact: true }).click();
    await sme.getByText('需求不进入需求大厅和搜索，仅您邀请的平台可见并报价。').waitFor();
    await journeyShot(sme, JOURNEY, '02-private-demand');
    await sme.getByRole('button', { name: '发布需求' }).click();
    await sme.waitForURL(/\/sme\/demands\/[0-9a-f-]{36}$/);
    const demandId = new URL(sme.url()).pathname.split('/').pop()!;

    // Invite both platforms from the matches.
    const matches = sme.getByTestId('matches');
    for (const platform of platforms) {
      const match = matches.locator('.ant-list-item', { hasText: platform.name });
      const invited = sme.waitForResponse(
        (r) => r.request().method() === 'POST' && r.url().endsWith(`/api/demands/${demandId}/invitations`),
      );
      await match.getByRole('button', { name: '邀请报价' }).click();
      expect((await invited).status()).toBe(204);
      await match.getByRole('button', { name: '已邀请' }).waitFor();
    }
    await journeyShot(sme, JOURNEY, '03-invite-from-matches');

    // Both invited platforms quote (the API, as each platform).
    const validUntil = plusDays(today(), 30);
    const quoteIds: string[] = [];
    for (const [platform, priceFen, timelineDays] of [
      [a, 4_800_000, 40],
      [b, 5_600_000, 30],
    ] as const) {
      const quoted = await expectStatus(
        p.t.http
          .post(`/api/demands/${demandId}/quotes`)
          .set(platform.operator.auth)
          .send({
            platformId: platform.platformId,
            serviceId: platform.serviceId,
            priceFen,
            timelineDays,
            scope: `${platform.name.slice(0, 3)}：涂布 + 碳化 + 石墨化 3 批次，导热系数检测报告`,
            validUntil,
          }),
        201,
      );
      quoteIds.push(quoted.body.id);
    }

    // Side by side: price, the subsidy each would get, timeline, scope, rating, response time.
    await sme.reload();
    const rowA = quoteRow(sme, a.name);
    const rowB = quoteRow(sme, b.name);
    await rowA.getByText('¥48,000.00').waitFor();
    await rowA.getByText('最低').waitFor();
    await rowA.getByText('40 天').waitFor();
    await rowB.getByText('¥56,000.00').waitFor();
    await rowB.getByText('最快').waitFor();
    await rowB.getByText('泉州市：涂布 + 碳化 + 石墨化 3 批次').waitFor();
    await rowB.getByText('暂无评价').waitFor();
    // each quote's estimated subsidy: 50 % of the price, bounded by the ¥20,000 voucher
    await rowA.getByTestId('quote-subsidy').getByText('¥20,000.00').waitFor();
    await rowB.getByTestId('quote-subsidy').getByText('¥20,000.00').waitFor();
    await journeyShot(sme, JOURNEY, '04-quote-compare');

    // Ask B for a revision; a one-character note is refused next to its field.
    await rowB.getByRole('button', { name: '请求修改' }).click();
    const revise = sme.locator('.ant-modal', { hasText: `请求修改报价：${b.name}` });
    await item(revise, '修改要求').locator('textarea').fill('降');
    await revise.getByRole('button', { name: '发送修改要求' }).click();
    await item(revise, '修改要求')
      .locator('.ant-form-item-explain-error', { hasText: '长度不能少于 2 个字符' })
      .waitFor();
    await item(revise, '修改要求').locator('textarea').fill('请将价格降至 5 万元以内，周期保持 30 天');
    await submitDialog(revise, '发送修改要求');
    await rowB.getByText('待修改').waitFor();
    await rowB.getByText('修改要求：请将价格降至 5 万元以内，周期保持 30 天').waitFor();

    // B revises (the API, as B).
    await expectStatus(
      p.t.http.post(`/api/quotes/${quoteIds[1]}/revise`).set(b.operator.auth).send({ priceFen: 4_900_000 }),
      200,
    );
    await sme.getByRole('button', { name: '刷新' }).last().click();
    await rowB.getByText('¥49,000.00').waitFor();
    await rowB.getByText('修改后第 2 版').waitFor();

    // Decline A with a structured reason; the platform reads it.
    await rowA.getByRole('button', { name: '婉拒' }).click();
    const decline = sme.locator('.ant-modal', { hasText: `婉拒报价：${a.name}` });
    await decline.getByRole('button', { name: '确认婉拒' }).click();
    await item(decline, '婉拒原因').getByText('请选择婉拒原因').waitFor();
    await item(decline, '婉拒原因').locator('.ant-select-selector').click();
    await sme.locator('.ant-select-item-option', { hasText: '周期过长' }).click();
    await item(decline, '补充说明').locator('textarea').fill('需要 30 天内完成');
    await submitDialog(decline, '确认婉拒');
    await rowA.getByText('婉拒原因：周期过长（需要 30 天内完成）').waitFor();
    const seen = await expectStatus(p.t.http.get(`/api/demands/${demandId}/quotes`).set(a.operator.auth), 200);
    expect(seen.body.items[0]).toMatchObject({ status: 'DECLINED', declineReason: 'TIMELINE_TOO_LONG' });

    // Accept B → the order; hold the voucher, release it, hold it again.
    await rowB.getByRole('button', { name: '接受报价' }).click();
    await sme.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
    const orderId = new URL(sme.url()).pathname.split('/').pop()!;
    const checkout = sme.getByTestId('voucher-checkout');
    await checkout.getByText('可抵 ¥20,000.00').waitFor();
    await checkout.getByRole('button', { name: '使用服务券' }).click();
    await checkout.getByText('已使用服务券，冻结 ¥20,000.00').waitFor();
    await checkout.getByTestId('release-hold').click();
    await sme.locator('.ant-popconfirm').getByRole('button', { name: '确定释放' }).click();
    await checkout.getByRole('button', { name: '使用服务券' }).waitFor();
    await checkout.getByText('可抵 ¥20,000.00').waitFor();
    await checkout.getByRole('button', { name: '使用服务券' }).click();
    await checkout.getByText('已使用服务券，冻结 ¥20,000.00').waitFor();
    await journeyShot(sme, JOURNEY, '05-voucher-hold-at-checkout');

    // Contract (both), start and deliver the acceptance report (platform: API); the SME pays and accepts.
    await sme.getByRole('button', { name: '确认合同' }).click();
    await sme.getByRole('button', { name: '确认合同' }).waitFor({ state: 'detached' });
    await expectStatus(world.act(b.operator, orderId, 'contract'), 200);
    await expectStatus(world.act(b.operator, orderId, 'start'), 200);
    await expectStatus(
      p.t.http
        .post(`/api/orders/${orderId}/deliver`)
        .set(b.operator.auth)
        .attach('file', PDF, '导热膜中试验收报告.pdf'),
      200,
    );
    await sme.reload();
    await sme.getByTestId('order-status').getByText('已交付').waitFor();
    await sme.getByLabel('付款凭证号').fill('转账-20260002');
    await sme.getByRole('button', { name: '登记付款' }).click();
    await sme.getByText('凭证 转账-20260002').waitFor();
    await sme.getByRole('button', { name: '确认验收' }).click();
    await sme.getByTestId('order-status').getByText('已完成').waitFor();
    await sme.getByLabel('发票号码').fill('35002612345679');
    await sme.getByLabel('付款凭证号').fill('转账-20260002');
    await sme.getByRole('button', { name: '提交兑付申请' }).click();
    await sme.getByTestId('claim-filed').getByText('¥20,000.00').waitFor();
    const review = sme.getByTestId('order-review');
    await review.getByLabel('评价内容').fill('报价清楚，修改及时');
    await review.getByRole('button', { name: '提交评价' }).click();
    await review.getByText('“报价清楚，修改及时”').waitFor();
    await journeyShot(sme, JOURNEY, '06-claim-filed-and-review');

    // The claim's status, as the SME follows it on the order: approved (公示), then paid after the notice.
    await sme.getByTestId('claim-filed').getByText('待审核').waitFor();
    await desk.goto('/bureau');
    await desk.getByRole('tab', { name: '兑付审核' }).click();
    // The only claim in this test's database.
    const claimRow = desk.getByTestId('claims').locator('.ant-table-row').first();
    await claimRow.getByRole('button', { name: '批准' }).click();
    await claimRow.getByText('已通过（公示中）').waitFor();
    await sme.reload();
    await sme.getByTestId('claim-filed').getByText('已通过（公示中）').waitFor();
    const [{ notice_days: noticeDays }] = await p.t.db.query(`SELECT notice_days FROM voucher_programs WHERE id = $1`, [
      programId,
    ]);
    const clock = new ShiftedClock(p.t.app).advanceDays(noticeDays + 1);
    try {
      // Who approved does not pay (maker-checker): the bureau's payer records the disbursement.
      const payer = await p.page();
      await signIn(payer, world.payer.email);
      await payer.getByRole('tab', { name: '兑付审核' }).click();
      const toPay = payer.getByTestId('claims').locator('.ant-table-row', { hasText: '已通过（公示中）' });
      await toPay.locator('.ant-checkbox-input').check();
      await payer.getByPlaceholder('拨付文号').fill('晋财拨〔2026〕21号');
      await payer.getByRole('button', { name: '生成拨付批次' }).click();
      await payer.getByTestId('claims').getByText('已拨付').waitFor();
    } finally {
      clock.reset();
    }
    await sme.reload();
    await sme.getByTestId('claim-filed').getByText('已拨付').waitFor();
    await journeyShot(sme, JOURNEY, '07-claim-paid');

    const smeOrg = await login(p.t.http, email);
    const claims = await expectStatus(p.t.http.get('/api/claims').set(smeOrg.auth), 200);
    expect(claims.body.items).toEqual([expect.objectContaining({ orderId, amountFen: 2_000_000 })]);
  });
});
