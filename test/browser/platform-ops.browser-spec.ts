import { Clock } from '@pilotlink/core';
import { RegisteredOrg } from '@pilotlink/testing';
import type { Page } from 'playwright-core';
import { expectStatus, VoucherWorld, voucherTestEnv } from '../support/voucher-fixtures';
import { chooseOption, expectSaved, PortalTest, signIn, startPortal, typeDate } from './browser';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The China date (YYYY-MM-DD) of an instant, and the Monday of its week. */
const chinaDay = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);
function mondayOf(date: string): string {
  const noon = Date.parse(`${date}T12:00:00+08:00`);
  return chinaDay(noon - ((new Date(noon).getUTCDay() + 6) % 7) * DAY);
}

/**
 * Platform operations and instruments in a real browser: the platform opens an instrument's week
 * calendar, edits the instrument and blocks time for maintenance; an SME picks a free slot on the
 * public platform page and reserves it (the platform sees it in its calendar; the reservation's
 * range is checked in the API), meets a 409 in Chinese when another org takes its slot first, and
 * cancels under the stated free-cancellation rule. On a reservation's day (the API's clock and the
 * browser's set to it) the platform checks a booker in, records the actual use and marks a no-show,
 * and edits the instrument's booking rules. Then: an SME orders a fixed-price and a unit-priced
 * service directly; the platform edits a service's price and replies to a review; and, in a DEDUCT program,
 * the platform files the claim for the voucher deduction on the order page. Accounts, listing, the
 * instrument, vouchers and the order's progress are set up through the HTTP API.
 */
