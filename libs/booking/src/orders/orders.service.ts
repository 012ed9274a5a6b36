import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CatalogueFacts } from '@pilotlink/catalogue';
import { Clock, DomainError, NotFoundError, Page, fieldInvalid, parseFen, toPage } from '@pilotlink/core';
import { withTransaction } from '@pilotlink/database';
import { Actor, RequestContext } from '@pilotlink/core';
import { DataSource, EntityManager } from 'typeorm';
import {
  contractOutcome,
  OrderAction,
  OrderParty,
  OrderStatus,
  planOrderAction,
  serviceOrderAmountFen,
} from '../domain/order';
import { CreateOrderDto, OrderListQueryDto } from '../dto/order.request.dto';
import { OrderViewer } from '../dto/order.response.dto';
import { findReadable, lockForParty, partyOf } from './order-access';
import { OrderChanges } from './order-changes.service';
import { OrderEvent, OrderPayment } from './order-records.entity';
import { OrderRecords } from './order-records.service';
import { Order } from './order.entity';

/** The order with what the detail view adds: payments so far, the history and the caller's side. */
export interface OrderDetail {
  order: Order;
  paidFen: number;
  history: OrderEvent[];
  viewer: OrderViewer;
}

/** Actions taken through `act`; `deliver` carries a file and goes through DeliverablesService. */
export type SimpleOrderAction = Exclude<OrderAction, 'deliver'>;

@Injectable()
export class OrdersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: OrderRecords,
    private readonly changes: OrderChanges,
    private readonly clock: Clock,
    private readonly catalogue: CatalogueFacts,
  ) {}

  /** SME: order a published FIXED- or UNIT-priced service directly; the platform accepts or rejects. */
  async create(ctx: RequestContext, input: CreateOrderDto): Promise<Order> {
    return withTransaction(this.dataSource, async (manager) => {
      const service = await this.catalogue.orderableService(manager, input.serviceId);
      if (!service) throw new NotFoundError('Service');
      if (service.pricingKind === 'FIXED' && (input.quantity ?? 1) !== 1) {
        throw fieldInvalid('quantity', 'A fixed-price service is ordered once (quantity 1)');
      }
      const quantity = input.quantity ?? 1;
      const amount = serviceOrderAmountFen({ pricingKind: service.pricingKind, priceFen: service.priceFen }, quantity);
      if (amount === null) {
        throw new DomainError('CONFLICT', 'This service is priced on request: post a demand and ask for a quote', {
          pricingKind: service.pricingKind,
        });
      }
      const order = await this.records.createFromService(manager, {
        smeOrgId: ctx.actor.orgId,
        platformId: service.platformId,
        platformOrgId: service.platformOrgId,
        serviceId: service.id,
        quantity,
        agreedAmountFen: amount,
        requestNote: input.note ?? null,
      });
      await this.changes.record(manager, ctx, order, { action: 'order.requested', from: 'REQUESTED' });
      return order;
    });
  }

  /** The caller's orders: as the SME, or as the platform's operator; an admin sees all. */
  async list(actor: Actor, query: OrderListQueryDto): Promise<Page<Order>> {
    const qb = this.dataSource.getRepository(Order).createQueryBuilder('o');
    if (actor.orgKind !== 'ADMIN')
      qb.where('(o.sme_org_id = :org OR o.platform_org_id = :org OR o.co_funder_org_id = :org)', {
        org: actor.orgId,
      });
    if (query.status) qb.andWhere('o.status = :status', { status: query.status });
    const [items, total] = await qb
      .orderBy('o.created_at', 'DESC')
      .addOrderBy('o.id', 'DESC')
      .skip(query.offset)
      .take(query.limit)
      .getManyAndCount();
    return toPage(items, total, query);
  }

  async get(actor: Actor, id: string): Promise<OrderDetail> {
    const manager = this.dataSource.manager;
    const order = await findReadable(manager, actor, id);
    const [paidFen, history, viewers] = await Promise.all([
      paidOn(manager, id),
      manager.find(OrderEvent, { where: { orderId: id }, order: { id: 'ASC' } }),
      this.viewers(actor, [order]),
    ]);
    return { order, paidFen, history, viewer: viewers.get(id)! };
  }

  /** The caller's side of each order, and which are reservations' orders (one query for the lot). */
  async viewers(actor: Actor, orders: Order[]): Promise<Map<string, OrderViewer>> {
    const ids = orders.map((o) => o.id);
    const rows = ids.length
      ? await this.dataSource.query<{ order_id: string }[]>(
          `SELECT order_id FROM reservations WHERE order_id = ANY($1::uuid[])`,
          [ids],
        )
      : [];
    const reservations = new Set(rows.map((r) => r.order_id));
    return new Map(orders.map((o) => [o.id, { party: partyOf(actor, o), reservation: reservations.has(o.id) }]));
  }

  /**
   * One transition by one party. The order row is locked first, so of two racing transitions the
   * second sees the first's result and is judged against it (e.g. cancel after start → 409).
   */
  async act(ctx: RequestContext, id: string, action: SimpleOrderAction, note?: string): Promise<Order> {
    if (action === 'dispute' && !note) throw fieldInvalid('note', 'Say what is wrong with the delivery');
    return withTransaction(this.dataSource, async (manager) => {
      const { order, party } = await lockForParty(manager, ctx.actor, id);
      const from = order.status;
      const to = planOrderAction(action, from, party);
      if (action === 'cancel') await this.assertNotReservation(manager, order);
      this.apply(order, action, party, to);
      await manager.save(order);
      await this.changes.record(manager, ctx, order, { action: `order.${action}`, from, note });
      return order;
    });
  }

  /**
   * A reservation's order is cancelled through the reservation, which applies the cancellation policy
   * and frees the slot; cancelling the order alone would leave the instrument booked.
   */
  private async assertNotReservation(manager: EntityManager, order: Order): Promise<void> {
    const [reservation] = await manager.query<{ id: string }[]>(`SELECT id FROM reservations WHERE order_id = $1`, [
      order.id,
    ]);
    if (reservation) {
      throw new DomainError('CONFLICT', 'Cancel the equipment reservation instead: POST /api/reservations/:id/cancel', {
        reservationId: reservation.id,
        currentState: order.status,
      });
    }
  }

  /** Moves the order; `contract` records this party's confirmation and moves only once both have. */
  private apply(order: Order, action: SimpleOrderAction, party: OrderParty, to: OrderStatus): void {
    const now = this.clock.now();
    if (action === 'contract') {
      const confirmedAlready = party === 'SME' ? order.smeConfirmedAt : order.platformConfirmedAt;
      if (confirmedAlready)
        throw new DomainError('CONFLICT', 'You already confirmed the contract', { currentState: order.status });
      if (party === 'SME') order.smeConfirmedAt = now;
      else order.platformConfirmedAt = now;
      order.status = contractOutcome({ sme: !!order.smeConfirmedAt, platform: !!order.platformConfirmedAt });
      return;
    }
    order.status = to;
    if (to === 'COMPLETED') order.completedAt = now;
  }
}

/** Sum of the payments recorded on an order, in fen. */
export async function paidOn(manager: EntityManager, orderId: string): Promise<number> {
  const [{ paid }] = await manager
    .createQueryBuilder(OrderPayment, 'p')
    .select('coalesce(sum(p.amount_fen), 0)', 'paid')
    .where('p.order_id = :orderId', { orderId })
    .getRawMany<{ paid: string }>();
  return parseFen(paid);
}
