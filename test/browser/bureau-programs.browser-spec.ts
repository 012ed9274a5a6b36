import { RegisteredOrg, registerOrg } from '@pilotlink/testing';
import type { Locator, Page } from 'playwright-core';
import { expectStatus, idemKey, VoucherWorld, voucherTestEnv } from '../support/voucher-fixtures';
import { ShiftedClock } from '../support/shifted-clock';
import { eventually, PortalTest, queryAuditTrail, signIn, startPortal, submitDialog } from './browser';

const PROGRAM = '晋江市中试服务券（分档试点）';
const SME_NAME = '晋江市鞋材科技有限公司';
const LOCKED = '该项目已发放服务券，规则已锁定，不能再修改；仅可追加预算或关闭项目。';

interface OrderBody {
  id: string;
  contractNumber: string;
  agreedAmountFen: number;
}

/**
 * The bureau runs a voucher program in the portal: it creates a TIERS program with caps, eligibility
 * and two co-funders through the form (checked against what the API stored, in fen and basis points),
 * changes its rules before issuance, approves an application that shows the SME's name — after which a
 * colleague's pending edit is refused as locked — rejects one claim with a reason (its hold goes back
 * to the voucher), approves another, which its payer (a second bureau user: who approves does not pay) pays in a batch
 * whose split per co-funder it then sees; it reads the program's ledger (verifier result, balances,
 * entries) and audit trail (the before/after of its opening as a diff), and rejects a pending org with a reason.
 * Platforms, services, the SME, its application, orders and claims are set up through the HTTP API.
 */
