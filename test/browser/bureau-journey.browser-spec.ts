import { createPrivilegedOrg, login, makeUscc, RegisteredOrg, registerOrg, TEST_PASSWORD } from '@pilotlink/testing';
import type { Locator, Page } from 'playwright-core';
import { expectStatus, idemKey, VoucherWorld, voucherTestEnv } from '../support/voucher-fixtures';
import { ShiftedClock } from '../support/shifted-clock';
import {
  chooseOption,
  expectSaved,
  journeyShot,
  PortalTest,
  queryAuditTrail,
  signIn,
  startPortal,
  submitDialog,
} from './browser';

const JOURNEY = 'bureau-journey';
const BUREAU = '泉州市科学技术局（中试专项）';
const PROGRAM = '泉州市中试服务券（旅程）';
const SME = '晋江市高分子新材料有限公司';
const REJECTED_ORG = '晋江市资料不全贸易有限公司';
const PLATFORM = '晋江市高分子材料中试服务平台';

/**
 * Issue 18, journey 3 (`bureau-journey`), in the portal: an admin creates the bureau (新建监管机构); its
 * owner signs in, adds a payer (拨付员) in 人员与权限, verifies one registered org and rejects another with a
 * reason (机构认证), creates and opens a voucher program (every approved claim sampled for a spot check),
 * approves an SME's voucher application, reviews its claim — the automatic checks and integrity flags —
 * approves it into public notice (公示, seen on the public page) and records the spot check, which the
 * review then shows; an objection filed on the public page is dismissed; the approver cannot pay (the UI
 * says so and offers no checkbox), the payer pays after the notice in a disbursement batch; the dashboard,
 * the program ledger (its verifier's result, balances) and the paid amount agree; the audit trail shows
 * every step. What others do — the SMEs register, apply, order, pay and claim, the platform delivers, a
 * visitor objects — is done through the API as them (the visitor through the public page).
 */
