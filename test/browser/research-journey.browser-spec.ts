import { createPrivilegedOrg, login, makeUscc, RegisteredOrg, registerOrg, TEST_PASSWORD } from '@pilotlink/testing';
import { ResearchDigestService } from '@pilotlink/research';
import { listedPlatformWithService } from '../support/notification-fixtures';
import { chooseOption, eventually, journeyShot, PortalTest, signIn, startPortal, submitDialog } from './browser';

const JOURNEY = 'research-journey';
/** Unique per run: the bureau's 重点项目 candidates are every result of its jurisdiction, earlier runs' too. */
const TITLE = `氮化硅陶瓷基板气压烧结技术-${Date.now() % 100000}`;
const OFFICER = '林专员';
const WEEK_MS = 7 * 24 * 3600 * 1000;

/**
 * Issue 21, the research journey (`research-journey`) in the portal: an institute registers through the
 * registration page, the bureau verifies it (机构认证), it publishes a result; the research digest runs for the
 * week after (triggered with that date) and lands in a fitting platform's inbox; the platform opens the result
 * from its digest and proposes a verification (price, timeline, scope, IP terms); the institute sees the
 * proposal on its result, accepts it and lands on the order it now buys, where vouchers are said not to apply;
 * the bureau marks the result a key project (重点项目) from its board, naming its officer, and the institute sees
 * on its result page that it is tracked and by whom.
 */
