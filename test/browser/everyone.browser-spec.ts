import { RegisteredOrg } from '@pilotlink/testing';
import type { Page } from 'playwright-core';
import { expectStatus, VoucherWorld } from '../support/voucher-fixtures';
import { eventually, journeyShot, PortalTest, signIn, startPortal } from './browser';

const PHONE = { width: 375, height: 812 };
/** One more than a page of the portal's lists (PAGE_SIZE in apps/web/src/shared/usePagedLoad.ts). */
const DEMANDS = 21;
const demandTitle = (i: number) => `石墨烯散热片中试批次${String(i).padStart(2, '0')}`;

/**
 * Issue 18, "Everyone": what every role meets in the portal. A notification opens the object it is about
 * (and is marked read); the SME's demand list pages through the server's total; an empty list says what to
 * do next and offers the creating action; and at phone width (375×812) an SME and a platform operator
 * open the menu drawer, reach their home, a demand and an order without the page growing wider than the
 * screen. The accounts, the listed platform and its service, the SME's demands and its order are set up
 * through the API as the role that owns each.
 */
describe('web portal: notifications, pages, empty states and a phone (browser)', () => {
  let p: PortalTest;
  let world: VoucherWorld;
  let operator: RegisteredOrg;
  let sme: RegisteredOrg;
  let newcomer: RegisteredOrg;
  let order: { id: string; contractNumber: string };
  const demandIds: string[] = [];

  beforeAll(async () => {
    p = await startPortal();
    world = await new VoucherWorld(p.t).init();
    const listed = await world.listedPlatform('晋江市热管理材料中试平台');
    operator = listed.operator;
    const serviceId = await world.fixedService(operator, listed.platformId, 3_000_000, {
      title: '石墨烯散热片中试打样',
    });
    sme = await world.verifiedSme({ name: '晋江市散热科技有限公司' });
    newcomer = await world.verifiedSme({ name: '石狮市新创材料有限公司' });
    for (let i = 1; i <= DEMANDS; i += 1) {
      const created = await expectStatus(
        p.t.http
          .post('/api/demands')
          .set(sme.auth)
          .send({
            title: demandTitle(i),
            description: `第 ${i} 批石墨烯散热片的涂布与模切中试`,
            fieldCode: 'MATERIALS_GRAPHENE',
            stage: 'PILOT',
            mode: 'OPEN',
            confidentiality: 'PUBLIC',
          }),
        201,
      );
      demandIds.push(created.body.id as string);
    }
    // The newest is published: the platform may see it.
    await expectStatus(p.t.http.post(`/api/demands/${demandIds[DEMANDS - 1]}/publish`).set(sme.auth), 200);
    order = await world.order(sme, serviceId);
    // The platform is told of the new order through the outbox, the worker and its inbox.
    await eventually(async () => {
      const inbox = await expectStatus(p.t.http.get('/api/notifications').set(operator.auth), 200);
      return inbox.body.items.some((n: { subjectId: string }) => n.subjectId === order.id);
    }, 'the new order in the platform inbox');
  });
  afterAll(() => p?.close());

  /** The page is no wider than the phone: nothing sticks out sideways. */
  const fitsPhone = async (page: Page) =>
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);

  it('a notification opens the order it is about and is marked read', async () => {
    const page = await p.page();
    await signIn(page, operator.email);
    await page.getByTestId('unread-count').locator('.ant-badge-count').waitFor();
    await page.getByTestId('unread-count').getByRole('button', { name: '消息' }).click();
    await page.waitForURL('**/notifications');
    const item = page.getByTestId('inbox').locator('.ant-list-item', { hasText: order.contractNumber });
    await item.getByText('未读').waitFor();
    await item.getByTestId('notification-link').click();
    await page.waitForURL(`**/orders/${order.id}`);
    await page.getByText(`订单 ${order.contractNumber}`).waitFor();
    await eventually(async () => {
      const inbox = await expectStatus(p.t.http.get('/api/notifications').set(operator.auth), 200);
      return inbox.body.items.some(
        (n: { subjectId: string; readAt: string | null }) => n.subjectId === order.id && n.readAt !== null,
      );
    }, 'the notification to be marked read');
    await page.goBack();
    await item.getByText('已读').waitFor();
  });

  it("the SME's demands page through the server's total", async () => {
    const page = await p.page();
    await signIn(page, sme.email);
    const mine = page.getByTestId('my-demands');
    await mine.getByText(`共 ${DEMANDS} 条`).waitFor();
    // Newest first: the first page holds 21 … 02, the second the oldest alone.
    await mine.getByRole('link', { name: demandTitle(DEMANDS) }).waitFor();
    expect(await mine.locator('.ant-table-row').count()).toBe(DEMANDS - 1);
    expect(await mine.getByRole('link', { name: demandTitle(1) }).count()).toBe(0);
    await mine.locator('.ant-pagination-item-2').click();
    await mine.getByRole('link', { name: demandTitle(1) }).waitFor();
    expect(await mine.locator('.ant-table-row').count()).toBe(1);
    await mine.getByText(`共 ${DEMANDS} 条`).waitFor();
    await mine.getByRole('link', { name: demandTitle(1) }).click();
    await page.waitForURL(`**/sme/demands/${demandIds[0]}`);
  });

  it('an empty list says what to do next and offers the creating action', async () => {
    const page = await p.page();
    await signIn(page, newcomer.email);
    const mine = page.getByTestId('my-demands');
    await mine.getByText('还没有需求。发布中试需求后，匹配的平台会来报价').waitFor();
    await page.getByText('暂无订单。在「找服务」下单，或接受平台对您需求的报价后，订单会出现在这里').waitFor();
    await mine.getByTestId('empty-hint').getByRole('button', { name: '发布第一个需求' }).click();
    await page.waitForURL('**/sme/demands/new');
  });

  it('at 375×812 an SME and a platform open the menu and reach their pages without sideways scrolling', async () => {
    const phone = await p.page(PHONE);
    await signIn(phone, sme.email);
    await phone.goto('/');
    await phone.getByTestId('menu-toggle').click();
    const drawer = phone.locator('.ant-drawer-content');
    await drawer.getByText('晋江市散热科技有限公司').waitFor();
    await drawer.getByRole('menuitem', { name: '我的需求与服务券' }).click();
    await phone.waitForURL('**/sme');
    await drawer.waitFor({ state: 'hidden' });
    const mine = phone.getByTestId('my-demands');
    await mine.getByRole('link', { name: demandTitle(DEMANDS) }).waitFor();
    await fitsPhone(phone);
    await journeyShot(phone, 'phone', '01-sme-home');
    await mine.getByRole('link', { name: demandTitle(DEMANDS) }).click();
    await phone.waitForURL(`**/sme/demands/${demandIds[DEMANDS - 1]}`);
    await phone.getByText(demandTitle(DEMANDS)).first().waitFor();
    await fitsPhone(phone);
    await phone.goBack();
    await phone.getByRole('link', { name: order.contractNumber }).click();
    await phone.waitForURL(`**/orders/${order.id}`);
    await phone.getByText(`订单 ${order.contractNumber}`).waitFor();
    await fitsPhone(phone);
    await journeyShot(phone, 'phone', '02-sme-order');

    const platform = await p.page(PHONE);
    await signIn(platform, operator.email);
    await platform.getByTestId('menu-toggle').click();
    const menu = platform.locator('.ant-drawer-content');
    await menu.getByRole('menuitem', { name: '平台工作台' }).click();
    await platform.waitForURL('**/platform');
    await platform.getByTestId('platform-orders').getByRole('link', { name: order.contractNumber }).waitFor();
    await fitsPhone(platform);
    await journeyShot(platform, 'phone', '03-platform-home');
    await platform.getByTestId('platform-orders').getByRole('link', { name: order.contractNumber }).click();
    await platform.waitForURL(`**/orders/${order.id}`);
    await platform.getByText(`订单 ${order.contractNumber}`).waitFor();
    await fitsPhone(platform);
    // The demand a notification would open: shown above the platform's demand hall.
    await platform.goto(`/platform?demand=${demandIds[DEMANDS - 1]}`);
    await platform.getByTestId('linked-demand').getByText(demandTitle(DEMANDS)).waitFor();
    await fitsPhone(platform);
    await journeyShot(platform, 'phone', '04-platform-demand');
    await platform.getByTestId('menu-toggle').click();
    await menu.getByRole('menuitem', { name: '消息中心' }).click();
    await platform.waitForURL('**/notifications');
    await platform.getByTestId('inbox').locator('.ant-list-item').first().waitFor();
    await fitsPhone(platform);
  });
});
