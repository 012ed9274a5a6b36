import { createPrivilegedOrg, login, RegisteredOrg, registerOrg, TEST_PASSWORD } from '@pilotlink/testing';
import { chooseOption, journeyShot, PortalTest, signIn, startPortal, submitDialog } from './browser';

const DEMAND_TITLE = '固态电池电解质膜中试放大';
const BUREAU_NOTE = '拟协调黄埔区中试用地';

/** YYYY-MM-DD, `days` from today in China. */
const chinaDay = (days: number) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

/**
 * 重点项目清单 in a real browser (Guangzhou plan (十二): 指定专人跟踪服务重点项目): a bureau marks an SME's demand as
 * a key project from its board, names the officer, adds a milestone — a missing due date is refused next to
 * the field — whose past due date shows it overdue on the board; the SME sees on its demand page that it is
 * tracked and by whom, and nothing of the bureau's note.
 */
describe('web portal: key projects in Chromium (browser)', () => {
  let p: PortalTest;
  let bureau: RegisteredOrg;
  let sme: RegisteredOrg;
  let demandId: string;

  beforeAll(async () => {
    p = await startPortal();
    bureau = await createPrivilegedOrg(p.t, 'BUREAU', '440100');
    const email = `wang-${Date.now()}@gov.example.cn`;
    await p.t.http
      .post(`/api/orgs/${bureau.orgId}/members`)
      .set(bureau.auth)
      .send({ email, password: TEST_PASSWORD, displayName: '王专员', role: 'MEMBER' })
      .expect(201);
    await login(p.t.http, email);
    sme = await registerOrg(p.t.http, { regionCode: '440100', name: '广州锂享新能源科技有限公司' });
    await p.t.http.post(`/api/orgs/${sme.orgId}/verify`).set(bureau.auth).expect(200);
    const demand = await p.t.http
      .post('/api/demands')
      .set(sme.auth)
      .send({
        title: DEMAND_TITLE,
        description: '需验证卷对卷涂布工艺的一致性。',
        fieldCode: 'ENERGY_CELL',
        stage: 'PILOT',
        categories: ['SCALE_UP'],
        mode: 'OPEN',
        confidentiality: 'PUBLIC',
      })
      .expect(201);
    demandId = demand.body.id;
    await p.t.http.post(`/api/demands/${demandId}/publish`).set(sme.auth).expect(200);
  });
  afterAll(() => p?.close());

  it('the bureau marks a demand, assigns 王专员, sees an overdue milestone; the SME sees it is tracked', async () => {
    const page = await p.page();
    await signIn(page, bureau.email);
    await page.getByRole('tab', { name: '重点项目' }).click();
    const board = page.getByTestId('key-projects-board');
    await board.getByText('还没有重点项目').waitFor();

    await board.getByRole('button', { name: '标记重点项目' }).click();
    const mark = page.locator('.ant-modal', { hasText: '标记重点项目' });
    await chooseOption(
      page,
      mark.locator('.ant-form-item', { hasText: '跟踪对象' }).locator('.ant-select'),
      DEMAND_TITLE,
    );
    await chooseOption(page, mark.locator('.ant-form-item', { hasText: '跟踪人' }).locator('.ant-select'), '王专员');
    await mark.getByLabel('内部备注').fill(BUREAU_NOTE);
    await journeyShot(page, 'key-projects', '01-mark');
    await submitDialog(mark, '列入重点项目');

    const concept = board.getByTestId('key-project-column-CONCEPT');
    const card = concept.getByTestId('key-project-card').filter({ hasText: DEMAND_TITLE });
    await card.getByText('跟踪人：王专员').waitFor();

    // A milestone without its due date is refused next to that field; a past due date is overdue at once.
    await card.click();
    const detail = page.locator('.ant-modal', { hasText: `重点项目 · ${DEMAND_TITLE}` });
    await detail.getByRole('button', { name: '添加里程碑' }).click();
    const add = page.locator('.ant-modal', { hasText: '添加里程碑' }).last();
    await add.getByLabel('里程碑').fill('完成概念验证方案评审');
    await add.getByRole('button', { name: '保存' }).click();
    await add.locator('#dueOn_help', { hasText: '截止日期' }).waitFor();
    await add.getByLabel('截止日期').fill(chinaDay(-2));
    await submitDialog(add, '保存');
    const row = detail.getByTestId('key-project-milestones').locator('tr', { hasText: '完成概念验证方案评审' });
    await row.getByText('已逾期').waitFor();
    await detail.getByText('逾期 1 项').waitFor();
    await journeyShot(page, 'key-projects', '02-overdue-milestone');
    await detail.locator('.ant-modal-close').click();
    await card.getByText('逾期 1 项').waitFor();
    await board.getByTestId('overdue-total').getByText('逾期里程碑 1 项').waitFor();

    // Filtered by officer: 王专员 has it, the owner has none.
    await chooseOption(page, board.locator('.ant-select', { has: page.getByLabel('按跟踪人筛选') }), '王专员');
    await card.waitFor();
    await journeyShot(page, 'key-projects', '03-board');

    // The SME sees on its demand page that a bureau tracks it, by whom and at which stage — not the note.
    const smePage = await p.page();
    await signIn(smePage, sme.email);
    await smePage.goto(`/sme/demands/${demandId}`);
    const tracking = smePage.getByTestId('key-project-tracking');
    await tracking.getByText('重点项目 · 跟踪人 王专员').waitFor();
    await tracking.getByText('当前阶段：概念验证').waitFor();
    await journeyShot(smePage, 'key-projects', '04-sme-sees-tracking');
    expect(await smePage.getByText(BUREAU_NOTE).count()).toBe(0);
    expect(await smePage.getByText('完成概念验证方案评审').count()).toBe(0);
  });
});