describe('web portal: a research result from publication to a pilot order (browser)', () => {
  let p: PortalTest;
  let bureau: RegisteredOrg;
  let operator: RegisteredOrg;

  beforeAll(async () => {
    p = await startPortal();
    bureau = await createPrivilegedOrg(p.t, 'BUREAU', '350500');
    await p.t.http
      .post(`/api/orgs/${bureau.orgId}/members`)
      .set(bureau.auth)
      .send({
        email: `lin-${Date.now()}@gov.example.cn`,
        password: TEST_PASSWORD,
        displayName: OFFICER,
        role: 'MEMBER',
      })
      .expect(201);
    operator = await registerOrg(p.t.http, { kind: 'PLATFORM_OPERATOR', name: '晋江先进陶瓷中试基地运营公司' });
    await p.t.http.post(`/api/orgs/${operator.orgId}/verify`).set(bureau.auth).expect(200);
    await listedPlatformWithService(p.t, operator, bureau, {
      title: '陶瓷基板烧结中试放大',
      description: '氮化硅 陶瓷基板 气压烧结 中试放大 热导率检测',
      fieldCodes: ['MATERIALS_CERAMICS'],
      category: 'SCALE_UP',
    });
    await eventually(async () => {
      const res = await p.t.http.get('/api/search/services').query({ q: '陶瓷基板烧结' });
      return res.status === 200 && res.body.total >= 1;
    }, 'the platform’s service to be indexed');
  }, 180_000);
  afterAll(() => p?.close());

  it('register → verified → publish → digest → platform proposes → institute accepts → order → key project', async () => {
    // The institute registers through the portal.
    const inst = await p.page();
    const email = `institute-journey-${Date.now()}@example.cn`;
    const orgName = `泉州先进材料研究院${Date.now() % 100000}`;
    await inst.goto('/');
    await inst.getByRole('button', { name: '注册' }).click();
    await inst.getByText('高校、科研院所、新型研发机构（成果方）').click();
    await inst.getByLabel('企业名称').fill(orgName);
    await inst.getByLabel('统一社会信用代码').fill(makeUscc('350582'));
    await inst.getByLabel('联系人姓名').fill('陈教授');
    await inst.getByLabel('邮箱').fill(email);
    await inst.getByLabel('密码').fill(TEST_PASSWORD);
    await inst.locator('form').getByRole('button', { name: '注册' }).click();
    await inst.getByRole('heading', { name: '成果工作台' }).waitFor();
    await inst
      .getByTestId('digest-settings')
      .locator('.ant-radio-button-wrapper-checked', { hasText: '每周' })
      .waitFor();
    await journeyShot(inst, JOURNEY, '01-institute-registered');

    // The bureau verifies it (机构认证).
    const desk = await p.page();
    await signIn(desk, bureau.email);
    await desk.getByRole('tab', { name: '机构认证' }).click();
    const orgRow = desk.locator('.ant-table-row', { hasText: orgName });
    await orgRow.getByRole('button', { name: '认证通过' }).click();
    await orgRow.waitFor({ state: 'detached' });

    // It publishes a result.
    await inst.reload();
    await inst.getByRole('button', { name: '发布科技成果' }).click();
    await inst.getByLabel('成果名称').fill(TITLE);
    await inst
      .getByLabel('成果简介')
      .fill('氮化硅陶瓷基板气压烧结工艺，热导率 90 W/m·K，已完成小试，寻求中试放大验证。');
    await inst.getByLabel('技术详情').fill('烧结助剂体系与气压烧结曲线。');
    await inst.getByLabel('行业领域').click();
    await inst.keyboard.type('先进陶瓷');
    await inst.locator('.ant-select-tree-node-content-wrapper', { hasText: '先进陶瓷' }).first().click();
    await chooseOption(
      inst,
      inst.locator('.ant-form-item', { hasText: '所需验证服务' }).locator('.ant-select'),
      '工艺放大熟化',
    );
    await inst.getByLabel('联系人').fill('陈教授');
    await inst.getByRole('button', { name: '发布成果' }).click();
    await inst.waitForURL((url) => url.pathname === '/institute');
    const mine = inst.getByTestId('my-results');
    await mine.getByText('已发布').waitFor();
    await journeyShot(inst, JOURNEY, '02-result-published');

    // The week after, the research digest runs and reaches the fitting platform's inbox.
    const [result] = (
      await p.t.http
        .get('/api/results')
        .set(await instituteAuth(email))
        .expect(200)
    ).body.items;
    const weekAfter = new Date(new Date(result.publishedAt).getTime() + WEEK_MS);
    await p.t.app.get(ResearchDigestService, { strict: false }).plan(weekAfter);
    await eventually(async () => {
      const inbox = await p.t.http.get('/api/notifications').set(operator.auth);
      return inbox.body.items.some((n: { eventType: string }) => n.eventType === 'research.digest');
    }, 'the digest to reach the platform');

    const plat = await p.page();
    await signIn(plat, operator.email);
    await plat.getByTestId('digest-settings').waitFor();
    await plat.goto('/notifications');
    const digest = plat.getByTestId('inbox').locator('.ant-list-item', { hasText: '科技成果推送' });
    await digest.waitFor();
    await journeyShot(plat, JOURNEY, '03-platform-digest');
    await digest.getByRole('button', { name: '查看' }).click();
    await plat.waitForURL((url) => url.pathname === `/results/${result.id}`);

    // The platform proposes a verification.
    const proposals = plat.getByTestId('result-proposals');
    await proposals.getByText('您尚未对该成果提出验证方案').waitFor();
    await proposals.getByRole('button', { name: '提出验证方案' }).click();
    const modal = plat.locator('.ant-modal', { hasText: '提出验证方案' });
    await modal.getByLabel('报价金额（元）').fill('180000');
    await modal.getByLabel('周期（天）').fill('60');
    await modal.getByLabel('验证内容').fill('氮化硅基板 3 批次中试放大 + 热导率与抗弯强度检测报告');
    await chooseOption(
      plat,
      modal.locator('.ant-form-item', { hasText: '知识产权归属' }).locator('.ant-select'),
      '双方共有（按比例）',
    );
    await modal.getByLabel('委托方占比（%）').fill('70');
    await modal.getByLabel('收益分配约定').fill('谁投入谁获益');
    await journeyShot(plat, JOURNEY, '04-platform-proposes');
    await modal.getByRole('button', { name: '提交验证方案' }).click();
    await modal.waitFor({ state: 'hidden' });
    await proposals.locator('.ant-table-row', { hasText: '¥180,000.00' }).getByText('待选择').waitFor();

    // The institute sees the proposal on its result and accepts it: the order follows.
    await mine.getByText(TITLE).click();
    const onResult = inst.getByTestId('result-proposals');
    const row = onResult.locator('.ant-table-row', { hasText: '陶瓷基板烧结中试放大平台' });
    await row.getByText('双方共有', { exact: false }).waitFor();
    await journeyShot(inst, JOURNEY, '05-institute-sees-proposal');
    await row.getByRole('button', { name: '接受方案' }).click();
    await inst
      .locator('.ant-modal', { hasText: '接受验证方案' })
      .getByRole('button', { name: '接受并生成订单' })
      .click();
    await inst.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
    await inst.getByTestId('order-status').getByText('已接单').waitFor();
    await inst.getByText('本订单不适用服务券').waitFor();
    await inst.getByRole('button', { name: '确认合同' }).waitFor();
    await journeyShot(inst, JOURNEY, '06-institute-order');

    const after = await p.t.http
      .get(`/api/results/${result.id}`)
      .set(await instituteAuth(email))
      .expect(200);
    expect(after.body.status).toBe('IN_PILOT');

    // The bureau marks the result a key project from its 重点项目 board and names its officer.
    await desk.getByRole('tab', { name: '重点项目' }).click();
    const board = desk.getByTestId('key-projects-board');
    await board.getByRole('button', { name: '标记重点项目' }).click();
    const mark = desk.locator('.ant-modal', { hasText: '标记重点项目' });
    await mark.locator('.ant-radio-button-wrapper', { hasText: '科技成果' }).click();
    await chooseOption(desk, mark.locator('.ant-form-item', { hasText: '跟踪对象' }).locator('.ant-select'), TITLE, {
      search: true,
    });
    await chooseOption(desk, mark.locator('.ant-form-item', { hasText: '跟踪人' }).locator('.ant-select'), OFFICER);
    await journeyShot(desk, JOURNEY, '07-bureau-marks-key-project');
    await submitDialog(mark, '列入重点项目');
    await board
      .getByTestId('key-project-column-CONCEPT')
      .getByTestId('key-project-card')
      .filter({ hasText: TITLE })
      .getByText(`跟踪人：${OFFICER}`)
      .waitFor();

    // The institute sees on its result page that a bureau tracks it, and by whom.
    await inst.goto(`/results/${result.id}`);
    await inst.getByTestId('key-project-tracking').getByText(`重点项目 · 跟踪人 ${OFFICER}`).waitFor();
    await journeyShot(inst, JOURNEY, '08-institute-sees-tracking');
  });

  const instituteAuth = async (email: string) => (await login(p.t.http, email)).auth;
});
