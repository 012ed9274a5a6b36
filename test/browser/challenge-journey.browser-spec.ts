import { ExpiryService } from '@pilotlink/demand';
import { makeUscc, RegisteredOrg, TEST_PASSWORD } from '@pilotlink/testing';
import type { Locator, Page } from 'playwright-core';
import { ShiftedClock } from '../support/shifted-clock';
import { expectStatus, plusDays, today, VoucherWorld } from '../support/voucher-fixtures';
import { eventually, journeyShot, PortalTest, signIn, startPortal, submitDialog } from './browser';

const CHALLENGE = '固态电池硫化物电解质中试放大揭榜';
const JOURNEY = 'challenge-journey';

/**
 * Issue 18, journey 4 (`challenge-journey`), in the portal: an SME registers through the registration page
 * and the bureau verifies it (机构认证); the SME posts a 揭榜挂帅 demand with a reward, a deadline and an award
 * window — a deadline already past is refused on its field; two listed platforms propose (one in the portal's
 * 需求大厅, the other through the API as that platform); after the deadline (the API's clock moved on, the
 * browser's not: the portal shows the phase the API decides) the hall says 揭榜已截止, the SME compares the
 * proposals side by side and awards one within the award window; the winner reads 中榜 with its order and the
 * reward, the other its declined proposal with the reason. A second challenge left unawarded past its
 * window: the portal says why it can no longer be awarded, before and after the expiry job.
 */
