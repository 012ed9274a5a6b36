import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** One platform's raw figures for a year, as the query returns them (bigint sums as text). */
export interface IndicatorRow {
  platform_id: string;
  rating_avg: string | null;
  median_first_quote_minutes: number | null;
  orders_completed: number;
  smes_served: number;
  external_orders: number;
  revenue_fen: string;
  used_minutes: string;
  external_minutes: string;
  claims_rejected: number;
}

/**
 * The evaluation indicators' read model (declared in read-models.ts): a year's completed orders and
 * their payments, reservations, rejected voucher claims and the platforms' own aggregates, for many
 * platforms in one query. `PlatformIndicatorsService` turns the rows into indicators.
 */
@Injectable()
export class PlatformIndicatorsReadModel {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A row per platform found among `platformIds` (unique ids) for the China calendar `year`. */
  rows(platformIds: string[], year: number, manager: EntityManager = this.dataSource.manager): Promise<IndicatorRow[]> {
    return manager.query<IndicatorRow[]>(INDICATORS_SQL, [platformIds, year]);
  }
}

const INDICATORS_SQL = `
  WITH span AS (
    SELECT make_timestamptz($2, 1, 1, 0, 0, 0, 'Asia/Shanghai') AS from_at,
           make_timestamptz($2 + 1, 1, 1, 0, 0, 0, 'Asia/Shanghai') AS to_at
  ),
  p AS (
    SELECT id, operator_org_id, region_code, rating_avg, median_first_quote_minutes
      FROM platforms WHERE id = ANY($1::uuid[])
  ),
  done AS (
    SELECT o.id, o.platform_id, o.sme_org_id, left(sme.region_code, 4) <> left(p.region_code, 4) AS external
      FROM orders o
      JOIN p ON p.id = o.platform_id
      JOIN orgs sme ON sme.id = o.sme_org_id
      CROSS JOIN span
     WHERE o.status = 'COMPLETED' AND o.completed_at >= span.from_at AND o.completed_at < span.to_at
  ),
  by_orders AS (
    SELECT platform_id, count(*)::int AS orders_completed, count(DISTINCT sme_org_id)::int AS smes_served,
           (count(*) FILTER (WHERE external))::int AS external_orders
      FROM done GROUP BY platform_id
  ),
  revenue AS (
    SELECT done.platform_id, sum(pay.amount_fen) AS revenue_fen
      FROM done JOIN order_payments pay ON pay.order_id = done.id
     GROUP BY done.platform_id
  ),
  usage AS (
    SELECT r.platform_id, sum(r.actual_minutes) AS used_minutes,
           coalesce(sum(r.actual_minutes) FILTER (WHERE r.booker_org_id <> p.operator_org_id), 0) AS external_minutes
      FROM reservations r
      JOIN p ON p.id = r.platform_id
      CROSS JOIN span
     WHERE r.actual_minutes IS NOT NULL AND r.starts_at >= span.from_at AND r.starts_at < span.to_at
     GROUP BY r.platform_id
  ),
  rejected AS (
    SELECT c.platform_id, count(*)::int AS claims_rejected
      FROM voucher_claims c
      JOIN p ON p.id = c.platform_id
      CROSS JOIN span
     WHERE c.status = 'REJECTED' AND c.decided_at >= span.from_at AND c.decided_at < span.to_at
     GROUP BY c.platform_id
  )
  SELECT p.id AS platform_id, p.rating_avg, p.median_first_quote_minutes,
         coalesce(o.orders_completed, 0) AS orders_completed,
         coalesce(o.smes_served, 0) AS smes_served,
         coalesce(o.external_orders, 0) AS external_orders,
         coalesce(rv.revenue_fen, 0)::text AS revenue_fen,
         coalesce(u.used_minutes, 0)::text AS used_minutes,
         coalesce(u.external_minutes, 0)::text AS external_minutes,
         coalesce(rj.claims_rejected, 0) AS claims_rejected
    FROM p
    LEFT JOIN by_orders o ON o.platform_id = p.id
    LEFT JOIN revenue rv ON rv.platform_id = p.id
    LEFT JOIN usage u ON u.platform_id = p.id
    LEFT JOIN rejected rj ON rj.platform_id = p.id`;