describe('web portal: platform operations, instruments and ordering (browser)', () => {
  let p: PortalTest;
  let world: VoucherWorld;
  let operator: RegisteredOrg;
  let platformId: string;
  let serviceId: string;
  let sme: RegisteredOrg;

  beforeAll(async () => {
    p = await startPortal({ env: voucherTestEnv() });
    world = await new VoucherWorld(p.t).init();
    ({ operator, platformId } = await world.listedPlatform('晋江市石墨烯材料中试服务平台'));
    serviceId = await world.fixedService(operator, platformId, 3_000_000, { title: '石墨烯改性鞋材中试放大' });
    sme = await world.verifiedSme({ name: '晋江市鞋材科技有限公司' });
  });
  afterAll(() => p?.close());

  it('instrument calendar: maintenance block, a reservation from the public page, a 409, a cancellation', async () => {
    const equipment = await expectStatus(
      p.t.http.post(`/api/platforms/${platformId}/equipment`).set(operator.auth).send({
        name: '场发射扫描电子显微镜',
        category: '电子显微镜',
        keySpecs: '分辨率 1.0 nm',
        hourlyRateFen: 40_000,
      }),
      201,
    );
    const equipmentId = equipment.body.id as string;
    // A Monday 7–14 days ahead (default hours Mon–Fri 08:30–17:30; free cancellation until 24 h before).
    const day = chinaDay(Date.parse(`${mondayOf(chinaDay(Date.now()))}T12:00:00+08:00`) + 14 * DAY);
    const at = (time: string) => Date.parse(`${day}T${time}:00+08:00`);

    // The platform edits the instrument's hourly rate and opens its calendar.
    const platform = await p.page();
    await signIn(platform, operator.email);
    const mine = platform.getByTestId('my-platform');
    await mine.getByRole('tab', { name: '仪器设备' }).click();
    // Rows by id: a retried test adds another instrument of the same name.
    const row = mine.getByTestId('my-equipment').locator(`tr[data-row-key="${equipmentId}"]`);
    await row.getByRole('button', { name: '编辑' }).click();
    await platform.locator('.ant-modal').getByLabel('机时费（元/小时）').fill('500');
    await platform.locator('.ant-modal').getByRole('button', { name: '保存' }).click();
    await platform.getByText('设备已保存').waitFor();
    await row.getByText('¥500.00/小时').waitFor();
    const edited = await expectStatus(p.t.http.get(`/api/equipment/${equipmentId}`).set(operator.auth), 200);
    expect(edited.body).toMatchObject({
      hourlyRateFen: 50_000,
      name: '场发射扫描电子显微镜',
      keySpecs: '分辨率 1.0 nm',
    });

    await row.getByRole('button', { name: '预约日历' }).click();
    const calendar = platform.getByTestId('instrument-calendar');
    await calendar.getByTestId('booking-rules').getByText('开始前 24 小时以上取消免费').waitFor();
    await calendar.getByRole('button', { name: '下一周' }).click();
    await calendar.getByRole('button', { name: '下一周' }).click();
    const platformDay = calendar.getByTestId(`day-${day}`);
    await platformDay.getByText('开放 08:30–17:30').waitFor();
    await platformDay.getByText('空闲 08:30–17:30').waitFor();

    // A maintenance block splits the day's free time.
    const blockForm = calendar.locator('form');
    // The typed date counts only once the picker has taken it: a date picker that closes on the next
    // click instead puts back the old (empty) value.
    await typeDate(platform, blockForm.getByLabel('日期'), day);
    expect(await blockForm.getByLabel('日期').inputValue()).toBe(day);
    await pick(platform, blockForm.getByLabel('开始'), '13:00');
    await pick(platform, blockForm.getByLabel('结束'), '14:00');
    await blockForm.getByLabel('原因').fill('年度校准');
    await blockForm.getByRole('button', { name: '添加维护' }).click();
    await expectSaved(calendar, platformDay.getByText('维护 13:00–14:00 年度校准'));
    await platformDay.getByText('空闲 08:30–13:00').waitFor();
    await platformDay.getByText('空闲 14:00–17:30').waitFor();
    await calendar.getByTestId('maintenance-blocks').getByText('年度校准').waitFor();
    const blocks = await expectStatus(p.t.http.get(`/api/equipment/${equipmentId}/blocks`).set(operator.auth), 200);
    expect(blocks.body.items).toHaveLength(1);
    expect(Date.parse(blocks.body.items[0].startsAt)).toBe(at('13:00'));
    expect(Date.parse(blocks.body.items[0].endsAt)).toBe(at('14:00'));

    // The SME picks a free slot on the public platform page and reserves 09:00–10:30.
    const smePage = await p.page();
    await signIn(smePage, sme.email);
    await smePage.goto(`/platforms/${platformId}`);
    await smePage
      .getByTestId('platform-equipment')
      .locator(`tr[data-row-key="${equipmentId}"]`)
      .getByRole('button', { name: '空闲时段与预约' })
      .click();
    const booking = smePage.getByTestId('instrument-booking');
    await booking.getByTestId('booking-rules').getByText('开始前 24 小时以上取消免费').waitFor();
    await booking.getByRole('button', { name: '下一周' }).click();
    await booking.getByRole('button', { name: '下一周' }).click();
    const smeDay = booking.getByTestId(`day-${day}`);
    await smeDay.getByRole('button', { name: '空闲 14:00–17:30' }).waitFor();
    await smeDay.getByRole('button', { name: '空闲 08:30–13:00' }).click();
    const modal = smePage.locator('.ant-modal');
    await pick(smePage, modal.getByLabel('开始时间'), '09:00');
    await pick(smePage, modal.getByLabel('结束时间'), '10:30');
    await modal.getByLabel('用途').fill('石墨烯薄膜截面形貌观察');
    await modal.getByRole('button', { name: '确认预约' }).click();
    await expectSaved(modal, booking.getByTestId('reservation-made').getByText('费用 ¥750.00'));
    await smeDay.getByRole('button', { name: '空闲 08:30–09:00' }).waitFor();
    await smeDay.getByRole('button', { name: '空闲 10:30–13:00' }).waitFor();
    const reserved = await expectStatus(
      p.t.http.get(`/api/equipment/${equipmentId}/reservations`).set(operator.auth),
      200,
    );
    expect(reserved.body.items).toHaveLength(1);
    const reservation = reserved.body.items[0];
    expect(reservation).toMatchObject({
      bookerOrgId: sme.orgId,
      status: 'CONFIRMED',
      priceFen: 75_000,
      purpose: '石墨烯薄膜截面形貌观察',
    });
    expect(Date.parse(reservation.startsAt)).toBe(at('09:00'));
    expect(Date.parse(reservation.endsAt)).toBe(at('10:30'));

    // The platform sees it in its calendar and its reservations.
    await calendar.getByRole('button', { name: '收起' }).click();
    await row.getByRole('button', { name: '预约日历' }).click();
    await calendar.getByRole('button', { name: '下一周' }).click();
    await calendar.getByRole('button', { name: '下一周' }).click();
    await platformDay.getByText('预约 09:00–10:30（已确认）').waitFor();
    await calendar
      .getByTestId('instrument-reservations')
      .locator('.ant-table-row', { hasText: '石墨烯薄膜截面形貌观察' })
      .getByText('¥750.00')
      .waitFor();

    // Another org takes 10:30–11:30 while the SME has it open: a 409 in Chinese, and the week reloads.
    await smeDay.getByRole('button', { name: '空闲 10:30–13:00' }).click();
    const rival = await world.verifiedSme({ name: '晋江市纺织科技有限公司' });
    await expectStatus(
      p.t.http
        .post(`/api/equipment/${equipmentId}/reservations`)
        .set(rival.auth)
        .send({ startsAt: `${day}T10:30:00+08:00`, endsAt: `${day}T11:30:00+08:00` }),
      201,
    );
    await modal.getByRole('button', { name: '确认预约' }).click();
    await modal.getByTestId('reserve-error').getByText('该时段刚刚已被预约，请选择其他空闲时段').waitFor();
    await modal.locator('.ant-modal-close').click();
    await smeDay.getByRole('button', { name: '空闲 11:30–13:00' }).waitFor();

    // The SME cancels its reservation two weeks ahead: the rule is shown and it is free.
    const myReservations = booking.getByTestId('my-reservations');
    await myReservations.getByRole('button', { name: '取消预约' }).click();
    const confirm = smePage.locator('.ant-popconfirm');
    await confirm.getByText('开始前 24 小时以上取消免费，之后取消收取预约费用的 30%').waitFor();
    await confirm.getByText('现在取消免费。').waitFor();
    await confirm.getByRole('button', { name: '确认取消' }).click();
    await smePage.getByText('预约已取消，无需支付费用').waitFor();
    await myReservations.getByText('已取消').waitFor();
    await smeDay.getByRole('button', { name: '空闲 08:30–10:30' }).waitFor();
    const cancelled = await expectStatus(p.t.http.get(`/api/reservations/${reservation.id}`).set(sme.auth), 200);
    expect(cancelled.body).toMatchObject({ status: 'CANCELLED', feeFen: 0 });
    const order = await expectStatus(p.t.http.get(`/api/orders/${reservation.orderId}`).set(sme.auth), 200);
    expect(order.body.status).toBe('CANCELLED');

    // The platform removes the block: the afternoon is free again.
    await calendar.getByTestId('maintenance-blocks').getByRole('button', { name: '删除' }).click();
    await platform
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await platformDay.getByText('空闲 11:30–17:30').waitFor();
    const after = await expectStatus(p.t.http.get(`/api/equipment/${equipmentId}/blocks`).set(operator.auth), 200);
    expect(after.body.items).toHaveLength(0);

    // On a phone-wide screen the booking week fits.
    const phone = await p.page({ width: 390, height: 844 });
    await signIn(phone, sme.email);
    await phone.goto(`/platforms/${platformId}`);
    await phone.locator(`tr[data-row-key="${equipmentId}"]`).getByRole('button', { name: '空闲时段与预约' }).click();
    await phone.getByTestId('instrument-booking').getByTestId('week-view').waitFor();
    expect(await phone.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  });

  it('on the day the platform checks in, records actual use, marks a no-show; it edits the booking rules', async () => {
    const equipment = await expectStatus(
      p.t.http
        .post(`/api/platforms/${platformId}/equipment`)
        .set(operator.auth)
        .send({ name: '万能材料试验机', category: '力学测试', hourlyRateFen: 20_000 }),
      201,
    );
    const equipmentId = equipment.body.id as string;
    const day = chinaDay(Date.parse(`${mondayOf(chinaDay(Date.now()))}T12:00:00+08:00`) + 14 * DAY);
    const at = (time: string) => Date.parse(`${day}T${time}:00+08:00`);
    const reserve = async (from: string, to: string) =>
      (
        await expectStatus(
          p.t.http
            .post(`/api/equipment/${equipmentId}/reservations`)
            .set(sme.auth)
            .send({
              startsAt: `${day}T${from}:00+08:00`,
              endsAt: `${day}T${to}:00+08:00`,
              purpose: `拉伸试验 ${from}`,
            }),
          201,
        )
      ).body.id as string;
    const used = await reserve('09:00', '10:00');
    const missed = await reserve('10:00', '11:00');

    // It is 09:10 on that day, for the API and for the browser.
    const clock = jest.spyOn(p.t.app.get(Clock), 'now').mockImplementation(() => new Date(at('09:10')));
    try {
      const platform = await p.page();
      await platform.clock.setFixedTime(at('09:10'));
      await signIn(platform, operator.email);
      const mine = platform.getByTestId('my-platform');
      await mine.getByRole('tab', { name: '仪器设备' }).click();
      const row = mine.getByTestId('my-equipment').locator('.ant-table-row', { hasText: '万能材料试验机' });
      await row.getByRole('button', { name: '预约日历' }).click();
      const calendar = platform.getByTestId('instrument-calendar');
      await calendar.getByTestId(`day-${day}`).getByText('预约 09:00–10:00（已确认）').waitFor();
      const rows = calendar.getByTestId('instrument-reservations');
      const first = rows.locator('.ant-table-row', { hasText: '拉伸试验 09:00' });
      const second = rows.locator('.ant-table-row', { hasText: '拉伸试验 10:00' });
      // Not started yet: no no-show on the second one; the first one can be checked in.
      await second.getByRole('button', { name: '取消' }).waitFor();
      expect(await second.getByRole('button', { name: '未到场' }).count()).toBe(0);
      await first.getByRole('button', { name: '签到' }).click();
      await first.getByText('使用中').waitFor();
      await first.getByRole('button', { name: '完成使用' }).click();
      const modal = platform.locator('.ant-modal');
      await modal.getByRole('spinbutton').fill('50');
      await modal.getByRole('button', { name: '确认完成' }).click();
      await first.getByText('实际 50 分钟').waitFor();
      await calendar.getByTestId(`day-${day}`).getByText('预约 09:00–10:00（已完成）').waitFor();
      // The week's use: 2 reservations, 2 h scheduled, 50 min used, all by an outside org.
      await calendar.getByTestId('week-usage').getByText('预约 2 次，计划 2 小时，实际使用 0.8 小时').waitFor();
      await calendar.getByTestId('week-usage').getByText('共享率 100%').waitFor();

      // 10:20: the second booker did not come.
      clock.mockImplementation(() => new Date(at('10:20')));
      await platform.clock.setFixedTime(at('10:20'));
      await calendar.getByRole('button', { name: '收起' }).click();
      await row.getByRole('button', { name: '预约日历' }).click();
      await second.getByRole('button', { name: '未到场' }).click();
      await platform
        .locator('.ant-popconfirm')
        .getByRole('button', { name: /确\s*定|OK/ })
        .click();
      await second.getByText('未到场').first().waitFor();
      await second.getByText('违约金 ¥100.00').waitFor();

      // The platform opens Saturday mornings and asks 48 hours' notice; a window off the quarter hour is refused.
      await calendar.getByRole('button', { name: '修改预约规则' }).click();
      const rules = platform.locator('.ant-modal');
      await rules.getByLabel('周六开放时间').fill('09:00-12:10');
      await rules.getByLabel('免费取消（开始前小时）').fill('48');
      await rules.getByRole('button', { name: '保存规则' }).click();
      await rules.locator('#rules_SAT_help').getByText('须为整刻钟').waitFor();
      await rules.getByText('提交的内容有误').waitFor();
      await rules.getByLabel('周六开放时间').fill('09:00-12:30');
      await rules.getByRole('button', { name: '保存规则' }).click();
      await calendar.getByTestId('booking-rules').getByText('开始前 48 小时以上取消免费').waitFor();
      await calendar
        .getByTestId(`day-${chinaDay(at('12:00') + 5 * DAY)}`)
        .getByText('开放 09:00–12:30')
        .waitFor();
      const saved = await expectStatus(p.t.http.get(`/api/equipment/${equipmentId}/booking-rules`), 200);
      expect(saved.body).toMatchObject({ freeCancellationHours: 48, openingHours: { SAT: [['09:00', '12:30']] } });

      const done = await expectStatus(p.t.http.get(`/api/reservations/${used}`).set(sme.auth), 200);
      expect(done.body).toMatchObject({ status: 'COMPLETED', actualMinutes: 50 });
      expect(Date.parse(done.body.checkedInAt)).toBe(at('09:10'));
      const noShow = await expectStatus(p.t.http.get(`/api/reservations/${missed}`).set(sme.auth), 200);
      expect(noShow.body).toMatchObject({ status: 'NO_SHOW', feeFen: 10_000, actualMinutes: 0 });
    } finally {
      clock.mockRestore();
    }
  });

  it('direct ordering, editing a service price and replying to a review', async () => {
    // The SME orders the fixed-price service from its public page.
    const smePage = await p.page();
    await signIn(smePage, sme.email);
    await smePage.goto(`/services/${serviceId}`);
    await smePage.getByPlaceholder('备注（如：样品 3 批）').fill('样品 3 批，12 月交付');
    await smePage.getByRole('button', { name: '直接下单' }).click();
    await smePage.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
    await smePage.getByTestId('order-status').getByText('待平台接单').waitFor();
    const orderId = new URL(smePage.url()).pathname.split('/').pop()!;
    const order = await expectStatus(p.t.http.get(`/api/orders/${orderId}`).set(operator.auth), 200);
    expect(order.body).toMatchObject({
      status: 'REQUESTED',
      agreedAmountFen: 3_000_000,
      smeOrgId: sme.orgId,
      platformId,
    });

    // A unit-priced service: the SME orders 3 samples and sees the total before ordering.
    const unitServiceId = await world.catalogue.publishedService(operator, platformId, {
      title: '鞋材耐磨性能检测',
      category: 'PERFORMANCE_TEST',
      pricingKind: 'UNIT',
      priceFen: 80_000,
      unitName: '样品',
    });
    await smePage.goto(`/services/${unitServiceId}`);
    await smePage.getByLabel('数量').fill('3');
    await smePage.getByTestId('order-total').getByText('合计 ¥2,400.00').waitFor();
    await smePage.getByRole('button', { name: '直接下单' }).click();
    await smePage.waitForURL((url) => url.pathname.startsWith('/orders/') && !url.pathname.endsWith(orderId));
    await smePage.getByTestId('order-status').getByText('待平台接单').waitFor();
    const unitOrderId = new URL(smePage.url()).pathname.split('/').pop()!;
    const unitOrder = await expectStatus(p.t.http.get(`/api/orders/${unitOrderId}`).set(sme.auth), 200);
    expect(unitOrder.body).toMatchObject({ status: 'REQUESTED', agreedAmountFen: 240_000, smeOrgId: sme.orgId });

    // The platform edits the service's price.
    const platform = await p.page();
    await signIn(platform, operator.email);
    const services = platform.getByTestId('my-services');
    const row = services.locator('.ant-table-row', { hasText: '石墨烯改性鞋材中试放大' });
    await row.getByRole('button', { name: '编辑' }).click();
    const modal = platform.locator('.ant-modal');
    await modal.getByLabel('价格（元）').fill('36000');
    await modal.getByRole('button', { name: '保存' }).click();
    await platform.getByText('服务已保存').waitFor();
    await row.getByText('¥36,000.00').waitFor();
    const service = await expectStatus(p.t.http.get(`/api/services/${serviceId}`), 200);
    expect(service.body).toMatchObject({
      priceFen: 3_600_000,
      pricingKind: 'FIXED',
      title: '石墨烯改性鞋材中试放大',
      status: 'PUBLISHED',
    });

    // A completed, reviewed order (API); the platform replies once in the portal.
    await world.complete(sme, operator, orderId);
    await expectStatus(
      p.t.http
        .post(`/api/orders/${orderId}/review`)
        .set(sme.auth)
        .send({ quality: 4, timeliness: 5, communication: 5, comment: '数据完整，周期略长' }),
      201,
    );
    await platform.getByTestId('my-platform').getByRole('tab', { name: '用户评价' }).click();
    const reviews = platform.getByTestId('platform-reviews');
    const review = reviews.locator('.ant-list-item', { hasText: '数据完整，周期略长' });
    await review.getByPlaceholder('回复评价').fill('感谢反馈，已优化排产');
    await review.getByRole('button', { name: '回复' }).click();
    await review.getByText('平台回复：感谢反馈，已优化排产').waitFor();
    expect(await review.getByPlaceholder('回复评价').count()).toBe(0);
    const listed = await expectStatus(p.t.http.get(`/api/platforms/${platformId}/reviews`), 200);
    expect(listed.body.items.find((r: { orderId: string }) => r.orderId === orderId)).toMatchObject({
      reply: '感谢反馈，已优化排产',
    });
  });

  it('DEDUCT: the platform files the claim for the voucher deduction on the order page', async () => {
    const programId = await world.openProgram({
      name: '2026 年泉州市科技创新券（通兑）',
      kind: 'INNOVATION',
      redemptionMode: 'DEDUCT',
    });
    const buyer = await world.verifiedSme({ name: '晋江市恒达鞋材有限公司' });
    const voucherId = await world.voucher(buyer, programId, 1_000_000);
    const dedServiceId = await world.fixedService(operator, platformId, 2_000_000, { title: '鞋底材料耐磨性能中试' });
    const order = await world.order(buyer, dedServiceId);
    const hold = await expectStatus(world.hold(buyer, order.id, voucherId), 201);
    expect(hold.body.amountFen).toBe(1_000_000);
    await world.complete(buyer, operator, order.id);
    await expectStatus(world.pay(buyer, order.id, 1_000_000, 'SME 自付部分'), 201);

    // The SME does not file in DEDUCT: no claim form on its order page.
    const buyerPage = await p.page();
    await signIn(buyerPage, buyer.email);
    await buyerPage.goto(`/orders/${order.id}`);
    await buyerPage.getByTestId('order-status').getByText('已完成').waitFor();
    await buyerPage.getByTestId('order-review').waitFor();
    expect(await buyerPage.getByRole('button', { name: '提交兑付申请' }).count()).toBe(0);

    const platform = await p.page();
    await signIn(platform, operator.email);
    await platform.goto(`/orders/${order.id}`);
    await platform.getByText('本订单由服务券直接抵扣 ¥10,000.00').waitFor();
    await platform.getByLabel('发票号码').fill('35002612345678');
    await platform.getByLabel('付款凭证号').fill('SME 自付部分');
    await platform.getByRole('button', { name: '提交兑付申请' }).click();
    await platform.getByTestId('claim-filed').getByText('¥10,000.00').waitFor();
    await platform.getByTestId('claim-filed').getByText('待审核').waitFor();

    const claims = await expectStatus(p.t.http.get('/api/claims').set(world.bureau.auth).query({ programId }), 200);
    expect(claims.body.items).toHaveLength(1);
    expect(claims.body.items[0]).toMatchObject({
      orderId: order.id,
      amountFen: 1_000_000,
      payeeOrgId: operator.orgId,
      status: 'SUBMITTED',
      invoiceNumber: '35002612345678',
      invoiceAmountFen: 2_000_000,
    });

    // Reloaded, the order page shows the filed claim instead of the form.
    await platform.reload();
    await platform.getByTestId('claim-filed').getByText('¥10,000.00').waitFor();
    expect(await platform.getByRole('button', { name: '提交兑付申请' }).count()).toBe(0);
  });
});

/** Chooses an option of the antd Select (searchable) whose search input is `input`, by typing its label. */
function pick(page: Page, input: ReturnType<Page['getByLabel']>, option: string): Promise<void> {
  const select = input.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " ant-select ")][1]');
  return chooseOption(page, select, option, { search: true });
}
