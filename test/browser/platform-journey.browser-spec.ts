import { createPrivilegedOrg, login, makeUscc, RegisteredOrg, registerOrg, TEST_PASSWORD } from '@pilotlink/testing';
import type { Locator, Page } from 'playwright-core';
import { expectStatus, PDF } from '../support/voucher-fixtures';
import {
  chooseOption,
  eventually,
  journeyShot,
  PortalTest,
  signIn,
  startPortal,
  submitDialog,
  typeDate,
} from './browser';

const PLATFORM = '晋江市石墨烯功能材料中试服务平台';
const JOURNEY = 'platform-journey';
const DEMAND = '石墨烯导热膜卷对卷中试';
const SECRET = '目标：导热系数 ≥ 1500 W/(m·K)，幅宽 500 mm，连续 3 批次，配方不得外泄。';

/**
 * Issue 18, the platform operator's first steps, all in the portal: an operator registers through the
 * registration page, creates its platform (type, operating model, industry fields from the taxonomy,
 * region by name, address, contact) with a CMA qualification — bad values are refused next to their
 * fields, in Chinese — and cannot submit it before its org is verified. The bureau (created by fixture,
 * as bureaus are made by an admin) verifies the org in 机构认证 and, in 平台监管, rejects the submission
 * with a reason; the operator reads the reason, adds a CNAS qualification and resubmits; the bureau
 * lists it and the operator sees it listed. Then, still as the operator in the portal: it uploads the CMA
 * certificate scan, creates and publishes a service and registers an instrument; a verified SME (fixture,
 * through the API as that SME) publishes a graphene demand showing only its summary; the operator finds it
 * in the demand hall, accepts the NDA to read it in full and quotes; the SME accepts the quote (API), and on
 * the order page the operator confirms the contract (the SME confirms through the API), starts the service
 * and delivers it with the acceptance report uploaded.
 */