describe('web portal: a bureau from its creation to a paid claim (browser)', () => {
  let p: PortalTest;
  let world: VoucherWorld;
  let admin: RegisteredOrg;
  let operator: RegisteredOrg;
  let serviceId: string;
  const ownerEmail = `bureau-owner-${Date.now()}@gov.example.cn`;
  const payerEmail = `bureau-payer-${Date.now()}@gov.example.cn`;

  beforeAll(async () => {
    p = await startPortal({ env: voucherTestEnv() });
    // Only the fixtures' steps of others: no bureau of the world (init() would create one).
    world = new VoucherWorld(p.t);
    admin = await createPrivilegedOrg(p.t, 'ADMIN', '100000');
    let platformId: string;
    ({ operator, platformId } = await world.listedPlatform(PLATFORM));
    serviceId = await world.fixedService(operator, platformId, 3_000_000, {
      title: '高分子材料工艺放大中试',
      leadTimeDays: 20,
    });
  });
  afterAll(() => p?.close());

  /** The form item labelled `label` inside `scope`. */
  const item = (scope: Locator, label: string) =>
    scope.locator('.ant-form-item', { has: scope.page().locator(`label:text-is("${label}")`) });
  const tab = async (page: Page, name: string) => {
    await page.getByRole('tab', { name }).click();
    await page.getByRole('tab', { name, selected: true }).waitFor();
  };

  it('admin creates the bureau → orgs → program → application → claim → 公示 → objection → paid → ledger → audit', async () => {
    // The admin creates the bureau and its owner's account.
    const desk = await p.page();
    await signIn(desk, admin.email);
    await desk.getByRole('menuitem', { name: '运营管理' }).click();
    const create = desk.getByTestId('create-bureau');
    await create.getByLabel('机构名称').fill(BUREAU);
    await create.getByLabel('统一社会信用代码').fill(makeUscc('350500', '11'));
    await create.getByLabel('管辖地区代码').fill('350500');
    await create.getByLabel('负责人姓名').fill('陈处长');
    await create.getByLabel('负责人邮箱').fill(ownerEmail);
    await create.getByLabel('初始密码').fill(TEST_PASSWORD);
    await create.getByRole('button', { name: '创建' }).click();
    await expectSaved(create, create.getByText(`已创建：${BUREAU}`));
    await journeyShot(desk, JOURNEY, '01-admin-creates-bureau');
    const bureaus = await expectStatus(p.t.http.get('/api/orgs').query({ kind: 'BUREAU' }).set(admin.auth), 200);
    const bureauOrgId = bureaus.body.items.find((o: { name: string }) => o.name === BUREAU).id as string;

    // Its owner signs in and adds the payer (拨付员) in 人员与权限.
    const owner = await p.page();
    await signIn(owner, ownerEmail);
    await owner.getByRole('heading', { name: '监管工作台' }).waitFor();
    await tab(owner, '人员与权限');
    const members = owner.getByTestId('members');
    const add = members.locator('.ant-card', { hasText: '添加人员' });
    await add.getByLabel('姓名').fill('林拨付');
    await add.getByLabel('邮箱').fill(payerEmail);
    await add.getByLabel('初始密码').fill(TEST_PASSWORD);
    await chooseOption(owner, item(add, '角色').locator('.ant-select'), '拨付员');
    await add.getByRole('button', { name: '添加' }).click();
    await expectSaved(add, members.locator('.ant-table-row', { hasText: payerEmail }).getByText('拨付员'));

    // Two orgs registered (the API, as them): one verified, the other rejected with a reason.
    const sme = await registerOrg(p.t.http, { name: SME, regionCode: '350582' });
    const refused = await registerOrg(p.t.http, { name: REJECTED_ORG, regionCode: '350582' });
    await tab(owner, '机构认证');
    const smeRow = owner.locator('.ant-table-row', { hasText: SME });
    const refusedRow = owner.locator('.ant-table-row', { hasText: REJECTED_ORG });
    await smeRow.waitFor();
    await refusedRow.waitFor();
    await journeyShot(owner, JOURNEY, '02-orgs-to-verify');
    await smeRow.getByRole('button', { name: '认证通过' }).click();
    await smeRow.waitFor({ state: 'detached' });
    await refusedRow.getByRole('button', { name: '驳回' }).click();
    const reject = owner.locator('.ant-modal', { hasText: '驳回认证' });
    await reject.getByLabel('驳回理由').fill('营业执照已注销，请核实后重新注册');
    await submitDialog(reject, '确认驳回');
    await refusedRow.waitFor({ state: 'detached' });
    const orgOf = async (org: RegisteredOrg) =>
      (await expectStatus(p.t.http.get(`/api/orgs/${org.orgId}`).set(org.auth), 200)).body;
    expect(await orgOf(sme)).toMatchObject({ verificationStatus: 'VERIFIED' });
    expect(await orgOf(refused)).toMatchObject({
      verificationStatus: 'REJECTED',
      rejectionReason: '营业执照已注销，请核实后重新注册',
    });

    // A program: 50 % of the contract, vouchers up to ¥20,000, 7 days' notice, every approved claim sampled.
    await tab(owner, '服务券项目');
    await owner.getByRole('button', { name: '新建项目' }).click();
    const form = owner.locator('.ant-modal', { hasText: '创建项目' });
    await form.getByLabel('项目名称').fill(PROGRAM);
    await form.getByLabel('初始预算（元）').fill('200000');
    await form.getByLabel('补贴比例（%）').fill('50');
    await form.getByLabel('单券上限（元）').fill('20000');
    await form.getByLabel('公示天数').fill('7');
    await form.getByLabel('抽查比例（%）').fill('100');
    await submitDialog(form, '创建项目');
    const programRow = owner.getByTestId('programs').locator('.ant-table-row', { hasText: PROGRAM });
    await programRow.getByText('草稿').waitFor();
    await programRow.getByRole('button', { name: '开放申报' }).click();
    await programRow.getByText('申报中').waitFor();
    const ownerApi = (await login(p.t.http, ownerEmail)).auth; // to check through the API what the pages did
    const programs = await expectStatus(p.t.http.get('/api/voucher-programs').set(ownerApi), 200);
    const program = programs.body.items.find((x: { name: string }) => x.name === PROGRAM);
    expect(program).toMatchObject({
      status: 'OPEN',
      budgetFen: 20_000_000,
      rule: { kind: 'RATIO', ratioBp: 5000 },
      maxVoucherFen: 2_000_000,
      noticeDays: 7,
      spotCheckBp: 10_000,
      makerChecker: true,
    });
    const programId = program.id as string;

    // The SME applies (the API); the bureau approves in 服务券申请.
    await expectStatus(world.apply(sme, programId, 2_000_000), 201);
    await tab(owner, '服务券申请');
    const application = owner.getByTestId('applications').locator('.ant-table-row', { hasText: SME });
    await application.getByRole('button', { name: '批准' }).click();
    await submitDialog(owner.locator('.ant-modal', { hasText: '批准服务券申请' }), '确认批准');
    await application.waitFor({ state: 'detached' });
    const vouchers = await expectStatus(p.t.http.get('/api/vouchers').set(sme.auth), 200);
    expect(vouchers.body.items).toEqual([expect.objectContaining({ programId, faceValueFen: 2_000_000 })]);
    const voucherId = vouchers.body.items[0].id as string;

    // The SME orders ¥30,000, holds its voucher (50 % → ¥15,000), the platform delivers the same day, the
    // SME pays in full and claims (the API, as them).
    const order = await world.order(sme, serviceId);
    await expectStatus(world.hold(sme, order.id, voucherId, idemKey()), 201);
    await world.complete(sme, operator, order.id);
    await expectStatus(world.pay(sme, order.id, order.agreedAmountFen, '合同全款'), 201);
    const claim = (await expectStatus(world.fileClaim(sme, world.claimBody(order), idemKey()), 201)).body;
    expect(claim).toMatchObject({ amountFen: 1_500_000, flags: ['FAST_DELIVERY'] });

    // The review shows the automatic checks and the integrity flag; approval opens the notice and samples it.
    await tab(owner, '兑付审核');
    const claimRow = owner.getByTestId('claims').locator('.ant-table-row', { hasText: order.contractNumber });
    for (const check of ['发票金额与合同一致', '合同编号一致', '企业自付部分已付清', '在服务券有效期内完成']) {
      await claimRow.getByText(check).waitFor();
    }
    expect(await claimRow.getByText('未通过').count()).toBe(0);
    await claimRow.getByText('交付用时远短于承诺周期').waitFor();
    await claimRow.getByText('¥15,000.00').waitFor();
    await claimRow.getByRole('button', { name: '批准' }).click();
    await claimRow.getByText('已通过（公示中）').waitFor();
    await claimRow.getByText('抽查', { exact: true }).waitFor();

    // The spot check is recorded, and the review shows it (no second record offered).
    await claimRow.getByRole('button', { name: '录入抽查结果' }).click();
    const check = owner.locator('.ant-modal', { hasText: '录入抽查结果' });
    await check.getByLabel('核查意见').fill('现场核查：中试记录、设备使用记录与验收报告一致');
    await check.getByLabel('核查材料').fill('现场照片 3 张、设备使用记录 2 份');
    await submitDialog(check, '保存抽查结果');
    const recorded = claimRow.getByTestId('spot-check-record');
    await recorded.getByText('抽查合格').waitFor();
    await recorded.getByText('核查意见：现场核查：中试记录、设备使用记录与验收报告一致').waitFor();
    await recorded.getByText('核查材料：现场照片 3 张、设备使用记录 2 份').waitFor();
    expect(await claimRow.getByRole('button', { name: '录入抽查结果' }).count()).toBe(0);
    await journeyShot(owner, JOURNEY, '03-claim-review');

    // 公示: the bureau's notice links the public page, where a visitor (not signed in) sees the claim and objects.
    await tab(owner, '服务券项目');
    await programRow.getByRole('button', { name: '公示' }).click();
    const noticeModal = owner.locator('.ant-modal', { hasText: `公示：${PROGRAM}` });
    await noticeModal.getByTestId('public-notice').locator('.ant-table-row', { hasText: SME }).waitFor();
    const publicUrl = await noticeModal.getByRole('link', { name: `/public-notice/${programId}` }).getAttribute('href');
    await noticeModal.locator('.ant-modal-close').click();
    const visitor = await p.page();
    await visitor.goto(publicUrl!);
    const noticed = visitor.getByTestId('public-notice').locator('.ant-table-row', { hasText: SME });
    await noticed.getByText(PLATFORM).waitFor();
    await noticed.getByText('¥15,000.00').waitFor();
    await noticed.getByText('公示中').waitFor();
    await journeyShot(visitor, JOURNEY, '04-public-notice');
    await noticed.getByRole('button', { name: '提出异议' }).click();
    const objection = visitor.locator('.ant-modal');
    await objection.getByLabel('联系方式').fill('13900000000');
    await objection.getByLabel('异议理由').fill('该企业的中试实际在外省完成');
    await objection.getByRole('button', { name: '提交异议' }).click();
    await objection.getByText('异议已提交').waitFor();
    await objection.getByRole('button', { name: '关闭' }).click();
    await noticed.getByText('异议核查中').waitFor();

    // The bureau dismisses the objection with its finding.
    await tab(owner, '兑付审核');
    await claimRow.getByText('异议核查中（暂停拨付）').waitFor();
    await claimRow.getByRole('button', { name: '处理异议' }).click();
    const decide = owner.locator('.ant-modal', { hasText: '公示异议处理' });
    await decide.getByText('异议理由：该企业的中试实际在外省完成').waitFor();
    await decide.getByLabel('处理意见').fill('经核查，中试由晋江市平台完成，异议不成立');
    await decide.getByRole('button', { name: '异议不成立' }).click();
    await decide.getByText('处理意见：经核查，中试由晋江市平台完成，异议不成立').waitFor();
    await decide.locator('.ant-modal-close').click();
    await claimRow.getByText('已通过（公示中）').waitFor();

    // Maker-checker: who approved cannot put the claim into a batch — the UI says why and offers no checkbox.
    await claimRow.getByText('本人批准，须由其他拨付人员拨付').waitFor();
    expect(await claimRow.locator('.ant-checkbox-input').isDisabled()).toBe(true);
    await journeyShot(owner, JOURNEY, '05-approver-cannot-pay');

    // After the notice the payer (signed in with the account the owner created) pays it in a batch.
    const clock = new ShiftedClock(p.t.app).advanceDays(program.noticeDays + 1);
    try {
      const payer = await p.page();
      await signIn(payer, payerEmail);
      await tab(payer, '兑付审核');
      const toPay = payer.getByTestId('claims').locator('.ant-table-row', { hasText: order.contractNumber });
      await toPay.getByText('已通过（公示中）').waitFor();
      expect(await toPay.getByRole('button', { name: '批准' }).count()).toBe(0); // a payer decides nothing
      await toPay.locator('.ant-checkbox-input').check();
      await payer.getByPlaceholder('拨付文号').fill('泉财拨〔2026〕88号');
      await payer.getByRole('button', { name: '生成拨付批次' }).click();
      const batch = payer.getByTestId('batch-view');
      await batch.getByText('拨付批次：泉财拨〔2026〕88号').waitFor();
      await batch.getByTestId('batch-claims').locator('.ant-table-row', { hasText: order.contractNumber }).waitFor();
      await toPay.getByText('已拨付').waitFor();
      await journeyShot(payer, JOURNEY, '06-batch-paid');
    } finally {
      clock.restore();
    }
    const paid = await expectStatus(p.t.http.get(`/api/claims/${claim.id}`).set(ownerApi), 200);
    expect(paid.body).toMatchObject({ status: 'PAID', amountFen: 1_500_000 });
    const payer = (
      await expectStatus(p.t.http.get(`/api/orgs/${bureauOrgId}/members`).set(ownerApi), 200)
    ).body.items.find((u: { email: string }) => u.email === payerEmail);
    expect(payer).toMatchObject({ role: 'PAYER' });
    expect(paid.body.decidedByUserId).not.toBe(payer.id);

    // The dashboard's totals, the ledger's balances and the paid amount agree.
    const summary = (await expectStatus(p.t.http.get(`/api/voucher-programs/${programId}/summary`).set(ownerApi), 200))
      .body;
    expect(summary).toMatchObject({ budgetFen: 20_000_000, issuedFen: 2_000_000, payableFen: 0, paidFen: 1_500_000 });
    await owner.goto('/bureau');
    await tab(owner, '数据看板');
    const totals = owner.getByTestId('program-summary');
    const stat = (title: string) => totals.locator('.ant-statistic', { has: owner.getByText(title, { exact: true }) });
    await stat('已拨付').getByText('¥15,000.00').waitFor();
    await stat('待拨付（已批准兑付）').getByText('¥0.00').waitFor();
    await stat('已发券').getByText('¥20,000.00').waitFor();
    await stat('预算总额').getByText('¥200,000.00').waitFor();
    await stat('剩余预算').getByText('¥180,000.00').waitFor();
    await journeyShot(owner, JOURNEY, '07-dashboard');

    await tab(owner, '服务券项目');
    await programRow.getByRole('button', { name: '账本' }).click();
    const ledger = owner.getByTestId('ledger');
    await ledger.getByText(/^账本校验通过：\d+ 项不变量全部成立$/).waitFor();
    const accounts = ledger.getByTestId('ledger-accounts');
    await accounts
      .locator('.ant-table-row', { hasText: /^已兑付/ })
      .getByText('¥15,000.00')
      .waitFor();
    await accounts
      .locator('.ant-table-row', { hasText: /^未发放预算/ })
      .getByText('¥180,000.00')
      .waitFor();
    const payTx = ledger
      .getByTestId('ledger-transactions')
      .locator('.ant-table-row', { has: owner.locator('.ant-tag', { hasText: '兑付付款' }) });
    await payTx.getByText('−¥15,000.00').waitFor();
    await journeyShot(owner, JOURNEY, '08-ledger');
    await owner.locator('.ant-modal-close').click();

    // The audit trail: every step of the claim (the visitor's objection included), and every step this
    // bureau took — verification, rejection, the program, the approval, the payer's payment.
    await tab(owner, '审计日志');
    const trail = owner.getByTestId('audit-trail');
    const actions = async () => trail.locator('tr.ant-table-row > td code').allInnerTexts();
    await chooseOption(owner, item(trail, '对象类型').locator('.ant-select'), '兑付申请', { search: true });
    await trail.getByLabel('对象编号').fill(claim.id);
    await queryAuditTrail(owner, trail, claim.id);
    expect(new Set(await actions())).toEqual(
      new Set([
        'voucher.claim.filed',
        'voucher.claim.approved',
        'voucher.claim.spot_check_passed',
        'voucher.claim.objected',
        'voucher.claim.objection_dismissed',
        'voucher.claim.paid',
      ]),
    );
    // who did each: the owner approved, the payer paid (maker-checker), the objection came from the public
    const event = (action: string) =>
      trail.locator('tr.ant-table-row', { has: owner.getByText(action, { exact: true }) });
    await event('voucher.claim.approved').getByText('批准兑付（进入公示）').waitFor();
    await event('voucher.claim.approved').getByText('陈处长').waitFor();
    await event('voucher.claim.spot_check_passed').getByText('陈处长').waitFor();
    await event('voucher.claim.objection_dismissed').getByText('陈处长').waitFor();
    await event('voucher.claim.paid').getByText('林拨付').waitFor();
    await event('voucher.claim.paid').getByText('本机构').waitFor();
    await event('voucher.claim.objected').getByText('系统或公众').waitFor();
    await journeyShot(owner, JOURNEY, '09-audit-trail');
    await trail.getByRole('button', { name: '重置' }).click();
    await trail.getByLabel('操作机构编号').fill(bureauOrgId);
    await trail.getByRole('button', { name: '查询' }).click();
    await trail.locator('.ant-table-row', { hasText: 'org.rejected' }).waitFor();
    expect(await actions()).toEqual(
      expect.arrayContaining([
        'org.member_added',
        'org.verified',
        'org.rejected',
        'voucher_program.created',
        'voucher_program.opened',
        'voucher.application.approved',
        'voucher.claim.approved',
        'voucher.claim.spot_check_passed',
        'voucher.claim.objection_dismissed',
        'voucher.claim.paid',
      ]),
    );
  });
});
