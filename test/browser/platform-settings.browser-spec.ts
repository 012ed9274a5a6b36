import { createPrivilegedOrg, RegisteredOrg, registerOrg, TEST_PASSWORD } from '@pilotlink/testing';
import type { Locator, Page } from 'playwright-core';
import { listedPlatformWithService, RECEIVER_HOST, WebhookReceiver } from '../support/notification-fixtures';
import { chooseOption, eventually, journeyShot, PortalTest, signIn, startPortal } from './browser';

const PUBLIC_DEMAND = '陶瓷基板流延成型中试';
const DECLINED_DEMAND = '导热垫片配方放大中试';
const SUMMARY_DEMAND = '硫化物固态电解质中试';
const SECRET_DESCRIPTION = '硫化物电解质 Li6PS5Cl 的干法成膜工艺放大，需 200 L 级混料与惰性气氛涂布。';

/**
 * Issue 18, the platform operator's settings and quotes in the portal: a subscription (an invalid keyword
 * refused next to its field, in Chinese), the webhook (a URL to a local receiver, the secret shown once,
 * a test ping delivered, signed and listed in the log, the secret rotated), 我的报价 (two quotes made in the
 * demand hall; one withdrawn, the other declined by the SME with its reason shown) and the NDA of a SUMMARY
 * demand (accepted, then the full demand shown); members added, given a role and removed. What other roles do — the bureau verifying and listing, the
 * SME posting demands and declining a quote — is done through the API as those roles.
 */
