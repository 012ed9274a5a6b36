import { OrderStatus } from '@pilotlink/booking';
import { Order } from '@pilotlink/booking/orders/order.entity';
import { parseFen } from '@pilotlink/core';
import { DEMO_REPORT_PDF, StoryKit } from './story-kit.service';

export interface OrderPlan {
  sme: string;
  platform: string;
  /** A priced service (FIXED or UNIT); or an order made by accepting a quote. */
  serviceId?: string;
  orderId?: string;
  quantity?: number;
  /** The day (from today, negative: past) the order is placed; later steps follow a few days apart. */
  day: number;
  until: OrderStatus;
  /** A voucher of the SME to hold on the order once it is contracted. */
  voucherId?: string;
  review?: { quality: number; timeliness: number; communication: number; comment: string };
}

export interface WalkedOrder {
  order: Order;
  deliverableId: string | null;
}

/**
 * Walks one order through the order API's own steps — request, accept, contract by both, start, deliver
 * a report, complete, pay, review — stopping at the state the story needs, each step on its own day.
 */
export async function walkOrder(kit: StoryKit, plan: OrderPlan): Promise<WalkedOrder> {
  const sme = await kit.as(plan.sme);
  const platform = await kit.as(plan.platform);
  kit.at(plan.day);
  let order: Order;
  if (plan.orderId) {
    order = (await kit.orders.get(sme.actor, plan.orderId)).order;
  } else {
    order = await kit.orders.create(sme, {
      serviceId: plan.serviceId!,
      quantity: plan.quantity,
      note: '演示订单：请按服务说明安排',
    });
  }
  const id = order.id;
  const stop = (status: OrderStatus) => plan.until === status;
  if (stop('REQUESTED')) return { order, deliverableId: null };
  if (stop('REJECTED')) {
    kit.at(plan.day + 1);
    return { order: await kit.orders.act(platform, id, 'reject', '排期已满，本季度无法承接'), deliverableId: null };
  }
  if (order.status === 'REQUESTED') {
    kit.at(plan.day + 1);
    order = await kit.orders.act(platform, id, 'accept');
  }
  if (stop('ACCEPTED')) return { order, deliverableId: null };
  if (stop('CANCELLED')) {
    kit.at(plan.day + 2);
    return { order: await kit.orders.act(sme, id, 'cancel', '项目预算调整，暂缓中试'), deliverableId: null };
  }
  kit.at(plan.day + 2);
  await kit.orders.act(sme, id, 'contract');
  order = await kit.orders.act(platform, id, 'contract');
  if (plan.voucherId) await kit.holds.place(sme, id, plan.voucherId);
  if (stop('CONTRACTED')) return { order, deliverableId: null };
  kit.at(plan.day + 3);
  order = await kit.orders.act(platform, id, 'start');
  if (stop('IN_PROGRESS')) return { order, deliverableId: null };
  kit.at(plan.day + 10);
  order = await kit.deliverables.deliver(platform, id, { fileName: '中试验收报告.pdf', bytes: DEMO_REPORT_PDF });
  const [file] = await kit.dataSource.query<{ id: string }[]>(
    `SELECT id FROM order_deliverables WHERE order_id = $1 ORDER BY created_at LIMIT 1`,
    [id],
  );
  const deliverableId = file?.id ?? null;
  if (stop('DELIVERED')) return { order, deliverableId };
  if (stop('DISPUTED')) {
    kit.at(plan.day + 11);
    order = await kit.orders.act(sme, id, 'dispute', '验收报告缺少第 3 批样品的色牢度数据，请补测');
    return { order, deliverableId };
  }
  kit.at(plan.day + 12);
  order = await kit.orders.act(sme, id, 'complete');
  const owed = parseFen(order.agreedAmountFen) - parseFen(order.voucherDeductionFen);
  if (owed > 0) {
    await kit.payments.record(sme, id, {
      amountFen: owed,
      paidOn: kit.date(plan.day + 12),
      method: 'BANK_TRANSFER',
      reference: `转账-${order.contractNumber}`,
    });
  }
  if (plan.review) await kit.reviews.review(sme, id, plan.review);
  return { order, deliverableId };
}
