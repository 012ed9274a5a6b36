import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PlatformDirectory } from '@pilotlink/catalogue';
import { parseFen } from '@pilotlink/core';
import { querySql, rawSql, Sql, sql } from '@pilotlink/database';
import { DataSource, EntityManager, In } from 'typeorm';
import type { OrderStatus } from '../domain/order';
import { Order } from './order.entity';

/** What another context may know of an order it tracks (a key project): a title and its two parties. */
export interface OrderSubjectFacts {
  id: string;
  title: string;
  partyOrgIds: string[];
}

/** What the voucher context needs of an order: what was bought (by reference), from whom, by whom, and when. */
export interface OrderVoucherFacts {
  id: string;
  status: OrderStatus;
  smeOrgId: string;
  platformId: string;
  platformOrgId: string;
  serviceId: string | null;
  demandId: string | null;
  agreedAmountFen: number;
  deductionFen: number;
  contractNumber: string;
  completedAt: Date | null;
  /** When the order first went IN_PROGRESS. */
  startedAt: Date | null;
  deliveredAt: Date | null;
  /** The order is an equipment reservation. */
  isReservation: boolean;
  /** Paid so far, when asked for (`paid: true`); else null. */
  paidFen: number | null;
}

/** An order's two parties. */
export interface OrderParties {
  id: string;
  smeOrgId: string;
  platformOrgId: string;
}

/** An order's dates in China time (YYYY-MM-DD): contracted once both parties confirmed, and completed. */
export interface OrderDates {
  id: string;
  contractedOn: string | null;
  completedOn: string | null;
}

/** A row of `forVoucherSql`: as read, or as JSON (numbers for bigints, strings for timestamps). */
export interface VoucherFactsRow {
  id: string;
  status: OrderStatus;
  sme_org_id: string;
  platform_id: string;
  platform_org_id: string;
  service_id: string | null;
  demand_id: string | null;
  agreed_amount_fen: string | number;
  voucher_deduction_fen: string | number;
  contract_number: string;
  completed_at: Date | string | null;
  delivered_at: Date | string | null;
  started_at: Date | string | null;
  is_reservation: boolean;
  paid_fen: string | number | null;
}

const toDate = (value: Date | string | null): Date | null =>
  value === null ? null : value instanceof Date ? value : new Date(value);

/**
 * The booking context's query port for orders: key-project tracking (governance) names an order by its
 * service and contract number with the SME and the platform's operator as parties; the voucher context
 * reads an order's facts, parties and dates. Methods taking an `EntityManager` read in the caller's
 * transaction.
 */