describe('web portal: a 揭榜挂帅 challenge from registration to the award (browser)', () => {
  let p: PortalTest;
  let world: VoucherWorld;
  const platforms: { name: string; operator: RegisteredOrg; platformId: string }[] = [];

  beforeAll(async () => {
    p = await startPortal();
    world = await new VoucherWorld(p.t).init();
    for (const name of ['晋江市新能源材料中试平台', '泉州市固态电池中试基地']) {
      platforms.push({ name, ...(await world.listedPlatform(name)) });
    }
  });
  afterAll(() => p?.close());

  /** The form item labelled `label` inside `scope`. */
  const item = (scope: Locator, label: string) =>
    scope.locator('.ant-form-item', { has: scope.page().locator(`label:text-is("${label}")`) });
  /** Types a date into a DatePicker and leaves it (Tab: Enter would also submit the form). */
  const setDate = async (field: Locator, date: string) => {
    await field.locator('input').fill(date);
    await field.locator('input').press('Tab');
    await field.locator(`input[value="${date}"]`).waitFor();
  };
  const proposalRow = (page: Page, platform: string) =>
    page.getByTestId('quotes').locator('.ant-table-row', { hasText: platform });
  /** The platform's 需求大厅 entry for the challenge, read afresh until the search index has it. */
  async function hallEntry(page: Page): Promise<Locator> {
    const entry = page.getByTestId('demand-hall').locator('.ant-list-item', { hasText: CHALLENGE });
    await eventually(async () => {
      await page.goto('/platform');
      await page.getByTestId('demand-hall').waitFor();
      await page.getByTestId('demand-hall').locator('.ant-spin-spinning').waitFor({ state: 'detached' });
      return entry.isVisible();
    }, 'the challenge to show in the demand hall');
    return entry;
  }

  it('register → verified → challenge posted → two proposals → deadline → compare → award → both see the outcome', async () => {
    const [a, b] = platforms;
    const deadline = plusDays(today(), 7);
    const awardBy = plusDays(deadline, 20);

    // Register through the portal (an SME is the form's default kind).
    const sme = await p.page();
    const email = `challenge-sme-${Date.now()}@example.cn`;
    const orgName = `晋江市固态锂电科技有限公司${Date.now() % 100000}`;
    await sme.goto('/');
    await sme.getByRole('button', { name: '注册' }).click();
    await sme.getByLabel('企业名称').fill(orgName);
    await sme.getByLabel('统一社会信用代码').fill(makeUscc('350582'));
    await sme.getByLabel('联系人姓名').fill('陈总');
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

    // A public 揭榜挂帅 demand: the mode explained where chosen; reward, deadline and award window.
    await sme.reload();
    await sme.getByRole('button', { name: '发布中试需求' }).click();
    const form = sme.locator('.ant-card', { hasText: '发布中试需求' });
    await sme.getByLabel('需求标题').fill(CHALLENGE);
    await sme.getByLabel('详细描述').fill('硫化物固态电解质公斤级合成与干法成膜中试，离子电导率≥5 mS/cm。');
    await sme.getByLabel('行业领域').click();
    await sme.keyboard.type('电解液');
    await sme.locator('.ant-select-tree-node-content-wrapper', { hasText: '电解液' }).first().click();
    await form.getByText('揭榜挂帅', { exact: true }).click();
    await sme.getByText('平台在截止日前（含当日）提交方案；截止后不再接收新方案').waitFor();
    await item(form, '揭榜奖励（元）').locator('input').fill('500000');
    await item(form, '择优确定期（天）').locator('input').fill('20');
    await form.getByText('公开', { exact: true }).click();
    // A deadline already past is refused next to its field (the API's calendar decides).
    await setDate(item(form, '揭榜截止日期'), plusDays(today(), -1));
    await journeyShot(sme, JOURNEY, '01-challenge-form');
    await form.getByRole('button', { name: '发布需求' }).click();
    await item(form, '揭榜截止日期').getByText('揭榜截止日期：日期已过，请选择今天或以后的日期').waitFor();
    await journeyShot(sme, JOURNEY, '02-deadline-refused');
    await setDate(item(form, '揭榜截止日期'), deadline);
    await form.getByRole('button', { name: '发布需求' }).click();
    await sme.waitForURL(/\/sme\/demands\/[0-9a-f-]{36}$/);
    const demandId = new URL(sme.url()).pathname.split('/').pop()!;
    const terms = sme.getByTestId('challenge-terms');
    await terms.getByText('¥500,000.00').waitFor();
    await terms.getByText(`${awardBy}（截止后 20 天）`).waitFor();
    await terms.getByText(`揭榜进行中：平台可在 ${deadline} 前（含当日）提交方案`).waitFor();
    await sme.getByText('暂无方案：平台可在揭榜截止日前提交方案').waitFor();

    // Platform A proposes in its 需求大厅: the reward and deadline shown; the proposal valid through awardBy.
    const platformA = await p.page();
    await signIn(platformA, a.operator.email);
    let entry = await hallEntry(platformA);
    await entry.getByText('揭榜挂帅').waitFor();
    await entry.getByText('奖励 ¥500,000.00').waitFor();
    await entry.getByText(`揭榜截止 ${deadline}`).waitFor();
    await entry.getByRole('button', { name: '提交方案' }).click();
    const propose = platformA.locator('.ant-modal', { hasText: `提交揭榜方案：${CHALLENGE}` });
    await item(propose, '报价金额（元）').locator('input').fill('380000');
    await item(propose, '周期（天）').locator('input').fill('60');
    await item(propose, '方案内容')
      .locator('textarea')
      .fill('公斤级硫化物电解质合成 + 干法成膜中试 3 批次，含电导率检测');
    await item(propose, '报价有效期至').locator(`input[value="${awardBy}"]`).waitFor();
    await journeyShot(platformA, JOURNEY, '03-proposal');
    await submitDialog(propose, '提交方案');

    // Platform B proposes through the API, as that platform.
    await expectStatus(
      p.t.http.post(`/api/demands/${demandId}/quotes`).set(b.operator.auth).send({
        platformId: b.platformId,
        priceFen: 42_000_000,
        timelineDays: 45,
        scope: '硫化物电解质湿法合成与涂布中试 2 批次，含界面稳定性评估',
        validUntil: awardBy,
      }),
      201,
    );
    await sme.reload();
    await proposalRow(sme, a.name).getByText('¥380,000.00').waitFor();
    await proposalRow(sme, b.name).getByText('¥420,000.00').waitFor();

    // The deadline passes (the API's clock: 8 days on). No new proposals; the award window is open.
    const clock = new ShiftedClock(p.t.app).advanceDays(8);
    try {
      entry = await hallEntry(platformA);
      await entry.getByRole('button', { name: '揭榜已截止' }).waitFor();
      expect(await entry.getByRole('button', { name: '揭榜已截止' }).isDisabled()).toBe(true);
      const late = await p.t.http.post(`/api/demands/${demandId}/quotes`).set(b.operator.auth).send({
        platformId: b.platformId,
        priceFen: 30_000_000,
        timelineDays: 30,
        scope: '截止后再报的方案',
        validUntil: awardBy,
      });
      expect([late.status, late.body.code]).toEqual([409, 'SUBMISSIONS_CLOSED']);

      // The SME compares the proposals side by side and awards A, after the deadline and inside the window.
      await sme.reload();
      await terms.getByText(`揭榜已截止，不再接收新方案；请在 ${awardBy} 前（含当日）`).waitFor();
      const rowA = proposalRow(sme, a.name);
      const rowB = proposalRow(sme, b.name);
      await rowA.getByText('最低').waitFor();
      await rowA.getByText('60 天').waitFor();
      await rowB.getByText('最快').waitFor();
      await rowB.getByText('硫化物电解质湿法合成与涂布中试 2 批次').waitFor();
      await rowB.getByRole('button', { name: '选定该方案' }).waitFor();
      // The platforms can no longer revise, so no revision is asked for.
      expect(await sme.getByTestId('quotes').getByRole('button', { name: '请求修改' }).count()).toBe(0);
      await journeyShot(sme, JOURNEY, '04-compare-after-deadline');
      await rowA.getByRole('button', { name: '选定该方案' }).click();
      await sme.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
      const orderId = new URL(sme.url()).pathname.split('/').pop()!;
      await sme.getByText('揭榜挂帅奖励').waitFor();
      await sme.getByText('¥500,000.00').first().waitFor();
      await journeyShot(sme, JOURNEY, '05-awarded-order');
      await sme.goto(`/sme/demands/${demandId}`);
      await sme.getByTestId('demand-status').getByText('已选定').waitFor();
      await proposalRow(sme, a.name).getByRole('link', { name: '查看订单' }).waitFor();
      await proposalRow(sme, b.name).getByText('婉拒原因：已选择其他平台').waitFor();

      // The winner reads 中榜 with its order (and the reward on it).
      await platformA.goto('/platform');
      const wonRow = platformA.getByTestId('my-quotes').locator('.ant-table-row', { hasText: CHALLENGE });
      await wonRow.getByText('已接受').waitFor();
      await wonRow.getByText('方案已被选定（中榜）').waitFor();
      await platformA.getByTestId('platform-orders').locator('.ant-table-row').first().waitFor();
      await journeyShot(platformA, JOURNEY, '06-winner');
      await wonRow.getByRole('link', { name: '查看订单' }).click();
      await platformA.waitForURL(new RegExp(`/orders/${orderId}$`));
      await platformA.getByText('揭榜挂帅奖励').waitFor();

      // The other platform reads its declined proposal with the reason, in its own portal.
      const platformB = await p.page();
      await signIn(platformB, b.operator.email);
      const lostRow = platformB.getByTestId('my-quotes').locator('.ant-table-row', { hasText: CHALLENGE });
      await lostRow.getByText('已婉拒').waitFor();
      await lostRow.getByText('婉拒原因：已选择其他平台').waitFor();
      expect(await lostRow.getByRole('link', { name: '查看订单' }).count()).toBe(0);
      await journeyShot(platformB, JOURNEY, '07-declined');
    } finally {
      clock.restore();
    }
  });

  it('a challenge left unawarded past its award window: the portal says why it can no longer be awarded', async () => {
    const [a] = platforms;
    const smeOrg = await world.verifiedSme();
    const deadline = plusDays(today(), 2);
    const awardBy = plusDays(deadline, 5);
    const created = await expectStatus(
      p.t.http.post('/api/demands').set(smeOrg.auth).send({
        title: CHALLENGE,
        fieldCode: 'ENERGY_ELECTROLYTE',
        stage: 'PILOT',
        mode: 'CHALLENGE',
        rewardFen: 20_000_000,
        challengeDeadline: deadline,
        awardWindowDays: 5,
        confidentiality: 'PUBLIC',
      }),
      201,
    );
    const demandId = created.body.id as string;
    await expectStatus(p.t.http.post(`/api/demands/${demandId}/publish`).set(smeOrg.auth), 200);
    await expectStatus(
      p.t.http.post(`/api/demands/${demandId}/quotes`).set(a.operator.auth).send({
        platformId: a.platformId,
        priceFen: 18_000_000,
        timelineDays: 40,
        scope: '电解质中试 2 批次',
        validUntil: awardBy,
      }),
      201,
    );

    const clock = new ShiftedClock(p.t.app).advanceDays(8); // the day after awardBy
    try {
      const sme = await p.page();
      await signIn(sme, smeOrg.email);
      await sme.goto(`/sme/demands/${demandId}`);
      const closed = `择优确定期已于 ${awardBy} 结束，未在期内选定方案，不能再选定`;
      await sme.getByTestId('challenge-phase').getByText(closed).waitFor();
      await sme.getByTestId('award-closed').getByText(closed).waitFor();
      const row = proposalRow(sme, a.name);
      await row.getByText('¥180,000.00').waitFor();
      expect(await sme.getByTestId('quotes').getByRole('button', { name: '选定该方案' }).count()).toBe(0);
      await journeyShot(sme, JOURNEY, '08-award-window-closed');

      // What the scheduled expiry job runs (here on the API's shifted clock) then expires it; the reason stays.
      expect(await p.t.app.get(ExpiryService).expireDue()).toMatchObject({ demands: 1 });
      await sme.reload();
      await sme.getByTestId('demand-status').getByText('已过期').waitFor();
      await sme.getByTestId('challenge-phase').getByText(closed).waitFor();
      expect(await sme.getByTestId('quotes').getByRole('button', { name: '选定该方案' }).count()).toBe(0);
    } finally {
      clock.restore();
    }
  });
});