describe('web portal: a platform operator’s subscriptions, webhook, quotes and NDA (browser)', () => {
  let p: PortalTest;
  let receiver: WebhookReceiver;
  let operator: RegisteredOrg;
  let sme: RegisteredOrg;
  const demandIds = new Map<string, string>();

  beforeAll(async () => {
    p = await startPortal({ env: { WEBHOOK_ALLOWED_HOSTS: RECEIVER_HOST, WEBHOOK_BACKOFF_MS: '200' } });
    receiver = await new WebhookReceiver().start();
    const bureau = await createPrivilegedOrg(p.t, 'BUREAU', '350500');
    operator = await registerOrg(p.t.http, { kind: 'PLATFORM_OPERATOR' });
    sme = await registerOrg(p.t.http);
    for (const org of [operator, sme])
      await p.t.http.post(`/api/orgs/${org.orgId}/verify`).set(bureau.auth).expect(200);
    await listedPlatformWithService(p.t, operator, bureau, {
      title: '先进陶瓷与功能材料中试',
      description: '陶瓷基板 导热材料 固态电解质 中试放大',
      fieldCodes: ['MATERIALS'],
      category: 'SCALE_UP',
    });
    // The SME's demands (its own role, through the API): two public, one showing only its summary.
    for (const [title, confidentiality] of [
      [PUBLIC_DEMAND, 'PUBLIC'],
      [DECLINED_DEMAND, 'PUBLIC'],
      [SUMMARY_DEMAND, 'SUMMARY'],
    ]) {
      const demand = await p.t.http
        .post('/api/demands')
        .set(sme.auth)
        .send({
          title,
          description: title === SUMMARY_DEMAND ? SECRET_DESCRIPTION : `${title}，3 批次。`,
          fieldCode: 'MATERIALS_CERAMICS',
          stage: 'PILOT',
          mode: 'OPEN',
          confidentiality,
          budgetMaxFen: 30_000_000,
        })
        .expect(201);
      await p.t.http.post(`/api/demands/${demand.body.id}/publish`).set(sme.auth).expect(200);
      demandIds.set(title, demand.body.id);
    }
    // The worker indexes them through the outbox; the hall searches the index.
    await eventually(async () => {
      const res = await p.t.http.get('/api/search/demands').query({ limit: 50 }).set(operator.auth);
      const titles = (res.body.items ?? []).map((d: { title: string }) => d.title);
      return [PUBLIC_DEMAND, DECLINED_DEMAND, SUMMARY_DEMAND].every((title) => titles.includes(title));
    }, 'the demands to be indexed');
  });
  afterAll(async () => {
    await p?.close();
    await receiver?.stop();
  });

  const settings = (page: Page) => page.getByTestId('platform-settings');
  /** The form item labelled `label` inside `scope` (its control, error and help). */
  const item = (scope: Locator, label: string) =>
    scope.locator('.ant-form-item', { has: scope.page().locator(`label:text-is("${label}")`) });

  /**
   * The row of `title` in the demand hall. The hall lists every demand the platform may see (three here, all
   * indexed before the tests), so no search is typed: a search's results re-rendering the list under the
   * pointer could swallow the click that follows.
   */
  async function hallRow(page: Page, title: string): Promise<Locator> {
    const row = page.getByTestId('demand-hall').locator('.ant-list-item', { hasText: title });
    await row.waitFor();
    return row;
  }

  async function quoteInHall(page: Page, title: string, priceYuan: string): Promise<void> {
    await (await hallRow(page, title)).getByRole('button', { name: '报价', exact: true }).click();
    const modal = page.locator('.ant-modal', { hasText: `报价：${title}` });
    await modal.getByLabel('报价金额（元）').fill(priceYuan);
    await modal.getByLabel('服务范围').fill('配方验证 + 3 批次中试放大 + 性能检测报告');
    await modal.getByRole('button', { name: '提交报价' }).click();
    await modal.waitFor({ state: 'hidden' });
  }

  it('subscribes (an invalid keyword refused on its field), sets the webhook, pings it and rotates the secret', async () => {
    const page = await p.page();
    await signIn(page, operator.email);
    await page.getByRole('heading', { name: '平台工作台' }).waitFor();

    // 需求订阅: empty to begin with, saying what to do.
    const subscriptions = settings(page).getByTestId('subscriptions');
    await subscriptions.getByText('还没有订阅').waitFor();
    const keywords = item(subscriptions, '关键词');
    // Nothing chosen: the server asks for at least one criterion, on the fields.
    await subscriptions.getByRole('button', { name: '添加订阅' }).click();
    await keywords.locator('.ant-form-item-explain-error', { hasText: '请至少填写一项条件' }).waitFor();
    // A keyword over 50 characters is refused next to the keywords field, in Chinese.
    await keywords.locator('input').fill('石'.repeat(51));
    await keywords.locator('input').press('Enter');
    await subscriptions.getByRole('button', { name: '添加订阅' }).click();
    await keywords.locator('.ant-form-item-explain-error', { hasText: '关键词：长度须为 1–50 个字符' }).waitFor();
    // Fixed: one short keyword and a service category.
    await keywords.locator('.ant-select-selection-item-remove').click();
    await keywords.locator('input').fill('陶瓷基板');
    await keywords.locator('input').press('Enter');
    await chooseOption(page, item(subscriptions, '服务类别').locator('.ant-select'), '工艺放大熟化');
    await page.keyboard.press('Escape');
    await subscriptions.getByRole('button', { name: '添加订阅' }).click();
    const saved = subscriptions.locator('.ant-table-row', { hasText: '陶瓷基板' });
    await saved.getByText('工艺放大熟化').waitFor();
    const rows = await p.t.db.query(`SELECT keywords, categories FROM subscriptions WHERE org_id = $1`, [
      operator.orgId,
    ]);
    expect(rows).toEqual([{ keywords: ['陶瓷基板'], categories: ['SCALE_UP'] }]);

    // Webhook: not set yet; a loopback address is refused on the URL field; the receiver's URL is saved.
    await settings(page).getByRole('tab', { name: 'Webhook 推送' }).click();
    const webhook = settings(page).getByTestId('webhook');
    await webhook.getByText('尚未设置 Webhook').waitFor();
    await webhook.getByLabel('推送地址').fill('http://127.0.0.1:6379/');
    await webhook.getByRole('button', { name: '保存' }).click();
    await webhook.getByText('该地址指向内网或本机，不能用作 Webhook 地址').waitFor();
    await item(webhook, '推送地址').locator('.ant-form-item-explain-error').waitFor();
    await webhook.getByLabel('推送地址').fill(receiver.url('/pilotlink'));
    await webhook.getByRole('button', { name: '保存' }).click();
    // The full secret, once, with a hint to copy it now.
    const revealed = webhook.getByTestId('webhook-secret-revealed');
    await revealed.getByText('请立即复制并保存').waitFor();
    const secret = (await revealed.locator('code').innerText()).trim();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    await revealed.getByRole('button', { name: '复制' }).waitFor();

    // A test ping: delivered, signed with that secret, listed in the log as delivered.
    await webhook.getByText('还没有推送记录').waitFor();
    await webhook.getByRole('button', { name: '发送测试推送' }).click();
    const log = webhook.getByTestId('webhook-log');
    const ping = log.locator('.ant-table-row', { hasText: '测试推送' });
    await ping.getByText('已送达').waitFor();
    await ping.getByText('200', { exact: true }).waitFor();
    expect(receiver.deliveredTo('/pilotlink')).toHaveLength(1);
    expect(receiver.deliveredTo('/pilotlink')[0].body).toMatchObject({ eventType: 'webhook.ping' });
    expect(receiver.allSigned('/pilotlink', secret)).toBe(true);
    await journeyShot(page, 'platform-settings', '01-webhook-ping');

    // Rotate: a new secret shown once; the page then shows only its last four characters.
    await webhook.getByRole('button', { name: '更换密钥' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '更换' }).click();
    await eventually(
      async () => (await revealed.locator('code').innerText()).trim() !== secret,
      'the rotated secret to be shown',
    );
    const rotated = (await revealed.locator('code').innerText()).trim();
    expect(rotated).toMatch(/^whsec_/);
    await page.reload();
    await settings(page).getByRole('tab', { name: 'Webhook 推送' }).click();
    await page
      .getByTestId('webhook-secret-masked')
      .getByText(`whsec_…${rotated.slice(-4)}`)
      .waitFor();
  });

  it('withdraws a quote, reads a declined quote’s reason and accepts an NDA to see a SUMMARY demand in full', async () => {
    const page = await p.page();
    await signIn(page, operator.email);
    const myQuotes = page.getByTestId('my-quotes');
    await myQuotes.getByText('您还没有报价').waitFor();

    // Two quotes from the demand hall.
    await quoteInHall(page, PUBLIC_DEMAND, '80000');
    await quoteInHall(page, DECLINED_DEMAND, '120000');
    // The SME declines one with a structured reason (its own role, through the API).
    const [declined] = (
      await p.t.http
        .get(`/api/demands/${demandIds.get(DECLINED_DEMAND)}/quotes`)
        .set(sme.auth)
        .expect(200)
    ).body.items;
    await p.t.http
      .post(`/api/quotes/${declined.id}/decline`)
      .set(sme.auth)
      .send({ reason: 'SCOPE_MISMATCH', comment: '需要包含导热系数第三方检测' })
      .expect(200);

    // 我的报价: withdraw the live one; the declined one shows the SME's reason and comment.
    await myQuotes.getByRole('button', { name: '刷新' }).click();
    const live = myQuotes.locator('.ant-table-row', { hasText: PUBLIC_DEMAND });
    await live.getByText('待决定').waitFor();
    const refused = myQuotes.locator('.ant-table-row', { hasText: DECLINED_DEMAND });
    await refused.getByText('婉拒原因：服务范围不符').waitFor();
    await refused.getByText('需要包含导热系数第三方检测').waitFor();
    await live.getByRole('button', { name: '撤回' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '撤回' }).click();
    await live.getByText('已撤回').waitFor();
    const [row] = await p.t.db.query(`SELECT status FROM quotes WHERE demand_id = $1`, [demandIds.get(PUBLIC_DEMAND)]);
    expect(row.status).toBe('WITHDRAWN');
    await journeyShot(page, 'platform-settings', '02-my-quotes');

    // A SUMMARY demand: its description is hidden until the NDA is accepted.
    await (await hallRow(page, SUMMARY_DEMAND)).getByRole('button', { name: '查看 / 签署保密协议' }).click();
    const detail = page.getByTestId('demand-detail');
    const nda = detail.getByTestId('nda');
    await nda.getByText('保密协议（NDA）').waitFor();
    expect(await detail.getByText(SECRET_DESCRIPTION).count()).toBe(0);
    const accept = nda.getByRole('button', { name: '接受保密协议并查看全文' });
    expect(await accept.isDisabled()).toBe(true);
    await nda.getByLabel('我已阅读并同意以上保密条款').check();
    await accept.click();
    await detail.getByTestId('demand-description').getByText(SECRET_DESCRIPTION).waitFor();
    await nda.waitFor({ state: 'detached' });
    const accepted = await p.t.db.query(
      `SELECT 1 FROM demand_nda_acceptances WHERE demand_id = $1 AND platform_org_id = $2`,
      [demandIds.get(SUMMARY_DEMAND), operator.orgId],
    );
    expect(accepted).toHaveLength(1);
    await journeyShot(page, 'platform-settings', '03-nda-full-demand');
  });

  it('adds a member, makes them an owner and removes them: they can no longer sign in', async () => {
    const page = await p.page();
    await signIn(page, operator.email);
    await settings(page).getByRole('tab', { name: '人员与权限' }).click();
    const members = settings(page).getByTestId('members');
    const email = `engineer-${Date.now()}@example.cn`;
    await members.getByLabel('姓名').fill('王工程师');
    await members.getByLabel('邮箱').fill(email);
    await members.getByLabel('初始密码').fill(TEST_PASSWORD);
    await members.getByRole('button', { name: '添加', exact: true }).click();
    const row = members.locator('.ant-table-row', { hasText: email });
    await row.waitFor();
    await chooseOption(page, row.locator('.ant-select'), '负责人');
    await eventually(
      async () => (await p.t.db.query(`SELECT role FROM users WHERE email = $1`, [email]))[0]?.role === 'OWNER',
      'the new role to be saved',
    );
    await row.getByRole('button', { name: '移除王工程师' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '移除' }).click();
    await row.waitFor({ state: 'detached' });
    expect((await p.t.http.post('/api/auth/login').send({ email, password: TEST_PASSWORD })).status).toBe(401);
  });
});