describe('web portal: a platform operator from registration to a delivered order (browser)', () => {
  let p: PortalTest;
  let bureau: RegisteredOrg;
  /** The operator registered in the first test, its portal page kept for the second. */
  let operator: Page;
  let email: string;

  beforeAll(async () => {
    p = await startPortal();
    bureau = await createPrivilegedOrg(p.t, 'BUREAU', '350500');
  });
  afterAll(() => p?.close());

  /** The form item labelled `label` inside `scope` (its control, error and help). */
  const item = (scope: Locator, label: string) =>
    scope.locator('.ant-form-item', { has: scope.page().locator(`label:text-is("${label}")`) });

  /** Picks 新型功能材料 › 石墨烯 in the taxonomy tree of the form item `field` inside `modal`. */
  async function pickGraphene(field: Locator, modal: Locator): Promise<void> {
    const select = field.locator('.ant-select');
    await select.locator('.ant-select-selector').click();
    await select.locator('input').fill('石墨烯');
    await modal.page().locator('.ant-select-dropdown:visible .ant-select-tree-title', { hasText: '石墨烯' }).click();
    await select.locator('.ant-select-selection-item', { hasText: '石墨烯' }).waitFor();
    await modal.locator('.ant-modal-title').click(); // closes the tree (Escape would close the dialog)
  }

  /** Opens `tab` of 我的平台 and clicks its 新增… button: the dialog titled `title`. */
  async function addIn(tab: string, title: string): Promise<Locator> {
    const mine = operator.getByTestId('my-platform');
    await mine.getByRole('tab', { name: tab }).click();
    await mine.getByRole('button', { name: title }).click();
    return operator.locator('.ant-modal', { hasText: title });
  }

  /** The bureau's 平台监管 list filtered to `status`, read afresh. */
  async function platformsTab(page: Page, status: string): Promise<Locator> {
    await page.goto('/bureau');
    await page.getByRole('tab', { name: '平台监管' }).click();
    const card = page.locator('.ant-card', { hasText: '平台审核与监管' }).first();
    if (status !== '待审核') await chooseOption(page, card.locator('.ant-card-head .ant-select'), status);
    return card.getByTestId('platforms-review');
  }

  it('register → create with a qualification → submit → rejected with a reason → fix and resubmit → listed', async () => {
    // Register through the portal as a platform operator (晋江市, the form's default region).
    operator = await p.page();
    email = `operator-${Date.now()}@example.cn`;
    const orgName = `晋江市石墨烯科技有限公司${Date.now() % 100000}`;
    await operator.goto('/');
    await operator.getByRole('button', { name: '注册' }).click();
    await operator.getByLabel('中试平台运营单位').check();
    await operator.getByLabel('企业名称').fill(orgName);
    await operator.getByLabel('统一社会信用代码').fill(makeUscc('350582'));
    await operator.getByLabel('联系人姓名').fill('林主任');
    await operator.getByLabel('邮箱').fill(email);
    await operator.getByLabel('密码').fill(TEST_PASSWORD);
    await operator.locator('form').getByRole('button', { name: '注册' }).click();
    await operator.getByRole('heading', { name: '平台工作台' }).waitFor();

    // No platform yet: create one.
    const mine = operator.getByTestId('my-platform');
    await mine.getByText('您还没有平台').waitFor();
    await journeyShot(operator, JOURNEY, '01-no-platform-yet');
    await mine.locator('.ant-empty').getByRole('button', { name: '创建平台' }).click();
    const modal = operator.locator('.ant-modal', { hasText: '创建平台' });
    await item(modal, '平台名称').locator('input').fill(PLATFORM);
    await chooseOption(operator, item(modal, '平台类型').locator('.ant-select'), '检验检测机构');
    await chooseOption(operator, item(modal, '运营模式').locator('.ant-select'), '专业型');
    // Industry fields from the taxonomy: 新型功能材料 › 石墨烯.
    await pickGraphene(item(modal, '服务行业领域'), modal);
    // Region by name: 福建省 › 泉州市 › 晋江市.
    await item(modal, '所在地区').locator('.ant-select-selector').click();
    for (const region of ['福建省', '泉州市', '晋江市']) {
      await operator.locator('.ant-cascader-menu-item', { hasText: region }).click();
    }
    await item(modal, '所在地区')
      .locator('.ant-select-selection-item', { hasText: '福建省 / 泉州市 / 晋江市' })
      .waitFor();
    await item(modal, '详细地址').locator('input').fill('福建省晋江市五里工业园区');
    await item(modal, '平台简介').locator('textarea').fill('石墨烯改性材料的配方验证、中试放大与性能检测。');
    await item(modal, '联系人').locator('input').fill('林主任');
    await item(modal, '联系电话').locator('input').fill('123'); // too short: the API refuses it
    // A CMA qualification with a certificate number the API refuses (too short).
    await modal.getByRole('button', { name: '添加资质' }).click();
    const cma = modal.getByTestId('qualifications').locator('.ant-card', { hasText: '资质 1' });
    await item(cma, '证书编号').locator('input').fill('C');
    await typeDate(operator, item(cma, '有效期至').locator('input'), '2030-12-31');
    await item(cma, '认可范围').locator('textarea').fill('石墨烯粉体 比表面积、层数、电导率检测');
    await modal.getByRole('button', { name: '创建平台' }).click();
    // The API's refusals show next to their fields, in Chinese — the list item's too.
    await item(modal, '联系电话').getByText('联系电话：长度不能少于 5 个字符').waitFor();
    await item(cma, '证书编号').getByText('证书编号：长度不能少于 2 个字符').waitFor();
    await journeyShot(operator, JOURNEY, '02-create-platform-refused-fields');
    await item(modal, '联系电话').locator('input').fill('0595-85661234');
    await item(cma, '证书编号').locator('input').fill('CMA 2024130001');
    await submitDialog(modal, '创建平台');

    // The draft, with what was entered; submitting needs a verified org.
    const status = mine.getByTestId('platform-review-status');
    await status.locator('.ant-tag', { hasText: '草稿' }).waitFor();
    const editor = mine.getByTestId('platform-editor');
    await item(editor, '平台名称').locator(`input[value="${PLATFORM}"]`).waitFor();
    await item(editor, '所在地区')
      .locator('.ant-select-selection-item', { hasText: '福建省 / 泉州市 / 晋江市' })
      .waitFor();
    await status.getByRole('button', { name: '提交审核' }).click();
    await status.getByText('机构尚未通过认证').waitFor();

    // The bureau verifies the org (机构认证).
    const desk = await p.page();
    await signIn(desk, bureau.email);
    await desk.getByRole('tab', { name: '机构认证' }).click();
    const orgRow = desk.locator('.ant-table-row', { hasText: orgName });
    await orgRow.getByRole('button', { name: '认证通过' }).click();
    await orgRow.waitFor({ state: 'detached' });

    // Now the operator submits.
    await status.getByRole('button', { name: '提交审核' }).click();
    await status.locator('.ant-tag', { hasText: '待审核' }).waitFor();
    await status.getByText('已提交审核，等待所在地监管部门审核').waitFor();

    // The bureau rejects it with a reason (平台监管 → 退回修改).
    let review = await platformsTab(desk, '待审核');
    // It reads what was declared first: fields by name, region, the qualification with scope and expiry.
    await review.locator('.ant-table-row', { hasText: PLATFORM }).locator('.ant-table-row-expand-icon').click();
    const declared = review.getByTestId('platform-submission');
    await declared.getByText('检验检测机构').waitFor();
    await declared.locator('.ant-tag', { hasText: '石墨烯' }).waitFor();
    await declared.getByText('晋江市', { exact: true }).waitFor();
    await declared.locator('.ant-table-row', { hasText: 'CMA 2024130001' }).getByText('2030-12-31').waitFor();
    await journeyShot(desk, JOURNEY, '03-bureau-reviews-submission');
    await review.locator('.ant-table-row', { hasText: PLATFORM }).getByRole('button', { name: '退回修改' }).click();
    const reasonDialog = desk.locator('.ant-modal', { hasText: `退回：${PLATFORM}` });
    await reasonDialog.getByLabel('理由').fill('请补充 CNAS 实验室认可证书');
    await submitDialog(reasonDialog, '确认');
    await review.locator('.ant-table-row', { hasText: PLATFORM }).waitFor({ state: 'detached' });

    // The operator sees the outcome with the reason, adds a CNAS qualification, saves and resubmits.
    await operator.reload();
    await status.locator('.ant-tag', { hasText: '草稿' }).waitFor();
    await status.getByText('审核未通过，监管部门退回理由：请补充 CNAS 实验室认可证书').waitFor();
    await journeyShot(operator, JOURNEY, '04-returned-with-reason');
    await editor.getByRole('button', { name: '添加资质' }).click();
    const cnas = editor.getByTestId('qualifications').locator('.ant-card', { hasText: '资质 2' });
    await chooseOption(operator, item(cnas, '资质类型').locator('.ant-select'), 'CNAS 实验室认可');
    await item(cnas, '证书编号').locator('input').fill('CNAS L20001');
    await typeDate(operator, item(cnas, '有效期至').locator('input'), '2031-06-30');
    await item(cnas, '认可范围').locator('textarea').fill('石墨烯薄膜 方阻、透光率检测');
    const saved = operator.waitForResponse(
      (r) => r.request().method() === 'PATCH' && /\/api\/platforms\/[0-9a-f-]{36}$/.test(r.url()),
    );
    await editor.getByRole('button', { name: '保存平台信息' }).click();
    expect((await saved).status()).toBe(200);
    await status.getByRole('button', { name: '重新提交审核' }).click();
    await status.locator('.ant-tag', { hasText: '待审核' }).waitFor();

    // The bureau lists it; it leaves 待审核 and shows under 已上架.
    review = await platformsTab(desk, '待审核');
    await review
      .locator('.ant-table-row', { hasText: PLATFORM })
      .getByRole('button', { name: '审核通过并上架' })
      .click();
    await review.locator('.ant-table-row', { hasText: PLATFORM }).waitFor({ state: 'detached' });
    review = await platformsTab(desk, '已上架');
    await review.locator('.ant-table-row', { hasText: PLATFORM }).getByText('已上架').waitFor();

    // The operator sees it listed (a listed platform opens on its services), with both qualifications kept.
    await operator.reload();
    await mine.getByTestId('my-services').waitFor();
    await mine.getByRole('tab', { name: '平台信息' }).click();
    await status.locator('.ant-tag', { hasText: '已上架' }).waitFor();
    await status.getByText('审核通过，平台已上架').waitFor();
    await editor.getByTestId('qualifications').locator('input[value="CNAS L20001"]').waitFor();
    await journeyShot(operator, JOURNEY, '05-listed');

    // What the portal sent is what the public now reads.
    const listed = await p.t.http.get('/api/platforms').query({ region: '350582' });
    const platform = (listed.body.items as Record<string, unknown>[]).find((x) => x.name === PLATFORM);
    expect(platform).toMatchObject({
      type: 'TESTING',
      operatingModel: 'SPECIALIZED',
      fieldCodes: ['MATERIALS_GRAPHENE'],
      regionCode: '350582',
      address: '福建省晋江市五里工业园区',
      contactName: '林主任',
      contactPhone: '0595-85661234',
      status: 'LISTED',
      statusReason: null,
    });
    expect(platform?.qualifications).toEqual([
      expect.objectContaining({ kind: 'CMA', certificateNo: 'CMA 2024130001', validUntil: '2030-12-31' }),
      expect.objectContaining({ kind: 'CNAS', certificateNo: 'CNAS L20001', validUntil: '2031-06-30' }),
    ]);
  });

  it('certificate scan → a published service and an instrument → NDA on a SUMMARY demand → quote → order → delivered', async () => {
    const mine = operator.getByTestId('my-platform');
    // The CMA qualification's certificate scan, on the 平台信息 tab where the first test left off.
    const cma = mine.getByTestId('qualifications').locator('.ant-card', { hasText: '资质 1' });
    await cma.getByTestId('certificate-field').locator('input[type=file]').setInputFiles({
      name: 'CMA证书.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await cma.getByTestId('certificate-on-file').getByText('证书已上传：CMA证书.pdf').waitFor();

    // A service: created as a draft, then published.
    const serviceDialog = await addIn('服务', '新增服务');
    await item(serviceDialog, '服务名称').locator('input').fill('石墨烯导热膜中试放大');
    await chooseOption(operator, item(serviceDialog, '服务类别').locator('.ant-select'), '工艺放大熟化');
    await pickGraphene(item(serviceDialog, '行业领域'), serviceDialog);
    await item(serviceDialog, '价格（元）').locator('input').fill('60000');
    await submitDialog(serviceDialog, '保存');
    const service = mine.getByTestId('my-services').locator('.ant-table-row', { hasText: '石墨烯导热膜中试放大' });
    await service.getByText('草稿').waitFor();
    await service.getByRole('button', { name: '发布' }).click();
    await service.getByText('已发布').waitFor();
    await service.getByText('¥60,000.00').waitFor();

    // An instrument.
    const instrumentDialog = await addIn('仪器设备', '新增设备');
    await item(instrumentDialog, '设备名称').locator('input').fill('激光导热仪');
    await item(instrumentDialog, '设备类别').locator('input').fill('热物性分析');
    await item(instrumentDialog, '主要技术指标').locator('input').fill('导热系数 0.1–2000 W/(m·K)');
    await item(instrumentDialog, '机时费（元/小时）').locator('input').fill('300');
    await submitDialog(instrumentDialog, '保存');
    await mine
      .getByTestId('my-equipment')
      .locator('.ant-table-row', { hasText: '激光导热仪' })
      .getByText('¥300.00/小时')
      .waitFor();
    await journeyShot(operator, JOURNEY, '06-service-and-instrument');

    // A verified SME (bureau and SME are other roles: fixtures through the API as them) publishes a
    // graphene demand showing only its summary.
    const sme = await registerOrg(p.t.http, { regionCode: '350582' });
    await expectStatus(p.t.http.post(`/api/orgs/${sme.orgId}/verify`).set(bureau.auth), 200);
    const demand = await expectStatus(
      p.t.http
        .post('/api/demands')
        .set(sme.auth)
        .send({
          title: DEMAND,
          description: SECRET,
          fieldCode: 'MATERIALS_GRAPHENE',
          stage: 'PILOT',
          categories: ['SCALE_UP'],
          mode: 'OPEN',
          confidentiality: 'SUMMARY',
          budgetMaxFen: 10_000_000,
        }),
      201,
    );
    const demandId = demand.body.id as string;
    await expectStatus(p.t.http.post(`/api/demands/${demandId}/publish`).set(sme.auth), 200);
    // The worker indexes it through the outbox; the hall searches the index.
    const seer = await login(p.t.http, email);
    await eventually(async () => {
      const res = await p.t.http.get('/api/search/demands').set(seer.auth);
      return (res.body.items ?? []).some((d: { id: string }) => d.id === demandId);
    }, 'the demand to be indexed');

    // The operator opens it in the demand hall: the summary only, until it accepts the NDA.
    await operator.goto('/platform');
    const row = operator.getByTestId('demand-hall').locator('.ant-list-item', { hasText: DEMAND });
    await row.getByRole('button', { name: '查看 / 签署保密协议' }).click();
    const detail = operator.getByTestId('demand-detail');
    const nda = detail.getByTestId('nda');
    await nda.getByText('保密协议（NDA）').waitFor();
    expect(await detail.getByText(SECRET).count()).toBe(0);
    await nda.getByLabel('我已阅读并同意以上保密条款').check();
    await nda.getByRole('button', { name: '接受保密协议并查看全文' }).click();
    await detail.getByTestId('demand-description').getByText(SECRET).waitFor();
    await journeyShot(operator, JOURNEY, '07-nda-full-demand');
    await operator.locator('.ant-modal', { has: detail }).locator('.ant-modal-close').click();
    await detail.waitFor({ state: 'hidden' });

    // It quotes from the hall.
    await row.getByRole('button', { name: '报价', exact: true }).click();
    const quoteDialog = operator.locator('.ant-modal', { hasText: `报价：${DEMAND}` });
    await quoteDialog.getByLabel('报价金额（元）').fill('80000');
    await quoteDialog.getByLabel('服务范围').fill('配方验证 + 3 批次卷对卷中试 + 导热系数检测报告');
    await submitDialog(quoteDialog, '提交报价');
    const myQuotes = operator.getByTestId('my-quotes');
    const myQuote = myQuotes.locator('.ant-table-row', { hasText: DEMAND });
    // 我的报价 reloads once the quote went out (no 刷新 needed).
    await myQuote.getByText('等待企业决定').waitFor();

    // The SME accepts it (its own role, through the API): an order for the quoted price.
    const quotes = await expectStatus(p.t.http.get(`/api/demands/${demandId}/quotes`).set(sme.auth), 200);
    expect(quotes.body.items).toEqual([expect.objectContaining({ priceFen: 8_000_000 })]);
    await expectStatus(p.t.http.post(`/api/quotes/${quotes.body.items[0].id}/accept`).set(sme.auth), 200);
    await myQuotes.getByRole('button', { name: '刷新' }).click();
    await myQuote.getByText('报价已被接受').waitFor();
    await journeyShot(operator, JOURNEY, '08-quote-accepted');
    await myQuote.getByRole('link', { name: '查看订单' }).click();

    // On the order page (accepted with the quote, so nothing to 接单): confirm the contract (the SME
    // confirms too, through the API), start, and deliver with the acceptance report.
    const status = operator.getByTestId('order-status');
    await status.getByText('已接单').waitFor();
    const orderId = new URL(operator.url()).pathname.split('/').pop()!;
    const step = async (action: string, next: string) => {
      await operator.getByTestId(`order-action-${action}`).click();
      await status.getByText(next).waitFor();
    };
    await expectStatus(p.t.http.post(`/api/orders/${orderId}/contract`).set(sme.auth).send({}), 200);
    await step('contract', '已签合同');
    await step('start', '服务中');
    await operator.locator('input[type=file]').setInputFiles({
      name: '导热膜中试验收报告.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await status.getByText('已交付').waitFor();
    await operator.getByTestId('order-no-actions').getByText('当前无需您操作，等待对方处理').waitFor();
    await journeyShot(operator, JOURNEY, '09-delivered');
    const order = await expectStatus(p.t.http.get(`/api/orders/${orderId}`).set(sme.auth), 200);
    expect(order.body).toMatchObject({ status: 'DELIVERED', agreedAmountFen: 8_000_000 });
  });
});
