import type { RegisteredOrg } from '@pilotlink/testing';
import type { Locator, Page } from 'playwright-core';
import { expectStatus, VoucherWorld, voucherTestEnv } from '../support/voucher-fixtures';
import { chooseOption, dropdownOf, eventually, PortalTest, signIn, startPortal, submitDialog } from './browser';

/** The portal's money format (apps/web/src/shared/money.ts `yuan`), to compare the screen with what the API stored. */
const yuan = (fen: number) =>
  `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

const SERVICE_TITLE = '碳纤维复合材料中试验证';

/**
 * Governance in a real browser: the bureau keeps a subsidy rule as data (created with a field error
 * shown in Chinese first, then edited); the platform declares its equipment spend; the bureau assesses
 * the platform and reads the assessment back, rule by rule, in the past-assessments list; it records
 * a failing evaluation whose consequence (suspension) it chooses and confirms, and the platform's
 * services leave search. Set up through the HTTP API: the bureau, the listed platform and its
 * service, and a second rule of the same 就高不重复 group.
 */
describe('web portal: governance screens in Chromium (browser)', () => {
  let p: PortalTest;
  let world: VoucherWorld;
  let operator: RegisteredOrg;
  let platformId: string;
  const year = new Date().getFullYear();

  beforeAll(async () => {
    p = await startPortal({ env: voucherTestEnv() });
    world = await new VoucherWorld(p.t).init();
    const listed = await world.listedPlatform('晋江市复合材料中试服务平台');
    operator = listed.operator;
    platformId = listed.platformId;
    await world.fixedService(operator, platformId, 800_000, { title: SERVICE_TITLE });
    await eventually(async () => (await searchTotal(SERVICE_TITLE)) > 0, 'the service to be indexed');
  });
  afterAll(() => p?.close());

  async function searchTotal(q: string): Promise<number> {
    const res = await p.t.http.get('/api/search/services').query({ q });
    expect(res.status).toBe(200);
    return res.body.total as number;
  }

  async function storedRule(code: string) {
    const res = await expectStatus(
      p.t.http.get('/api/subsidy-rules').query({ regionCode: '350500' }).set(world.bureau.auth),
      200,
    );
    return (res.body.items as { code: string; active: boolean; rule: Record<string, unknown> }[]).find(
      (r) => r.code === code,
    );
  }

  it('bureau rules → platform declaration → assessment → failing evaluation that suspends', async () => {
    // The bureau adds a rule; shares that do not add up are refused next to the share, in Chinese.
    const bureau = await p.page();
    await signIn(bureau, world.bureau.email);
    await bureau.getByRole('tab', { name: '平台监管' }).click();
    const admin = bureau.getByTestId('subsidy-rule-admin');
    await admin.getByText('本地区尚未配置补贴规则').waitFor();
    await admin.getByRole('button', { name: '新增规则' }).click();
    const modal = bureau.locator('.ant-modal', { hasText: '新增补贴规则' });
    await modal.getByLabel('规则编码').fill('QZ_EQUIPMENT_30');
    await modal.getByLabel('规则名称').fill('泉州市中试平台设备购置补助');
    await modal.getByLabel('补贴比例').fill('30');
    await modal.getByLabel('补助上限（元）').fill('5000000');
    await modal.getByLabel('就高不重复分组').fill('QZ_EQUIPMENT');
    await modal.locator('#funders_0_key').fill('QUANZHOU');
    await modal.locator('#funders_0_name').fill('泉州市');
    await modal.locator('#funders_0_sharePct').fill('50');
    await modal.getByRole('button', { name: '增加出资方' }).click();
    await modal.locator('#funders_1_key').fill('JINJIANG');
    await modal.locator('#funders_1_name').fill('晋江市');
    await modal.locator('#funders_1_sharePct').fill('40');
    await modal.getByRole('button', { name: '新增规则' }).click();
    await modal.locator('#funders_1_sharePct_help').getByText('各出资方分担比例合计须为 100%（现为 90%）').waitFor();
    expect(await storedRule('QZ_EQUIPMENT_30')).toBeUndefined();
    await modal.locator('#funders_1_sharePct').fill('50');
    await modal.getByRole('button', { name: '新增规则' }).click();
    const list = bureau.getByTestId('subsidy-rule-list');
    const row = list.locator('.ant-table-row', { hasText: 'QZ_EQUIPMENT_30' });
    await row.getByText('非财政资金购置设备及软件 × 30%，上限 ¥5,000,000.00').waitFor();
    await row.getByText('泉州市 50% / 晋江市 50%').waitFor();
    expect(await storedRule('QZ_EQUIPMENT_30')).toMatchObject({
      active: true,
      rule: {
        kind: 'EQUIPMENT_RATIO',
        basis: 'NON_FISCAL_EQUIPMENT',
        ratioBp: 3000,
        capFen: 500_000_000,
        overlapGroup: 'QZ_EQUIPMENT',
        funders: [
          { key: 'QUANZHOU', name: '泉州市', shareBp: 5000 },
          { key: 'JINJIANG', name: '晋江市', shareBp: 5000 },
        ],
      },
    });

    // It edits the rule: a ratio with a fraction of a percent and a cap with fen.
    await row.getByRole('button', { name: '编辑' }).click();
    const edit = bureau.locator('.ant-modal', { hasText: '编辑补贴规则' });
    await edit.getByLabel('补贴比例').fill('25.5');
    await edit.getByLabel('补助上限（元）').fill('4000000.5');
    await edit.getByRole('button', { name: '保存规则' }).click();
    await row.getByText('非财政资金购置设备及软件 × 25.5%，上限 ¥4,000,000.50').waitFor();
    expect((await storedRule('QZ_EQUIPMENT_30'))?.rule).toMatchObject({
      ratioBp: 2550,
      capFen: 400_000_050,
      overlapGroup: 'QZ_EQUIPMENT',
    });

    // A second rule of the same group (API): 20 % of new equipment, so 就高不重复 has to pick one.
    await expectStatus(
      p.t.http
        .post('/api/subsidy-rules')
        .set(world.bureau.auth)
        .send({
          code: 'QZ_NEW_EQUIPMENT_20',
          name: '泉州市新增中试设备补助',
          kind: 'EQUIPMENT_RATIO',
          overlapGroup: 'QZ_EQUIPMENT',
          funders: [{ key: 'QUANZHOU', name: '泉州市', shareBp: 10000 }],
          params: { basis: 'NEW_EQUIPMENT', ratioBp: 2000, capFen: null },
        }),
      201,
    );

    // The platform declares its equipment spend; the new part above the total is refused beside it.
    const op = await p.page();
    await signIn(op, operator.email);
    const declare = op.getByTestId('equipment-declarations');
    await declare.getByText('尚未申报设备投入').waitFor();
    await chooseOption(op, declare.locator('.ant-form-item', { hasText: '申报年度' }), `${year} 年`);
    await declare.getByLabel('非财政资金购置设备及软件（元）').fill('2000000');
    await declare.getByLabel('其中当年新增中试设备（元）').fill('3000000');
    await declare.getByLabel('佐证材料').fill('设备采购合同 2 份、发票 4 张（EQ-01…04）');
    await declare.getByRole('button', { name: '提交申报' }).click();
    await declare.getByText('当年新增中试设备不能超过非财政资金购置总额').waitFor();
    await declare.getByLabel('其中当年新增中试设备（元）').fill('1500000');
    await declare.getByRole('button', { name: '提交申报' }).click();
    const declared = declare.getByTestId('my-declarations').locator('.ant-table-row', { hasText: String(year) });
    await declared.getByText('¥2,000,000.00').waitFor();
    await declared.getByText('¥1,500,000.00').waitFor();
    const declarations = await expectStatus(
      p.t.http.get(`/api/platforms/${platformId}/equipment-declarations`).set(operator.auth),
      200,
    );
    expect(declarations.body).toMatchObject({
      total: 1,
      items: [{ year, nonFiscalEquipmentFen: 200_000_000, newEquipmentFen: 150_000_000 }],
    });

    // The bureau assesses the platform and reads the stored assessment back in the list.
    await bureau.reload();
    await bureau.getByRole('tab', { name: '平台监管' }).click();
    const drawer = await openGovernance(bureau);
    await drawer.getByRole('tab', { name: '补贴测算' }).click();
    await drawer.getByTestId('declared-for-year').getByText('非财政资金购置设备 ¥2,000,000.00').waitFor();
    await drawer.getByTestId('past-assessments').getByText('尚无测算记录').waitFor();
    await drawer.getByRole('button', { name: '测算补贴' }).click();
    await drawer.getByText('补贴合计').waitFor();
    const assessments = await expectStatus(
      p.t.http.get(`/api/platforms/${platformId}/subsidy-assessments`).set(world.bureau.auth),
      200,
    );
    expect(assessments.body.total).toBe(1);
    const stored = assessments.body.items[0].result as {
      totalFen: number;
      rules: { code: string; amountFen: number; cappedFen: number; capFen: number; overlapDecision: string }[];
      funderTotals: { name: string; amountFen: number }[];
    };
    // 25.5 % of ¥2,000,000 beats 20 % of ¥1,500,000 within the group; the lower one is dropped.
    expect(stored.totalFen).toBe(51_000_000);
    const winner = stored.rules.find((r) => r.code === 'QZ_EQUIPMENT_30')!;
    const dropped = stored.rules.find((r) => r.code === 'QZ_NEW_EQUIPMENT_20')!;
    expect(winner).toMatchObject({ amountFen: 51_000_000, capFen: 400_000_050, overlapDecision: 'HIGHEST_IN_GROUP' });
    expect(dropped).toMatchObject({ cappedFen: 30_000_000, amountFen: 0, overlapDecision: 'LOWER_IN_GROUP_DROPPED' });

    const pastRow = drawer.getByTestId('past-assessments').locator('.ant-table-row', { hasText: String(year) });
    await pastRow.getByText(yuan(stored.totalFen)).waitFor();
    await pastRow.locator('.ant-table-row-expand-icon').click();
    const detail = drawer.getByTestId('assessment-detail');
    const winnerRow = detail.locator('.ant-table-row', { hasText: '泉州市中试平台设备购置补助' });
    await winnerRow.getByText('同组就高（采用）').waitFor();
    await winnerRow.getByRole('cell', { name: yuan(winner.capFen), exact: true }).waitFor();
    await winnerRow
      .getByRole('cell', { name: yuan(winner.amountFen), exact: true })
      .first()
      .waitFor();
    await winnerRow.getByText(`泉州市 ${yuan(25_500_000)}；晋江市 ${yuan(25_500_000)}`).waitFor();
    const droppedRow = detail.locator('.ant-table-row', { hasText: '泉州市新增中试设备补助' });
    await droppedRow.getByText('同组较低（不重复享受）').waitFor();
    await droppedRow
      .getByText('20% × ¥1,500,000（当年新增中试设备）；就高不重复：已采用“泉州市中试平台设备购置补助”')
      .waitFor();
    await droppedRow
      .getByRole('cell', { name: yuan(dropped.cappedFen), exact: true })
      .first()
      .waitFor();
    for (const funder of stored.funderTotals) {
      await detail.locator('.ant-statistic', { hasText: funder.name }).getByText(yuan(funder.amountFen)).waitFor();
    }

    // The evaluation: a failing grade needs an explicit consequence, confirmed, before it is saved.
    expect(await searchTotal(SERVICE_TITLE)).toBeGreaterThan(0);
    await drawer.getByRole('tab', { name: '年度评价' }).click();
    await drawer.getByTestId('past-evaluations').getByText('尚无评价记录').waitFor();
    const evaluation = drawer.getByTestId('evaluation-form');
    // No orders last year: the indicators suggest 不合格, which the form starts from.
    await evaluation.locator('.ant-select-selection-item', { hasText: '不合格' }).waitFor();
    await evaluation.getByLabel('评价意见').fill('全年未完成中试服务订单，服务企业数量为零。');
    await evaluation.getByRole('button', { name: '保存评价' }).click();
    await evaluation.getByText('请选择不合格的处理方式').waitFor();
    await chooseOption(bureau, evaluation.locator('.ant-form-item', { hasText: '不合格的处理' }), '暂停服务');
    await evaluation.getByRole('button', { name: '保存评价' }).click();
    const confirm = bureau.locator('.ant-modal-confirm');
    await confirm.locator('.ant-modal-confirm-title', { hasText: '确认评价为“不合格”并暂停服务？' }).waitFor();
    await confirm.getByText('其服务立即从搜索和服务大厅撤下').waitFor();
    await confirm.getByRole('button', { name: '确认暂停服务' }).click();
    const pastEvaluation = drawer
      .getByTestId('past-evaluations')
      .locator('.ant-table-row', { hasText: String(year - 1) });
    await pastEvaluation.getByText('不合格').first().waitFor();
    await pastEvaluation.getByText('暂停服务').waitFor();
    await pastEvaluation.getByText('全年未完成中试服务订单').waitFor();

    const evaluations = await expectStatus(
      p.t.http.get(`/api/platforms/${platformId}/evaluations`).set(world.bureau.auth),
      200,
    );
    expect(evaluations.body).toMatchObject({
      total: 1,
      items: [{ year: year - 1, grade: 'FAIL', outcome: 'SUSPEND' }],
    });
    const platform = await expectStatus(p.t.http.get(`/api/platforms/${platformId}`).set(world.bureau.auth), 200);
    expect(platform.body.status).toBe('SUSPENDED');
    await eventually(async () => (await searchTotal(SERVICE_TITLE)) === 0, 'the services to leave search');
    // The review list follows: the platform is under 已暂停.
    await drawer.locator('.ant-drawer-close').click();
    await pickStatus(bureau, '已暂停');
    await bureau
      .getByTestId('platforms-review')
      .locator('.ant-table-row', { hasText: '晋江市复合材料中试服务平台' })
      .waitFor();
  });

  it('rules of every kind as data: multi-year cap and years, award amounts by level, tiers, grade award', async () => {
    const bureau = await p.page();
    await signIn(bureau, world.bureau.email);
    await bureau.getByRole('tab', { name: '平台监管' }).click();
    const admin = bureau.getByTestId('subsidy-rule-admin');
    const modal = bureau.locator('.ant-modal', { hasText: '新增补贴规则' });
    const open = async (code: string, name: string, kind: string) => {
      await admin.getByRole('button', { name: '新增规则' }).click();
      await modal.getByLabel('规则编码').fill(code);
      await modal.getByLabel('规则名称').fill(name);
      await chooseOption(bureau, modal.locator('.ant-form-item', { hasText: '规则类型' }), kind);
    };
    const saved = async (code: string, summary: string) => {
      await modal.getByRole('button', { name: '新增规则' }).click();
      await bureau
        .getByTestId('subsidy-rule-list')
        .locator('.ant-table-row', { hasText: code })
        .getByText(summary)
        .waitFor();
      return (await storedRule(code))?.rule;
    };

    await open('QZ_OPERATING_30', '泉州市中试平台运营补助', '运营补助（按服务性收入）');
    await modal.getByLabel('补贴比例（占年度服务性收入）').fill('30');
    await modal.getByLabel('多年累计上限（元）').fill('3000000');
    await modal.getByLabel('连续年限（年）').fill('5');
    // A multiple select stays open: both levels in one go.
    const levels = modal.locator('.ant-form-item', { hasText: '适用平台级别' });
    await levels.locator('.ant-select-selector').click();
    const levelOptions = await dropdownOf(bureau, levels);
    for (const level of ['市级', '省级']) {
      await levelOptions.locator('.ant-select-item-option', { hasText: level }).click();
    }
    await modal.getByLabel('连续年限（年）').click();
    expect(
      await saved('QZ_OPERATING_30', '年度服务性收入 × 30%，连续 5 年累计最高 ¥3,000,000.00；限市级/省级平台'),
    ).toMatchObject({ ratioBp: 3000, capFen: 300_000_000, windowYears: 5, requiresRecognition: ['CITY', 'PROVINCE'] });

    // An award with no amount at all is refused beside the amounts, in Chinese; nothing is stored.
    await open('QZ_RECOGNITION_AWARD', '新认定中试平台奖励', '新认定一次性奖励');
    await modal.getByRole('button', { name: '新增规则' }).click();
    await modal.locator('#amountByLevel_NATIONAL_help').getByText('请至少填写一个级别的金额').waitFor();
    expect(await storedRule('QZ_RECOGNITION_AWARD')).toBeUndefined();
    await modal.getByLabel('国家级（元）').fill('1500000');
    await modal.getByLabel('省级（元）').fill('500000');
    expect(await saved('QZ_RECOGNITION_AWARD', '新认定 国家级 ¥1,500,000.00、省级 ¥500,000.00')).toMatchObject({
      amountFenByLevel: { NATIONAL: 150_000_000, PROVINCE: 50_000_000 },
    });

    await open('QZ_TIERS', '新认定平台设备投入分档支持', '新认定设备投入分档支持');
    await modal.getByRole('button', { name: '增加一档' }).click();
    await modal.locator('#tiers_0_uptoYuan').fill('10000000');
    await modal.locator('#tiers_0_ratioPct').fill('30');
    // No ratio is pre-filled (a policy's "一定比例" gets none invented): the bureau sets each one.
    expect(await modal.locator('#tiers_1_ratioPct').inputValue()).toBe('');
    await modal.locator('#tiers_1_ratioPct').fill('20');
    await modal.getByLabel('国家级（元）').fill('10000000');
    expect(
      await saved('QZ_TIERS', '当年新增中试设备分档：至 ¥10,000,000.00 30%，其余部分 20%；上限 国家级 ¥10,000,000.00'),
    ).toMatchObject({
      basis: 'NEW_EQUIPMENT',
      tiers: [
        { uptoFen: 1_000_000_000, ratioBp: 3000 },
        { uptoFen: null, ratioBp: 2000 },
      ],
      capFenByLevel: { NATIONAL: 1_000_000_000 },
    });

    await open('QZ_EXCELLENT_AWARD', '年度绩效优秀平台奖励', '绩效评价等级奖励');
    await modal.getByLabel('奖励金额（元）').fill('1000000');
    expect(await saved('QZ_EXCELLENT_AWARD', '评价“优秀”奖励 ¥1,000,000.00，3 年内最多一次')).toMatchObject({
      grade: 'EXCELLENT',
      amountFen: 100_000_000,
      oncePerYears: 3,
    });

    // Deactivating a rule keeps it as data, marked 停用.
    const row = bureau.getByTestId('subsidy-rule-list').locator('.ant-table-row', { hasText: 'QZ_EXCELLENT_AWARD' });
    await row.getByRole('button', { name: '编辑' }).click();
    const edit = bureau.locator('.ant-modal', { hasText: '编辑补贴规则' });
    await edit.getByLabel('启用').click();
    await submitDialog(edit, '保存规则');
    await row.getByText('停用').waitFor();
    expect(await storedRule('QZ_EXCELLENT_AWARD')).toMatchObject({ active: false, rule: { amountFen: 100_000_000 } });
  });

  it('revenue declared by the operator, returned with a reason and accepted by the bureau; a ratio the policy leaves open', async () => {
    const declaredYear = year - 1;
    const op = await p.page();
    await signIn(op, operator.email);
    const card = op.getByTestId('revenue-declarations');
    await card.getByText('尚未申报服务性收入').waitFor();
    await chooseOption(op, card.locator('.ant-form-item', { hasText: '收入年度' }), `${declaredYear} 年`);
    await card.getByLabel('年度服务性收入（元）').fill('4000000');
    await card.getByLabel('收入佐证材料').fill('年度审计报告第 12 页；服务合同 36 份');
    await card.getByRole('button', { name: '提交收入申报' }).click();
    const mine = card.getByTestId('my-revenue').locator('.ant-table-row', { hasText: String(declaredYear) });
    await mine.getByText('待局方受理').waitFor();
    await mine.getByText(yuan(400_000_000)).waitFor();

    // The bureau sees it beside the marketplace's figure; a return without a reason is refused beside it.
    // (The first test suspended the platform: it is under 已暂停.)
    const bureau = await p.page();
    await signIn(bureau, world.bureau.email);
    await bureau.getByRole('tab', { name: '平台监管' }).click();
    const drawer = await openGovernance(bureau, '已暂停');
    await drawer.getByRole('tab', { name: '收入申报' }).click();
    const row = drawer.getByTestId('revenue-to-review').locator('.ant-table-row', { hasText: String(declaredYear) });
    await row.getByText(yuan(400_000_000)).waitFor();
    await row.getByRole('button', { name: '退回' }).click();
    const dialog = bureau.locator('.ant-modal', { hasText: `退回 ${declaredYear} 年收入申报` });
    await dialog.getByRole('button', { name: '确认退回' }).click();
    await dialog.locator('#revenueReturn_note_help').getByText('退回时请用 2 至 1000 个字说明原因').waitFor();
    await dialog.getByLabel('退回原因').fill('请补充审计报告全文');
    await submitDialog(dialog, '确认退回');
    await row.getByText('已退回').waitFor();

    // Re-declared (API), then accepted on screen; the operator sees it accepted with the bureau's note.
    await expectStatus(
      p.t.http
        .put(`/api/platforms/${platformId}/revenue-declarations/${declaredYear}`)
        .set(operator.auth)
        .send({ serviceRevenueFen: 400_000_000, evidence: '年度审计报告全文；服务合同 36 份' }),
      200,
    );
    await bureau.reload();
    await bureau.getByRole('tab', { name: '平台监管' }).click();
    await (await openGovernance(bureau, '已暂停')).getByRole('tab', { name: '收入申报' }).click();
    await row.getByText('待局方受理').waitFor();
    await row.getByRole('button', { name: '受理' }).click();
    await row.getByText('已受理').waitFor();
    const stored = await expectStatus(
      p.t.http.get(`/api/platforms/${platformId}/revenue-declarations`).set(operator.auth),
      200,
    );
    expect(stored.body.items[0]).toMatchObject({
      year: declaredYear,
      status: 'ACCEPTED',
      serviceRevenueFen: 400_000_000,
    });
    await op.reload();
    await mine.getByText('已受理').waitFor();

    // A rule whose ratio the policy leaves open (嘉兴 "一定比例"): waits inactive; activating it without a
    // ratio is refused beside the ratio; with one set it is active.
    await expectStatus(
      p.t.http
        .post('/api/subsidy-rules')
        .set(world.bureau.auth)
        .send({
          code: 'QZ_OPEN_RATIO',
          name: '新认定平台设备投入支持（比例待定）',
          kind: 'INVESTMENT_TIER_AWARD',
          overlapGroup: null,
          funders: [{ key: 'QUANZHOU', name: '泉州市', shareBp: 10000 }],
          params: {
            basis: 'NEW_EQUIPMENT',
            tiers: [{ uptoFen: null, ratioBp: null }],
            capFenByLevel: { NATIONAL: 1_000_000_000 },
          },
        }),
      201,
    );
    await bureau.reload();
    await bureau.getByRole('tab', { name: '平台监管' }).click();
    const ruleRow = bureau.getByTestId('subsidy-rule-list').locator('.ant-table-row', { hasText: 'QZ_OPEN_RATIO' });
    await ruleRow.getByText('待设定比例').waitFor();
    await ruleRow.getByRole('button', { name: '编辑' }).click();
    const edit = bureau.locator('.ant-modal', { hasText: '编辑补贴规则' });
    await edit.getByText('须由本局设定比例后才能启用该规则').waitFor();
    await edit.getByLabel('启用').click();
    await edit.getByRole('button', { name: '保存规则' }).click();
    await edit.locator('#tiers_0_ratioPct_help').getByText('政策未规定比例，请先设定比例再启用').waitFor();
    expect(await storedRule('QZ_OPEN_RATIO')).toMatchObject({ active: false });
    await edit.locator('#tiers_0_ratioPct').fill('15');
    await submitDialog(edit, '保存规则');
    await ruleRow.getByText('启用', { exact: true }).waitFor();
    expect(await storedRule('QZ_OPEN_RATIO')).toMatchObject({
      active: true,
      rule: { tiers: [{ uptoFen: null, ratioBp: 1500 }] },
    });
  });

  it('fits a phone-wide screen: the rules and the declaration form', async () => {
    const bureau = await p.page({ width: 390, height: 844 });
    await signIn(bureau, world.bureau.email);
    // At 390 px the tab is behind the bar's overflow; a finger swipes it into view, the test clicks it directly.
    await bureau.getByRole('tab', { name: '平台监管' }).dispatchEvent('click');
    await bureau.getByTestId('subsidy-rule-list').getByText('QZ_EQUIPMENT_30').waitFor();
    expect(await bureau.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await bureau.getByTestId('subsidy-rule-admin').getByRole('button', { name: '新增规则' }).click();
    await bureau.locator('.ant-modal').getByLabel('补贴比例').waitFor();
    // The open modal (the page behind it is locked) fits the screen: no field is cut off.
    const box = await bureau.locator('.ant-modal-content').boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    const widest = await bureau.evaluate<number>(
      `Math.max(...[...document.querySelectorAll('.ant-modal-content input')].map((e) => e.getBoundingClientRect().right))`,
    );
    expect(widest).toBeLessThanOrEqual(390);

    const op = await p.page({ width: 390, height: 844 });
    await signIn(op, operator.email);
    await op.getByTestId('equipment-declarations').getByRole('button', { name: '提交申报' }).waitFor();
    expect(await op.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  });
});

async function pickStatus(bureau: Page, status: string): Promise<void> {
  await chooseOption(
    bureau,
    bureau.locator('.ant-card', { hasText: '平台审核与监管' }).first().locator('.ant-select'),
    status,
  );
}

async function openGovernance(bureau: Page, status = '已上架'): Promise<Locator> {
  await pickStatus(bureau, status);
  await bureau
    .getByTestId('platforms-review')
    .locator('.ant-table-row', { hasText: '晋江市复合材料中试服务平台' })
    .getByRole('button', { name: '认定·评价·补贴' })
    .click();
  return bureau.locator('.ant-drawer');
}
