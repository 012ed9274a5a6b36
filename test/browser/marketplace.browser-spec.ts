import { JINJIANG_RULES, SubsidyRule } from '@pilotlink/governance';
import { login, makeUscc, RegisteredOrg, TEST_PASSWORD } from '@pilotlink/testing';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expectStatus, PDF, VoucherWorld, voucherTestEnv } from '../support/voucher-fixtures';
import { ShiftedClock } from '../support/shifted-clock';
import { eventually, PortalTest, SCREENSHOTS, signIn, startPortal } from './browser';

/**
 * The marketplace in a real browser: public platform/service pages; an SME registers, applies for a
 * voucher which the bureau approves (the SME's inbox shows it, the wallet holds it), posts a demand
 * and sees matches; a platform sees the demand among its service's matches and quotes; the SME
 * accepts, applies the voucher, pays, accepts the delivery, files the claim and rates the order (the
 * platform sees the rating); the bureau approves the claim, sees it on the public notice, its payer pays it in a
 * disbursement batch and sees it on its dashboard. A second scenario covers governance: the platform
 * applies for recognition, the bureau decides it, assesses subsidies, sees the indicators and creates,
 * opens and tops up a program. What the portal does not cover here (the bureau's account, verifying
 * orgs, listing the platform and its service, the first program, the subsidy rules, the platform's
 * accept/contract/start/deliver) is set up through the HTTP API.
 */