describe('web portal: the bureau runs a voucher program (browser)', () => {
  let p: PortalTest;
  let world: VoucherWorld;
  let sme: RegisteredOrg;
  let platformA: { operator: RegisteredOrg; platformId: string };
  let platformB: { operator: RegisteredOrg; platformId: string };
  let serviceA: string;
  let serviceB: string;
  let bureau: Page;
  let programId: string;
  let clock: ShiftedClock;
  const year = new Date().getFullYear();

  beforeAll(async () => {
    p = await startPortal({ env: voucherTestEnv() });
    clock = new ShiftedClock(p.t.app);
    world = await new VoucherWorld(p.t).init();
    platformA = await world.listedPlatform('晋江市新材料中试服务平台');
    platformB = await world.listedPlatform('晋江市纺织面料中试服务平台');
    serviceA = await world.fixedService(platformA.operator, platformA.platformId, 3_000_000);
    serviceB = await world.fixedService(platformB.operator, platformB.platformId, 3_000_000);
    sme = await world.verifiedSme({ name: SME_NAME });
    bureau = await p.page();
    bureau.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(bureau, world.bureau.email);
  });
  afterAll(() => p?.close());
  // Uncaught errors in the portal fail the step they happen in. (Steps wait for what stays on the page,
  // not for toasts: those last 3 s, which a poll on a loaded machine can miss.)
  const pageErrors: string[] = [];
  afterEach(() => expect(pageErrors.splice(0)).toEqual([]));

  const getProgram = async () =>
    (await expectStatus(p.t.http.get(`/api/voucher-programs/${programId}`).set(world.bureau.auth), 200)).body;

  it('creates a TIERS program with caps and two co-funders through the form, then edits it before issuance', async () => {
    await bureau.getByRole('tab', { name: '服务券项目' }).click();
    await bureau.getByRole('button', { name: '新建项目' }).click();
    const modal = bureau.locator('.ant-modal');
    await modal.getByLabel('项目名称').fill(PROGRAM);
    await modal.getByLabel('初始预算（元）').fill('200000');

    // Tiers: 100 % up to ¥20,000, 60 % up to ¥50,000, 30 % above (a row added between).
    await modal.getByText('分档累进').click();
    const tiers = modal.getByTestId('tiers');
    await tiers.getByLabel('第 1 档上限（元）').fill('20000');
    await tiers.getByLabel('第 1 档比例（%）').fill('100');
    await tiers.getByRole('button', { name: '添加一档' }).click();
    await tiers.getByLabel('第 2 档上限（元）').fill('50000');
    await tiers.getByLabel('第 2 档比例（%）').fill('60');
    await tiers.getByLabel('第 3 档比例（%）').fill('30');
    await expect(tiers.getByLabel('第 3 档上限（元）').count()).resolves.toBe(0); // the last tier has no limit

    // Caps.
    await modal.getByLabel('单券上限（元）').fill('50000');
    await modal.getByLabel('每笔订单补贴上限（元）').fill('30000');
    await modal.getByLabel('每家企业每年补贴上限（元）').fill('60000');
    await modal.getByLabel('每个平台每年补贴上限（元）').fill('500000');
    await modal.getByText('同一企业与同一平台每年仅补贴一笔订单').click();

    // Eligibility: a mistyped region code first (the API refuses it next to the field).
    const region = modal.getByLabel('企业所在地区（行政区划代码）');
    await region.fill('35058');
    await region.press('Enter');
    await modal.locator('.ant-modal-title').click(); // closes the dropdown (Escape would close the modal)
    await modal.getByLabel('服务类别').click();
    await bureau.locator('.ant-select-item-option', { hasText: '工艺放大熟化' }).click();
    await modal.locator('.ant-modal-title').click();
    await modal.getByLabel('指定服务机构（服务机构库）').click();
    await bureau.locator('.ant-select-item-option', { hasText: '晋江市新材料中试服务平台' }).click();
    await bureau.locator('.ant-select-item-option', { hasText: '晋江市纺织面料中试服务平台' }).click();
    await modal.locator('.ant-modal-title').click();
    await modal.getByLabel('有效天数').fill('180');
    await modal.getByLabel('公示天数').fill('10');

    // Co-funders: the shares must add up to 100 %, and the form says so.
    const cofunders = modal.getByTestId('cofunders');
    await cofunders.getByLabel('出资方 1 名称').fill('泉州市科学技术局');
    await cofunders.getByLabel('出资方 1 比例（%）').fill('60');
    await cofunders.getByText('比例合计 60%').waitFor();
    await modal.getByRole('button', { name: '创建项目' }).click();
    await cofunders.locator('.ant-form-item-explain-error', { hasText: '各出资方比例合计须为 100%' }).waitFor();
    await cofunders.getByRole('button', { name: '添加出资方' }).click();
    await cofunders.getByLabel('出资方 2 名称').fill('晋江市科学技术局');
    await cofunders.getByLabel('出资方 2 比例（%）').fill('40');
    await cofunders.getByText('比例合计 100%').waitFor();
    await cofunders.locator('.ant-form-item-explain-error', { hasText: '各出资方比例合计须为 100%' }).waitFor({
      state: 'detached',
    });

    await modal.getByRole('button', { name: '创建项目' }).click();
    await modal.locator('#smeRegionCodes_help').getByText('企业所在地区：须为 6 位行政区划代码').waitFor();
    await modal
      .locator('.ant-select-selection-item', { hasText: '35058' })
      .locator('.ant-select-selection-item-remove')
      .click();
    await region.fill('350582');
    await region.press('Enter');
    await modal.locator('.ant-modal-title').click();
    await modal.getByRole('button', { name: '创建项目' }).click();
    const row = programRow(bureau);
    await row.getByText('草稿').waitFor();
    await row.getByText('¥20,000.00 以内 100%；¥20,000.00–¥50,000.00 60%；¥50,000.00 以上部分 30%').waitFor();

    const list = await expectStatus(p.t.http.get('/api/voucher-programs').set(world.bureau.auth), 200);
    programId = list.body.items.find((x: { name: string }) => x.name === PROGRAM).id;
    const stored = await getProgram();
    expect(stored).toMatchObject({
      name: PROGRAM,
      kind: 'PILOT_SERVICE',
      year,
      status: 'DRAFT',
      budgetFen: 20_000_000,
      rule: {
        kind: 'TIERS',
        tiers: [
          { uptoFen: 2_000_000, ratioBp: 10_000 },
          { uptoFen: 5_000_000, ratioBp: 6000 },
          { uptoFen: null, ratioBp: 3000 },
        ],
      },
      maxVoucherFen: 5_000_000,
      capPerOrderFen: 3_000_000,
      capPerSmeYearFen: 6_000_000,
      capPerPlatformYearFen: 50_000_000,
      onePerPair: true,
      smeTechOnly: false,
      smeTeamsAllowed: true,
      smeRegionCodes: ['350582'],
      smeFieldCodes: [],
      eligibleCategories: ['SCALE_UP'],
      excludedPurposes: ['STATUTORY_TESTING'],
      minRecognitionLevel: 'NONE',
      applyUntil: `${year}-12-31`,
      validityDays: 180,
      redemptionMode: 'REIMBURSE',
      cofunders: [
        { name: '泉州市科学技术局', shareBp: 6000 },
        { name: '晋江市科学技术局', shareBp: 4000 },
      ],
      noticeDays: 10,
      spotCheckBp: 500,
      rulesLocked: false,
    });
    expect([...stored.platformIds].sort()).toEqual([platformA.platformId, platformB.platformId].sort());

    // Before any voucher is issued the rules can change: the last tier's ratio and the per-order cap.
    await row.getByRole('button', { name: '修改规则' }).click();
    const edit = bureau.locator('.ant-modal');
    await edit.getByLabel('第 3 档比例（%）').fill('40');
    await edit.getByLabel('每笔订单补贴上限（元）').fill('25000');
    await edit.getByRole('button', { name: '保存规则' }).click();
    await row.getByText('¥50,000.00 以上部分 40%').waitFor();
    const edited = await getProgram();
    expect(edited.rule.tiers[2]).toEqual({ uptoFen: null, ratioBp: 4000 });
    expect(edited).toMatchObject({
      capPerOrderFen: 2_500_000,
      capPerSmeYearFen: 6_000_000,
      cofunders: stored.cofunders,
    });

    await row.getByRole('button', { name: '开放申报' }).click();
    await row.getByText('申报中').waitFor();
  });

  it("shows the SME's name on its application; approval issues a voucher and locks the rules", async () => {
    await expectStatus(world.apply(sme, programId, 5_000_000), 201);
    // A colleague has the rules open for editing in another window.
    const colleague = await p.page();
    colleague.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(colleague, world.bureau.email);
    await colleague.getByRole('tab', { name: '服务券项目' }).click();
    await programRow(colleague).getByRole('button', { name: '修改规则' }).click();
    await colleague.locator('.ant-modal').getByLabel('项目名称').fill(`${PROGRAM}（改）`);

    await bureau.getByRole('tab', { name: '服务券申请' }).click();
    const application = bureau.getByTestId('applications').locator('.ant-table-row', { hasText: SME_NAME });
    await application.getByText(PROGRAM).waitFor();
    await application.getByRole('button', { name: '批准' }).click();
    await bureau.locator('.ant-modal').getByText(SME_NAME).waitFor();
    await submitDialog(bureau.locator('.ant-modal', { hasText: '批准服务券申请' }), '确认批准');
    await application.waitFor({ state: 'detached' }); // decided: no longer among the pending ones

    // The colleague's save is refused (409 PROGRAM_RULES_LOCKED) and says why; nothing changed.
    await colleague.locator('.ant-modal').getByRole('button', { name: '保存规则' }).click();
    await colleague.getByTestId('rules-locked').getByText(LOCKED).waitFor();
    await expect(colleague.locator('.ant-modal').getByRole('button', { name: '保存规则' }).count()).resolves.toBe(0);
    expect(await getProgram()).toMatchObject({ name: PROGRAM, rulesLocked: true });
    // Only budget top-up and closing remain offered; the rules can still be read.
    await colleague.locator('.ant-modal-close').click();
    const row = programRow(colleague);
    await row.getByText('规则已锁定').waitFor();
    await expect(row.getByRole('button', { name: '修改规则' }).count()).resolves.toBe(0);
    await row.getByRole('button', { name: '追加预算' }).waitFor();
    await row.getByRole('button', { name: '关闭' }).waitFor();
    await row.getByRole('button', { name: '查看规则' }).click();
    const view = colleague.locator('.ant-modal');
    await view.getByTestId('rules-locked').waitFor();
    await expect(view.getByLabel('项目名称').inputValue()).resolves.toBe(PROGRAM);
    await expect(view.getByLabel('项目名称').isDisabled()).resolves.toBe(true);
  });

  it('rejects a claim with a reason (the hold is released), approves another and sees the batch split per co-funder', async () => {
    const applications = await expectStatus(
      p.t.http.get('/api/voucher-applications').query({ programId }).set(world.bureau.auth),
      200,
    );
    const voucherId = applications.body.items[0].voucherId as string;
    // Two orders at ¥30,000 on two platforms (one subsidised order per pair): the rule gives ¥26,000,
    // the per-order cap as edited ¥25,000.
    const orders: OrderBody[] = [];
    for (const [serviceId, platform] of [
      [serviceA, platformA],
      [serviceB, platformB],
    ] as const) {
      const order = await world.order(sme, serviceId);
      const hold = await expectStatus(world.hold(sme, order.id, voucherId, idemKey()), 201);
      expect(hold.body).toMatchObject({ amountFen: 2_500_000 });
      await world.complete(sme, platform.operator, order.id);
      await expectStatus(world.pay(sme, order.id, order.agreedAmountFen, '合同全款'), 201);
      await expectStatus(world.fileClaim(sme, world.claimBody(order), idemKey()), 201);
      orders.push(order);
    }
    const [rejected, paid] = orders;
    const claimOf = async (orderId: string) => {
      const all = await expectStatus(p.t.http.get('/api/claims').query({ programId }).set(world.bureau.auth), 200);
      return all.body.items.find((c: { orderId: string }) => c.orderId === orderId);
    };

    await bureau.goto('/bureau');
    await bureau.getByRole('tab', { name: '兑付审核' }).click();
    const claims = bureau.getByTestId('claims');
    const first = claims.locator('.ant-table-row', { hasText: rejected.contractNumber });
    await first.getByText('发票金额与合同一致').waitFor();
    await first.getByText('企业自付部分已付清').waitFor();
    await first.getByRole('button', { name: '驳回' }).click();
    const modal = bureau.locator('.ant-modal');
    await modal.getByRole('button', { name: '确认驳回' }).click();
    await modal.getByText('请填写驳回理由').waitFor();
    await modal.getByLabel('驳回理由').fill('发票抬头与企业名称不一致，请更正后重新申请');
    await modal.getByRole('button', { name: '确认驳回' }).click();
    await first.getByText('已驳回').waitFor();
    await first.getByText('驳回理由：发票抬头与企业名称不一致').waitFor();

    const rejectedClaim = await claimOf(rejected.id);
    expect(rejectedClaim).toMatchObject({ status: 'REJECTED', reason: '发票抬头与企业名称不一致，请更正后重新申请' });
    const [hold] = await p.t.db.query(`SELECT status FROM voucher_holds WHERE order_id = $1`, [rejected.id]);
    expect(hold.status).toBe('RELEASED');
    expect(await world.wallet(sme, voucherId)).toMatchObject({ availableFen: 2_500_000, heldFen: 2_500_000 });

    // The other claim: approved, put on public notice (公示); anyone objects through the public page, the
    // bureau dismisses the objection; inside the notice the batch is refused, after it paid — 60/40 split.
    const second = claims.locator('.ant-table-row', { hasText: paid.contractNumber });
    await second.getByRole('button', { name: '批准' }).click();
    await second.getByText('已通过（公示中）').waitFor();
    const { noticeDays } = await getProgram();

    const visitor = await p.page(); // not signed in
    visitor.on('pageerror', (error) => pageErrors.push(error.message));
    await visitor.goto(`/public-notice/${programId}`);
    await visitor.getByText('公示期内，任何单位或个人对下列兑付有异议的').waitFor();
    const noticed = visitor.getByTestId('public-notice').locator('.ant-table-row', { hasText: SME_NAME });
    await noticed.getByText('公示中').waitFor();
    await noticed.getByRole('button', { name: '提出异议' }).click();
    const objection = visitor.locator('.ant-modal');
    await objection.getByRole('button', { name: '提交异议' }).click();
    await objection.getByText('请填写联系方式').waitFor();
    await objection.getByText('请填写异议理由').waitFor();
    await objection.getByLabel('联系方式').fill('13800000000');
    await objection.getByLabel('异议理由').fill('该订单的中试实际由企业自行完成');
    await objection.getByRole('button', { name: '提交异议' }).click();
    await objection.getByText('异议已提交').waitFor();
    await objection.getByRole('button', { name: '关闭' }).click();
    await noticed.getByText('异议核查中').waitFor();
    await visitor.close();

    await bureau.reload();
    await bureau.getByRole('tab', { name: '兑付审核' }).click();
    await second.getByText('异议核查中（暂停拨付）').waitFor();
    await second.getByRole('button', { name: '处理异议' }).click();
    const decide = bureau.locator('.ant-modal', { hasText: '公示异议处理' });
    await decide.getByText('异议理由：该订单的中试实际由企业自行完成').waitFor();
    await decide.getByText('联系方式：13800000000').waitFor();
    await decide.getByRole('button', { name: '异议不成立' }).click();
    await decide.getByText('请填写处理意见').waitFor();
    await decide.getByLabel('处理意见').fill('经核查，中试由平台完成，异议不成立');
    await decide.getByRole('button', { name: '异议不成立' }).click();
    await decide.getByText('处理意见：经核查，中试由平台完成，异议不成立').waitFor();
    await decide.locator('.ant-modal-close').click();
    await second.getByText('已通过（公示中）').waitFor();

    // 审批与拨付分离 (maker-checker): the owner approved this claim, so it cannot go into the owner's batch;
    // the bureau's payer (拨付员) pays it, and cannot approve or reject claims.
    await second.getByText('本人批准，须由其他拨付人员拨付').waitFor();
    expect(await second.locator('.ant-checkbox-input').isDisabled()).toBe(true);
    const payer = await p.page();
    payer.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(payer, world.payer.email);
    await payer.getByRole('tab', { name: '兑付审核' }).click();
    const toPay = payer.getByTestId('claims').locator('.ant-table-row', { hasText: paid.contractNumber });
    await toPay.getByText('已通过（公示中）').waitFor();
    await toPay.locator('.ant-checkbox-input').check();
    await payer.getByPlaceholder('拨付文号').fill('晋财拨〔2026〕21号');
    await payer.getByRole('button', { name: '生成拨付批次' }).click();
    await payer.getByText('公示期未满，公示期结束后方可拨付').waitFor();
    clock.advanceDays(noticeDays + 1); // the day after the notice
    await payer.getByRole('button', { name: '生成拨付批次' }).click();
    const batch = payer.getByTestId('batch-view');
    await batch.getByText('拨付批次：晋财拨〔2026〕21号').waitFor();
    const split = batch.getByTestId('batch-cofunders');
    const quanzhou = split.locator('.ant-table-row', { hasText: '泉州市科学技术局' });
    await quanzhou.getByText('60%').waitFor();
    await quanzhou.getByText('¥15,000.00').waitFor();
    const jinjiang = split.locator('.ant-table-row', { hasText: '晋江市科学技术局' });
    await jinjiang.getByText('40%').waitFor();
    await jinjiang.getByText('¥10,000.00').waitFor();
    const batchClaims = batch.getByTestId('batch-claims');
    await batchClaims.locator('.ant-table-row', { hasText: paid.contractNumber }).getByText('¥25,000.00').waitFor();
    await batchClaims.getByText('泉州市科学技术局 ¥15,000.00；晋江市科学技术局 ¥10,000.00').waitFor();
    await toPay.getByText('已拨付').waitFor();
    clock.reset();
    // a payer decides no applications and runs no programs: those buttons are disabled for it
    await payer.getByRole('tab', { name: '服务券项目' }).click();
    expect(await payer.getByRole('button', { name: '新建项目' }).isDisabled()).toBe(true);

    const paidClaim = await claimOf(paid.id);
    expect(paidClaim).toMatchObject({ status: 'PAID', amountFen: 2_500_000 });
    const stored = await expectStatus(
      p.t.http.get(`/api/disbursement-batches/${paidClaim.batchId}`).set(world.bureau.auth),
      200,
    );
    const keys = Object.fromEntries(
      ((await getProgram()).cofunders as { key: string; name: string }[]).map((c) => [c.name, c.key]),
    );
    expect(stored.body).toMatchObject({
      reference: '晋财拨〔2026〕21号',
      totalFen: 2_500_000,
      claimIds: [paidClaim.id],
    });
    expect(stored.body.byCofunder).toEqual(
      expect.arrayContaining([
        { cofunderKey: keys['泉州市科学技术局'], amountFen: 1_500_000 },
        { cofunderKey: keys['晋江市科学技术局'], amountFen: 1_000_000 },
      ]),
    );
  });

  it("shows the program's ledger (verifier result, balances, entries) and its audit trail as diffs", async () => {
    await bureau.goto('/bureau');
    await bureau.getByRole('tab', { name: '服务券项目' }).click();
    await programRow(bureau).getByRole('button', { name: '账本' }).click();
    const ledger = bureau.getByTestId('ledger');
    await ledger.getByText(/^账本校验通过：\d+ 项不变量全部成立$/).waitFor();
    const paidAccounts = ledger.getByTestId('ledger-accounts').locator('.ant-table-row', { hasText: /^已兑付/ });
    await paidAccounts.filter({ hasText: '¥15,000.00' }).waitFor();
    await paidAccounts.filter({ hasText: '¥10,000.00' }).waitFor();
    const pay = ledger
      .getByTestId('ledger-transactions')
      .locator('.ant-table-row', { has: bureau.locator('.ant-tag', { hasText: '兑付付款' }) });
    await pay.getByText('−¥25,000.00').waitFor();
    await bureau.locator('.ant-modal-close').click();

    await bureau.getByRole('tab', { name: '审计日志' }).click();
    const trail = bureau.getByTestId('audit-trail');
    await trail.getByLabel('对象类型').fill('服务券项目');
    await bureau
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: '服务券项目',
      })
      .click();
    await trail.getByLabel('对象编号').fill(programId);
    await queryAuditTrail(bureau, trail, programId);
    const opened = trail.locator('.ant-table-row', { hasText: 'voucher_program.opened' });
    await opened.locator('.ant-table-row-expand-icon').click();
    const diff = trail.getByTestId('audit-diff');
    const status = diff.locator('.ant-table-row', { hasText: 'status' });
    await status.locator('mark', { hasText: 'status' }).waitFor(); // the changed key is highlighted
    await status.getByText('DRAFT').waitFor();
    await status.getByText('OPEN').waitFor();
    const unchanged = diff
      .locator('.ant-table-row')
      .filter({ has: bureau.getByRole('cell', { name: 'name', exact: true }) });
    await unchanged.getByText(PROGRAM).first().waitFor();
    expect(await unchanged.locator('mark').count()).toBe(0); // an unchanged key is not highlighted
    // only this program's events (an event row shows its action as code; the diff's rows do not)
    const events = trail.locator('tr.ant-table-row:has(> td code)');
    expect(await events.count()).toBeGreaterThanOrEqual(3);
    expect(await events.filter({ hasText: 'voucher_program.' }).count()).toBe(await events.count());
  });

  it('rejects a pending org in 机构认证 with a reason (the reason required, shown next to the field)', async () => {
    const pending = await registerOrg(p.t.http, { name: '晋江市待审材料有限公司' });
    await bureau.goto('/bureau');
    await bureau.getByRole('tab', { name: '机构认证' }).click();
    await bureau
      .locator('.ant-table-row', { hasText: '晋江市待审材料有限公司' })
      .getByRole('button', { name: '驳回' })
      .click();
    const modal = bureau.locator('.ant-modal', { hasText: '驳回认证' });
    await modal.getByRole('button', { name: '确认驳回' }).click();
    await modal.getByText('请填写驳回理由').waitFor();
    await modal.getByLabel('驳回理由').fill('营业执照信息与统一社会信用代码不一致');
    await modal.getByRole('button', { name: '确认驳回' }).click();
    await modal.waitFor({ state: 'hidden' });
    await bureau.locator('.ant-table-row', { hasText: '晋江市待审材料有限公司' }).waitFor({ state: 'detached' });
    const org = await expectStatus(p.t.http.get(`/api/orgs/${pending.orgId}`).set(pending.auth), 200);
    expect(org.body).toMatchObject({
      verificationStatus: 'REJECTED',
      rejectionReason: '营业执照信息与统一社会信用代码不一致',
    });
  });

  it('the owner adds a reviewer and changes roles in 人员与权限', async () => {
    await bureau.goto('/bureau');
    await bureau.getByRole('tab', { name: '人员与权限' }).click();
    const members = bureau.getByTestId('members');
    await members.locator('.ant-table-row', { hasText: world.payer.email }).getByText('拨付员').waitFor();
    const add = members.locator('.ant-card', { hasText: '添加人员' });
    const email = `reviewer-${Date.now()}@gov.example.cn`;
    await add.getByLabel('姓名').fill('王审核');
    await add.getByLabel('邮箱').fill(email);
    await add.getByLabel('初始密码').fill('test-password-123');
    await add.getByRole('button', { name: '添加' }).click(); // the role defaults to 审核员
    const row = members.locator('.ant-table-row', { hasText: email });
    await row.getByText('审核员').waitFor();
    const roleOf = async () => {
      const list = await expectStatus(
        p.t.http.get(`/api/orgs/${world.bureau.orgId}/members`).set(world.bureau.auth),
        200,
      );
      return list.body.items.find((u: { email: string }) => u.email === email)?.role as string | undefined;
    };
    expect(await roleOf()).toBe('REVIEWER');
    await row.locator('.ant-select-selector').click();
    await bureau
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '拨付员' })
      .click();
    await eventually(async () => (await roleOf()) === 'PAYER', 'the new member to become a payer');
  });

  it('fits a phone-wide screen: the program form and the claims review', async () => {
    const phone = await p.page({ width: 390, height: 844 });
    phone.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(phone, world.bureau.email);
    await phone.getByRole('tab', { name: '服务券项目' }).click();
    await phone.getByRole('button', { name: '新建项目' }).click();
    const modal = phone.locator('.ant-modal');
    await modal.getByText('分档累进').click();
    await modal.getByTestId('tiers').getByLabel('第 1 档上限（元）').waitFor();
    await modal.getByTestId('cofunders').scrollIntoViewIfNeeded();
    expect(await phone.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    // Every input of the tier and co-funder rows lies inside the dialog (none cut off at its right edge).
    const dialog = (await modal.locator('.ant-modal-content').boundingBox())!;
    const inputs = modal.locator('[data-testid=tiers] input, [data-testid=cofunders] input:not([type=hidden])');
    for (const input of await inputs.all()) {
      const box = await input.boundingBox();
      if (box) expect(box.x + box.width).toBeLessThanOrEqual(dialog.x + dialog.width);
    }
    await phone.locator('.ant-modal-close').click();
    await phone.getByRole('tab', { name: '兑付审核' }).click();
    await phone.getByTestId('claims').locator('.ant-table-row, .ant-empty').first().waitFor();
    expect(await phone.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  });
});

function programRow(page: Page): Locator {
  return page.getByTestId('programs').locator('.ant-table-row', { hasText: PROGRAM });
}
