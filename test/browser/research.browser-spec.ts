import { createPrivilegedOrg, RegisteredOrg, registerOrg } from '@pilotlink/testing';
import { chooseOption, eventually, PortalTest, signIn, startPortal } from './browser';

const TITLE = '高导热氮化物陶瓷基板制备技术';
const SECRET_DETAIL = '钇铝石榴石助剂配比与气压烧结曲线';

/**
 * Research results in a real browser: an institute publishes a result from its workbench (a patent without
 * its number is refused next to that field, in Chinese; a budget upper bound below the lower one next to
 * the upper bound), sees it in its list; anyone finds it on the 科技成果 page; a verified platform sees a
 * SUMMARY result as its summary and, after accepting the NDA, in full.
 */
describe('web portal: research results in Chromium (browser)', () => {
  let p: PortalTest;
  let institute: RegisteredOrg;
  let platform: RegisteredOrg;
  let bureau: RegisteredOrg;

  beforeAll(async () => {
    p = await startPortal();
    bureau = await createPrivilegedOrg(p.t, 'BUREAU', '350500');
    institute = await registerOrg(p.t.http, { kind: 'INSTITUTE', name: '泉州装备制造研究所' });
    platform = await registerOrg(p.t.http, { kind: 'PLATFORM_OPERATOR' });
    for (const org of [institute, platform]) {
      await p.t.http.post(`/api/orgs/${org.orgId}/verify`).set(bureau.auth).expect(200);
    }
  });
  afterAll(() => p?.close());

  it('institute publishes → public list → platform sees the summary, then everything after the NDA', async () => {
    const page = await p.page();
    await signIn(page, institute.email);
    await page.getByRole('heading', { name: '成果工作台' }).waitFor();
    await page.getByRole('button', { name: '发布科技成果' }).click();

    await page.getByLabel('成果名称').fill(TITLE);
    await page.getByLabel('成果简介').fill('面向功率模块封装的高导热陶瓷基板，已完成小试，寻求中试放大验证。');
    await page.getByLabel('技术详情').fill(SECRET_DETAIL);
    await page.getByLabel('行业领域').click();
    await page.keyboard.type('先进陶瓷');
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '先进陶瓷' }).first().click();
    await page.getByRole('button', { name: '添加知识产权' }).click();
    const ip = page.getByTestId('ip-item').first();
    await ip.getByPlaceholder('名称').fill('一种高导热陶瓷基板的制备方法');
    await chooseOption(
      page,
      page.locator('.ant-form-item', { hasText: '所需验证服务' }).locator('.ant-select'),
      '工艺放大熟化',
    );
    await page.getByLabel('验证预算下限（元）').fill('300000');
    await page.getByLabel('验证预算上限（元）').fill('100000');
    await page.getByLabel('联系人').fill('李老师');
    await page.getByText('仅公开摘要', { exact: true }).waitFor(); // SUMMARY by default, explained below
    await page.getByText('技术详情、专利号、预算和联系方式仅对您邀请').waitFor();

    // The API refuses; each error shows next to its field, in Chinese, and nothing is created: first the
    // patent without its number (the request's shape), then the budget's bounds (the result's own rule).
    await page.getByRole('button', { name: '发布成果' }).click();
    await ip.locator('.ant-form-item-explain-error', { hasText: '专利号/登记号' }).first().waitFor();
    await ip.getByPlaceholder('专利号/登记号（技术秘密可不填）').fill('ZL202310000001.1');
    await page.getByRole('button', { name: '发布成果' }).click();
    await page.locator('.ant-form-item-explain-error', { hasText: '最高预算：不能低于下限' }).waitFor();
    await page.getByLabel('验证预算上限（元）').fill('500000');
    await page.getByRole('button', { name: '发布成果' }).click();

    await page.waitForURL((url) => url.pathname === '/institute');
    const mine = page.getByTestId('my-results');
    await mine.getByText(TITLE).waitFor();
    await mine.getByText('已发布').waitFor();
    const listed = await p.t.http.get('/api/results').set(institute.auth).expect(200);
    expect(listed.body.items).toHaveLength(1); // the refused submissions created nothing
    expect(listed.body.items[0]).toMatchObject({ confidentiality: 'SUMMARY', budgetMinFen: 30_000_000 });

    // A verified platform finds it (once indexed) as its summary; the NDA opens the rest.
    await eventually(async () => {
      const res = await p.t.http.get('/api/search/results').query({ q: '陶瓷基板' }).set(platform.auth);
      return res.status === 200 && res.body.total === 1;
    }, 'the result to be indexed');
    const viewer = await p.page();
    await signIn(viewer, platform.email);
    await viewer.goto('/results');
    const list = viewer.getByTestId('result-list');
    await list.getByText(TITLE).waitFor();
    await list.getByText('仅公开摘要').waitFor();
    await list.getByText(TITLE).click();
    const detail = viewer.getByTestId('result-page');
    await detail.getByText('您看到的是成果摘要').waitFor();
    expect(await detail.getByText(SECRET_DETAIL).count()).toBe(0);
    await detail.getByRole('button', { name: '签署保密协议，查看全部内容' }).click();
    await detail.getByText(SECRET_DETAIL).waitFor();
    await detail.getByText('ZL202310000001.1', { exact: false }).waitFor();
    await detail.getByText('泉州装备制造研究所').waitFor();

    // Anonymous visitors do not see a SUMMARY result at all.
    const visitor = await p.page();
    await visitor.goto('/results');
    await visitor.getByText('暂无可见的科技成果').waitFor();
  });

  it('a bureau publishes policy news; anyone finds it, with a Traditional query too', async () => {
    const page = await p.page();
    await signIn(page, bureau.email);
    await page.getByRole('tab', { name: '政策资讯' }).click();
    const admin = page.getByTestId('policy-admin');
    await admin.getByRole('button', { name: '新增政策' }).click();
    const modal = page.locator('.ant-modal', { hasText: '新增政策资讯' });
    await modal.getByLabel('标题').fill('泉州市科技局关于开展概念验证中心建设的通知');
    await modal.getByLabel('发文机关').fill('泉州市科学技术局');
    await modal.getByLabel('文号').fill('泉科〔2025〕3号');
    await modal.getByLabel('成文日期').fill('2025-13-01');
    await modal.getByLabel('正文').fill('支持高校院所建设概念验证中心，推动科技成果中试熟化。');
    await modal.getByRole('button', { name: '保存草稿' }).click();
    await modal.locator('#issuedOn_help').waitFor(); // an impossible date, refused next to the field
    await modal.getByLabel('成文日期').fill('2025-03-01');
    await modal.getByRole('button', { name: '保存草稿' }).click();
    await modal.waitFor({ state: 'hidden' });
    const row = admin.locator('tr', { hasText: '概念验证中心建设' });
    await row.getByText('草稿').waitFor();
    await row.getByRole('button', { name: '发布' }).click();
    await row.getByText('已发布').waitFor();

    await eventually(async () => {
      const res = await p.t.http.get('/api/search/policy-notices').query({ q: '概念驗證中心' });
      return res.status === 200 && res.body.total === 1;
    }, 'the notice to be indexed');
    const visitor = await p.page();
    await visitor.goto('/policies');
    const list = visitor.getByTestId('policy-list');
    await list.getByText('泉州市科技局关于开展概念验证中心建设的通知').waitFor();
    await visitor.getByPlaceholder('搜索政策标题、文号、正文').fill('概念驗證中心');
    await visitor.getByPlaceholder('搜索政策标题、文号、正文').press('Enter');
    await list.getByText('泉州市科技局关于开展概念验证中心建设的通知').click();
    await visitor.getByTestId('policy-page').getByText('泉科〔2025〕3号').waitFor();
  });
});