describe('web portal: the marketplace flow in Chromium (browser)', () => {
  let p: PortalTest;
  let world: VoucherWorld;
  let operator: RegisteredOrg;
  let programId: string;

  beforeAll(async () => {
    p = await startPortal({ env: voucherTestEnv() });
    world = await new VoucherWorld(p.t).init();
    const listed = await world.listedPlatform('晋江市新材料中试服务平台');
    operator = listed.operator;
    await world.fixedService(operator, listed.platformId, 3_000_000, {
      title: '石墨烯改性鞋材中试放大',
      description: '石墨烯改性EVA发泡鞋底的配方验证与中试放大',
      fieldCodes: ['MATERIALS_GRAPHENE'],
    });
    programId = await world.openProgram({ maxVoucherFen: 2_000_000 });
    // The worker indexes the service through the outbox; the home page searches it.
    await eventually(async () => {
      const res = await p.t.http.get('/api/search/services').query({ q: '石墨烯' });
      return res.status === 200 && res.body.total > 0;
    }, 'the service to be indexed');
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(() => p?.close());

  it('SME → platform → SME with a voucher → bureau, all through the portal', async () => {
    // Public home: search with the voucher badge.
    const sme = await p.page();
    await sme.goto('/');
    await sme.getByPlaceholder('输入关键词').fill('石墨烯');
    await sme.getByRole('button', { name: '搜索' }).click();
    const card = sme.locator('.ant-card', { hasText: '晋江市新材料中试服务平台' });
    await card.getByText('可用服务券').waitFor();
    // Public platform and service pages.
    await card.getByText('晋江市新材料中试服务平台').click();
    await sme.getByTestId('platform-services').getByText('石墨烯改性鞋材中试放大').click();
    await sme.locator('.ant-descriptions').getByText('晋江市新材料中试服务平台').waitFor();
    await sme.getByText('登录后可下单').waitFor();

    // Register as an SME; a bad USCC is refused next to its field, in Chinese.
    const email = `sme-${Date.now()}@example.cn`;
    await sme.getByRole('button', { name: '注册' }).click();
    await sme.getByLabel('企业名称').fill('晋江市鞋材科技有限公司');
    await sme.getByLabel('统一社会信用代码').fill('91350582MA00000000');
    await sme.getByLabel('联系人姓名').fill('陈经理');
    await sme.getByLabel('邮箱').fill(email);
    await sme.getByLabel('密码').fill(TEST_PASSWORD);
    await sme.locator('form').getByRole('button', { name: '注册' }).click();
    await sme.locator('#org_uscc_help').getByText('统一社会信用代码').waitFor();
    await sme.getByLabel('统一社会信用代码').fill(makeUscc('350582'));
    await sme.locator('form').getByRole('button', { name: '注册' }).click();
    await sme.getByRole('heading', { name: '企业工作台' }).waitFor();

    // The bureau verifies the new SME (API); the SME applies for a voucher in the portal.
    const smeOrg = await login(p.t.http, email);
    await expectStatus(p.t.http.post(`/api/orgs/${smeOrg.orgId}/verify`).set(world.bureau.auth), 200);
    await sme.reload();
    const apply = sme.getByTestId('voucher-apply');
    await apply.getByRole('button', { name: '申请' }).click();
    const applyModal = sme.locator('.ant-modal');
    await applyModal.getByLabel('用途').fill('石墨烯改性EVA鞋底中试放大及性能检测');
    await applyModal.getByRole('button', { name: '提交申请' }).click();
    await sme.getByTestId('my-applications').getByText('待审核').waitFor();

    // The bureau approves it in the portal; the SME is notified (inbox) and sees the voucher in its wallet.
    const bureau = await p.page();
    await signIn(bureau, world.bureau.email);
    await bureau.getByRole('tab', { name: '服务券申请' }).click();
    const applications = bureau.getByTestId('applications');
    await applications.getByText('石墨烯改性EVA鞋底中试放大及性能检测').waitFor();
    await applications.getByRole('button', { name: '批准' }).click();
    await bureau.locator('.ant-modal').getByLabel('批准金额（元）').fill('20000');
    await bureau.locator('.ant-modal').getByRole('button', { name: '确认批准' }).click();
    // Not the 3-second toast, which a loaded machine's polling can miss: the row leaves the pending list.
    await applications.getByText('石墨烯改性EVA鞋底中试放大及性能检测').waitFor({ state: 'detached' });
    // The notification is delivered by the worker (outbox → queue → dispatch): wait for its row, then
    // open the inbox once — not a page load per poll, which on loaded cores ate the whole deadline.
    await eventually(async () => {
      const rows = await p.t.db.query(`SELECT 1 FROM notifications WHERE title = '您的服务券申请已获批准'`);
      return rows.length > 0;
    }, 'the approval notification to be delivered');
    await sme.goto('/notifications');
    await sme.getByTestId('inbox').getByText('您的服务券申请已获批准').waitFor();
    await sme.getByTestId('unread-count').locator('.ant-badge-count').waitFor();
    const approval = sme.getByTestId('inbox').locator('.ant-list-item', { hasText: '您的服务券申请已获批准' });
    await approval.getByRole('button', { name: '标为已读' }).click();
    await approval.getByText('已读').waitFor();
    await sme.screenshot({ path: join(SCREENSHOTS, 'inbox.png'), fullPage: true, animations: 'disabled' });
    await sme.goto('/sme');
    await sme.getByTestId('voucher-wallet').getByText('面额 ¥20,000.00').waitFor();
    await sme.getByTestId('my-applications').getByText('已批准').waitFor();

    // Post a demand (confidentiality explained) and see the matches with their reasons.
    await sme.getByRole('button', { name: '发布中试需求' }).click();
    await sme.getByLabel('需求标题').fill('石墨烯改性EVA鞋底中试放大');
    await sme.getByLabel('详细描述').fill('需要石墨烯改性EVA发泡鞋底的中试放大，3 批次。');
    await sme.getByLabel('行业领域').click();
    await sme.keyboard.type('石墨烯');
    await sme.locator('.ant-select-tree-node-content-wrapper', { hasText: '石墨烯' }).first().click();
    await sme.getByText('详细描述仅对您邀请的平台').waitFor(); // SUMMARY by default, explained
    await sme.getByText('公开', { exact: true }).click();
    await sme.getByText('所有已认证平台可在需求大厅看到全部内容').waitFor();
    await sme.getByRole('button', { name: '发布需求' }).click();
    await sme.waitForURL(/\/sme\/demands\/[0-9a-f-]{36}$/);
    const demandUrl = new URL(sme.url()).pathname;
    const matches = sme.getByTestId('matches');
    await matches.getByText('石墨烯改性鞋材中试放大').waitFor();
    await matches.getByText('领域匹配').first().waitFor();
    await matches.getByText('可用服务券').first().waitFor();

    // The platform finds the demand in its hall (once indexed) and quotes.
    const platform = await p.page();
    await signIn(platform, operator.email);
    await platform.getByRole('heading', { name: '平台工作台' }).waitFor();
    const hall = platform.getByTestId('demand-hall');
    // The worker indexes the demand through the outbox: wait for that first, so the portal's search finds it
    // (searching the same words again is not a new query for the page, so it would not fetch again).
    await eventually(async () => {
      const res = await p.t.http.get('/api/search/demands').query({ q: '石墨烯' }).set(operator.auth);
      return (
        res.status === 200 && res.body.items.some((d: { title: string }) => d.title === '石墨烯改性EVA鞋底中试放大')
      );
    }, 'the demand to be indexed');
    await eventually(async () => {
      await platform.getByPlaceholder('搜索需求').fill('石墨烯');
      await platform.getByPlaceholder('搜索需求').press('Enter');
      return hall
        .getByText('石墨烯改性EVA鞋底中试放大')
        .waitFor({ timeout: 1_000 })
        .then(() => true)
        .catch(() => false);
    }, 'the demand in the platform hall');
    // Its own service's matching demands include the new one.
    const mine = platform.getByTestId('my-platform');
    await mine.getByTestId('my-services').getByRole('button', { name: '匹配需求' }).click();
    await platform.getByTestId('matching-demands').getByText('石墨烯改性EVA鞋底中试放大').waitFor();
    await platform.locator('.ant-modal-close').click();
    await platform.screenshot({ path: join(SCREENSHOTS, 'platform.png'), fullPage: true, animations: 'disabled' });
    await hall
      .locator('.ant-list-item', { hasText: '石墨烯改性EVA鞋底中试放大' })
      .getByRole('button', { name: '报价' })
      .click();
    const modal = platform.locator('.ant-modal');
    await modal.getByLabel('报价金额（元）').fill('50000');
    await modal.getByLabel('服务范围').fill('配方验证 + 3 批次中试放大 + 性能检测报告');
    await modal.getByRole('button', { name: '提交报价' }).click();
    // Submitted: the dialog closes (and the SME sees the quote below).
    await modal.getByRole('button', { name: '提交报价' }).waitFor({ state: 'hidden' });

    // The SME accepts the quote → order; applies its voucher at checkout.
    await sme.goto(demandUrl);
    await sme.getByTestId('quotes').getByText('¥50,000.00').waitFor();
    await sme.getByRole('button', { name: '接受报价' }).click();
    await sme.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
    const orderId = new URL(sme.url()).pathname.split('/').pop()!;
    const checkout = sme.getByTestId('voucher-checkout');
    await checkout.getByText('可抵 ¥20,000.00').waitFor();
    await checkout.getByRole('button', { name: '使用服务券' }).click();
    await checkout.getByText('已使用服务券，冻结 ¥20,000.00').waitFor();

    // The order starts ACCEPTED (from the quote): contract and delivery through the API, then the SME pays and accepts.
    await expectStatus(world.act(smeOrg, orderId, 'contract'), 200);
    await expectStatus(world.act(operator, orderId, 'contract'), 200);
    await expectStatus(world.act(operator, orderId, 'start'), 200);
    await expectStatus(
      p.t.http.post(`/api/orders/${orderId}/deliver`).set(operator.auth).attach('file', PDF, '中试验收报告.pdf'),
      200,
    );
    await sme.reload();
    await sme.getByTestId('order-status').getByText('已交付').waitFor();
    await sme.getByLabel('付款凭证号').fill('转账-20260001');
    await sme.getByRole('button', { name: '登记付款' }).click();
    await sme.getByText('凭证 转账-20260001').waitFor();
    await sme.getByRole('button', { name: '确认验收' }).click();
    await sme.getByTestId('order-status').getByText('已完成').waitFor();
    await sme.getByLabel('发票号码').fill('35002612345678');
    await sme.getByLabel('付款凭证号').fill('转账-20260001');
    await sme.getByRole('button', { name: '提交兑付申请' }).click();
    await sme.getByTestId('claim-filed').getByText('¥20,000.00').waitFor();
    const review = sme.getByTestId('order-review');
    await review.getByLabel('评价内容').fill('数据完整，沟通及时');
    await review.getByRole('button', { name: '提交评价' }).click();
    await review.getByText('“数据完整，沟通及时”').waitFor();
    await platform.goto('/platform');
    await platform.getByTestId('my-platform').getByRole('tab', { name: '用户评价' }).click();
    await platform.getByTestId('platform-reviews').getByText('数据完整，沟通及时').waitFor();
    await sme.goto('/sme');
    await sme.getByTestId('voucher-wallet').getByText('可用 ¥0.00').waitFor();
    await sme.screenshot({ path: join(SCREENSHOTS, 'sme.png'), fullPage: true, animations: 'disabled' });

    // The bureau approves the claim, with the checks beside it, and sees it on the dashboard.
    await bureau.goto('/bureau');
    await bureau.getByRole('tab', { name: '兑付审核' }).click();
    const claims = bureau.getByTestId('claims');
    await claims.getByText('发票金额与合同一致').waitFor();
    await claims.getByRole('button', { name: '批准' }).click();
    await claims.getByText('已通过（公示中）').waitFor();
    // The approved claim is on the program's public notice; then it is paid in a disbursement batch.
    await bureau.getByRole('tab', { name: '服务券项目' }).click();
    await bureau.getByTestId('programs').getByRole('button', { name: '公示' }).click();
    await bureau.getByTestId('public-notice').getByText('晋江市鞋材科技有限公司').waitFor();
    await bureau.locator('.ant-modal-close').click();
    // Paid only after the notice (公示) ends: the test clock moves to the day after it.
    const [{ notice_days: noticeDays }] = await p.t.db.query(`SELECT notice_days FROM voucher_programs WHERE id = $1`, [
      programId,
    ]);
    const clock = new ShiftedClock(p.t.app).advanceDays(noticeDays + 1);
    // Who approved does not pay (maker-checker): the bureau's payer (拨付员) records the disbursement.
    const payer = await p.page();
    await signIn(payer, world.payer.email);
    await payer.getByRole('tab', { name: '兑付审核' }).click();
    const toPay = payer.getByTestId('claims');
    await toPay.locator('.ant-table-row', { hasText: '已通过（公示中）' }).locator('.ant-checkbox-input').check();
    await payer.getByPlaceholder('拨付文号').fill('晋财拨〔2026〕18号');
    await payer.getByRole('button', { name: '生成拨付批次' }).click();
    await toPay.getByText('已拨付').waitFor();
    await payer.close();
    clock.reset();
    await bureau.getByRole('tab', { name: '数据看板' }).click();
    await bureau.getByTestId('program-summary').getByText('¥20,000.00').first().waitFor();
    await bureau.getByTestId('funnel').getByText('兑付服务券 1').waitFor();
    await bureau.getByTestId('by-field').getByText('1 笔 ¥20,000.00').waitFor();
    await bureau.screenshot({ path: join(SCREENSHOTS, 'bureau.png'), fullPage: true, animations: 'disabled' });

    const summary = await world.summary(programId);
    expect(summary).toMatchObject({ payableFen: 0, paidFen: 2_000_000 });
  });

  it('governance: the platform applies for recognition, the bureau decides, assesses and runs a program', async () => {
    const op = await p.page();
    await signIn(op, operator.email);
    const mine = op.getByTestId('my-platform');
    await mine.getByRole('tab', { name: '认定申请' }).click();
    await mine.getByLabel('佐证材料说明').fill('2025 年服务企业 63 家，中试收入 1,280 万元；CNAS 认可实验室。');
    await mine.getByRole('button', { name: '提交认定申请' }).click();
    await mine.locator('.ant-table-row', { hasText: 'CNAS 认可实验室' }).getByText('待审核').waitFor();

    // The region's subsidy rules (as seeded) through the API: the portal does not edit rules.
    for (const rule of JINJIANG_RULES) {
      await expectStatus(p.t.http.post('/api/subsidy-rules').set(world.bureau.auth).send(ruleBody(rule)), 201);
    }
    const bureau = await p.page();
    await signIn(bureau, world.bureau.email);
    await bureau.getByRole('tab', { name: '平台监管' }).click();
    await bureau.locator('.ant-card', { hasText: '平台审核与监管' }).first().locator('.ant-select').click();
    await bureau.locator('.ant-select-item-option', { hasText: '已上架' }).click();
    const row = bureau
      .getByTestId('platforms-review')
      .locator('.ant-table-row', { hasText: '晋江市新材料中试服务平台' });
    await row.getByRole('button', { name: '认定·评价·补贴' }).click();
    const drawer = bureau.locator('.ant-drawer');
    await drawer.getByRole('button', { name: '认定', exact: true }).click();
    await bureau.locator('.ant-modal').getByRole('button', { name: '确认认定' }).click();
    await drawer.getByText('已认定').waitFor();
    await drawer.getByRole('tab', { name: '补贴测算' }).click();
    await drawer.getByRole('button', { name: '测算补贴' }).click();
    await drawer.getByText('补贴合计').waitFor();
    await drawer.getByTestId('subsidy-rules').getByText(JINJIANG_RULES[0].name).waitFor();
    await drawer.locator('.ant-drawer-close').click();
    await bureau.getByTestId('platform-indicators').getByText('晋江市新材料中试服务平台').waitFor();

    await bureau.getByRole('tab', { name: '服务券项目' }).click();
    await bureau.getByRole('button', { name: '新建项目' }).click();
    const modal = bureau.locator('.ant-modal');
    await modal.getByLabel('项目名称').fill('晋江市创新券（测试）');
    await modal.getByLabel('单券上限（元）').fill('50000');
    await modal.getByLabel('初始预算（元）').fill('1000000');
    await modal.getByRole('button', { name: '创建项目' }).click();
    const program = bureau.getByTestId('programs').locator('.ant-table-row', { hasText: '晋江市创新券（测试）' });
    await program.getByRole('button', { name: '开放申报' }).click();
    await program.getByText('申报中').waitFor();
    await program.getByRole('button', { name: '追加预算' }).click();
    await bureau.locator('.ant-modal').getByLabel('追加金额（元）').fill('500000');
    await bureau.locator('.ant-modal').getByRole('button', { name: '确认追加' }).click();
    await program.getByText('¥1,500,000.00').waitFor();
  });

  it('works on a phone-wide screen: search and the login form fit', async () => {
    const phone = await p.page({ width: 390, height: 844 });
    await phone.goto('/');
    await phone.getByRole('heading', { name: '找中试服务' }).waitFor();
    const width = await phone.evaluate<number>('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(390);
    await phone.goto('/login');
    await phone.getByRole('button', { name: '登录' }).last().waitFor();
  });

  it('serves the API under /api and the portal for any other path', async () => {
    const api = await fetch(`${p.base}/api/no-such-route`);
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ statusCode: 404 });
    const deep = await fetch(`${p.base}/sme/demands/anything`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<div id="root">');
  });
});

/** A seeded rule as the body of POST /api/subsidy-rules: the kind's own fields go in `params`. */
function ruleBody(rule: SubsidyRule) {
  const { id: _id, code, name, kind, region: _region, overlapGroup, funders, source, ...params } = rule;
  return { code, name, kind, overlapGroup, funders, source, params };
}