@Injectable()
export class OrderFacts {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalogue: PlatformDirectory,
  ) {}

  async ofIds(ids: readonly string[]): Promise<OrderSubjectFacts[]> {
    if (ids.length === 0) return [];
    return this.named(await this.dataSource.getRepository(Order).findBy({ id: In([...ids]) }));
  }

  /** Newest orders with one of these orgs as a party, optionally by contract number (a bureau picking). */
  async ofOrgs(orgIds: readonly string[], q: string | undefined, limit: number): Promise<OrderSubjectFacts[]> {
    if (orgIds.length === 0) return [];
    const qb = this.dataSource
      .getRepository(Order)
      .createQueryBuilder('o')
      .where('(o.sme_org_id = ANY(:orgIds) OR o.platform_org_id = ANY(:orgIds))', { orgIds: [...orgIds] });
    if (q) qb.andWhere('o.contract_number ILIKE :q', { q: `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    return this.named(await qb.orderBy('o.createdAt', 'DESC').take(limit).getMany());
  }

  /**
   * One order's facts in one query. `lock` takes the order row's lock (FOR UPDATE), as a change by one of
   * its parties does; `paid` adds what is paid so far.
   */
  async forVoucher(
    manager: EntityManager,
    orderId: string,
    options: { lock?: boolean; paid?: boolean } = {},
  ): Promise<OrderVoucherFacts | null> {
    const [row] = await querySql<VoucherFactsRow>(manager, this.forVoucherSql(sql`${orderId}::uuid`, options));
    return row ? this.voucherFactsOf(row) : null;
  }

  /**
   * `forVoucher`'s query, for the voucher context to gather an order's facts and its own in one statement
   * (`orderId` a SQL expression); its row, as read or as JSON (`row_to_json`), goes to `voucherFactsOf`.
   */
  forVoucherSql(orderId: Sql, options: { lock?: boolean; paid?: boolean } = {}): Sql {
    return sql`SELECT o.id, o.status, o.sme_org_id, o.platform_id, o.platform_org_id, o.service_id, o.demand_id,
              o.agreed_amount_fen, o.voucher_deduction_fen, o.contract_number, o.completed_at, o.delivered_at,
              (SELECT min(e.created_at) FROM order_events e WHERE e.order_id = o.id AND e.to_status = 'IN_PROGRESS') AS started_at,
              EXISTS (SELECT 1 FROM reservations r WHERE r.order_id = o.id) AS is_reservation,
              ${rawSql(options.paid ? '(SELECT coalesce(sum(p.amount_fen), 0) FROM order_payments p WHERE p.order_id = o.id)' : 'NULL')} AS paid_fen
         FROM orders o
        WHERE o.id = ${orderId} ${rawSql(options.lock ? 'FOR UPDATE OF o' : '')}`;
  }

  voucherFactsOf(row: VoucherFactsRow): OrderVoucherFacts {
    return {
      id: row.id,
      status: row.status,
      smeOrgId: row.sme_org_id,
      platformId: row.platform_id,
      platformOrgId: row.platform_org_id,
      serviceId: row.service_id,
      demandId: row.demand_id,
      agreedAmountFen: parseFen(row.agreed_amount_fen),
      deductionFen: parseFen(row.voucher_deduction_fen),
      contractNumber: row.contract_number,
      completedAt: toDate(row.completed_at),
      startedAt: toDate(row.started_at),
      deliveredAt: toDate(row.delivered_at),
      isReservation: row.is_reservation,
      paidFen: row.paid_fen === null ? null : parseFen(row.paid_fen),
    };
  }

  /** The two parties of each order; unknown ids are absent. */
  async partiesOf(manager: EntityManager, orderIds: readonly string[]): Promise<Map<string, OrderParties>> {
    if (orderIds.length === 0) return new Map();
    const rows = await manager.query<{ id: string; sme_org_id: string; platform_org_id: string }[]>(
      `SELECT id, sme_org_id, platform_org_id FROM orders WHERE id = ANY($1::uuid[])`,
      [[...new Set(orderIds)]],
    );
    return new Map(rows.map((r) => [r.id, { id: r.id, smeOrgId: r.sme_org_id, platformOrgId: r.platform_org_id }]));
  }

  /** Each order's contract and completion dates (China time); unknown ids are absent. */
  async datesOf(manager: EntityManager, orderIds: readonly string[]): Promise<Map<string, OrderDates>> {
    if (orderIds.length === 0) return new Map();
    const rows = await manager.query<{ id: string; contracted_on: string | null; completed_on: string | null }[]>(
      `SELECT o.id,
              CASE WHEN o.sme_confirmed_at IS NOT NULL AND o.platform_confirmed_at IS NOT NULL
                   THEN (greatest(o.sme_confirmed_at, o.platform_confirmed_at) AT TIME ZONE 'Asia/Shanghai')::date::text
              END AS contracted_on,
              (o.completed_at AT TIME ZONE 'Asia/Shanghai')::date::text AS completed_on
         FROM orders o WHERE o.id = ANY($1::uuid[])`,
      [[...new Set(orderIds)]],
    );
    return new Map(rows.map((r) => [r.id, { id: r.id, contractedOn: r.contracted_on, completedOn: r.completed_on }]));
  }

  /** Is this file one of the order's deliverables? */
  async hasDeliverable(manager: EntityManager, orderId: string, deliverableId: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(`SELECT 1 FROM order_deliverables WHERE id = $1 AND order_id = $2`, [
      deliverableId,
      orderId,
    ]);
    return rows.length > 0;
  }

  private async named(orders: Order[]): Promise<OrderSubjectFacts[]> {
    const services = await this.catalogue.servicesOf(orders.map((o) => o.serviceId).filter((id): id is string => !!id));
    return orders.map((o) => {
      const service = o.serviceId ? services.get(o.serviceId)?.title : undefined;
      return {
        id: o.id,
        title: service ? `${service}（${o.contractNumber}）` : `订单 ${o.contractNumber}`,
        partyOrgIds: [o.smeOrgId, o.platformOrgId],
      };
    });
  }
}
