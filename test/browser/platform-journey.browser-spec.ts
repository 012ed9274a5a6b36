import { createPrivilegedOrg, makeUscc, RegisteredOrg, TEST_PASSWORD } from '@pilotlink/testing';
import type { Locator, Page } from 'playwright-core';
import { chooseOption, journeyShot, PortalTest, signIn, startPortal, submitDialog } from './browser';

const PLATFORM = '晋江市石墨烯功能材料中试服务平台';
const JOURNEY = 'platform-journey';

/**
 * Issue 18, the platform operator's first steps, all in the portal: an operator registers through the
 * registration page, creates its platform (type, operating model, industry fields from the taxonomy,
 * region by name, address, contact) with a CMA qualification — bad values are refused next to their
 * fields, in Chinese — and cannot submit it before its org is verified. The bureau (created by fixture,
 * as bureaus are made by an admin) verifies the org in 机构认证 and, in 平台监管, rejects the submission
 * with a reason; the operator reads the reason, adds a CNAS qualification and resubmits; the bureau
 * lists it and the operator sees it listed.
 */
describe('web portal: a platform operator from registration to a listed platform (browser)', () => {
  let p: PortalTest;
  let bureau: RegisteredOrg;

  beforeAll(async () => {
    p = await startPortal();
    bureau = await createPrivilegedOrg(p.t, 'BUREAU', '350500');
  });
  afterAll(() => p?.close());

  /** The form item labelled `label` inside `scope` (its control, error and help). */
  const item = (scope: Locator, label: string) =>
    scope.locator('.ant-form-item', { has: scope.page().locator(`label:text-is("${label}")`) });

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
    const operator = await p.page();
    const email = `operator-${Date.now()}@example.cn`;
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
    const fields = item(modal, '服务行业领域').locator('.ant-select');
    await fields.locator('.ant-select-selector').click();
    await fields.locator('input').fill('石墨烯');
    await operator.locator('.ant-select-tree-title', { hasText: '石墨烯' }).click();
    await fields.locator('.ant-select-selection-item', { hasText: '石墨烯' }).waitFor();
    await modal.locator('.ant-modal-title').click(); // closes the tree (Escape would close the dialog)
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
    await item(cma, '有效期至').locator('input').fill('2030-12-31');
    await item(cma, '有效期至').locator('input').press('Enter');
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
    await item(cnas, '有效期至').locator('input').fill('2031-06-30');
    await item(cnas, '有效期至').locator('input').press('Enter');
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
});
