import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parseFen } from '@pilotlink/core';
import { DataSource, EntityManager } from 'typeorm';
import type { PlatformIndicators } from '../domain/evaluation';

interface IndicatorRow {
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
 * The figures an annual evaluation (SPEC §7) starts from, computed from what the system recorded in
 * a calendar year (China time, Asia/Shanghai), for many platforms in one query:
 *
 * - `ordersCompleted`: orders COMPLETED with `completed_at` in the year;
 * - `serviceRevenueFen`: every payment recorded on those orders (whenever paid);
 * - `smesServed`: distinct SME orgs of those orders;
 * - `externalUserShareBp`: the share of those orders whose SME is outside the platform's city —
 *   the first four digits of the region codes differ (350582 晋江 and 350500 泉州 are the same city;
 *   350100 福州 is not). "External users" in the policy means enterprises beyond the host's own
 *   locality; the city is the level the subsidising bureaus work at. 0 when nothing was completed;
 * - `ratingAvg`, `medianFirstQuoteMinutes`: the platform's current aggregates (reviews, quotes);
 * - `sharingRateBp`: reservations of the platform's instruments starting in the year with actual
 *   minutes recorded (completed or no-show): minutes booked by an org other than the operator over
 *   all used minutes — the utilisation view's definition; null when nothing was used;
 * - `claimsRejected`: voucher claims against the platform rejected (decided) in the year.
 *
 * Unknown platform ids are left out of the map.
 */
@Injectable()
export class PlatformIndicatorsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async forPlatforms(
    platformIds: string[],
    year: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, PlatformIndicators>> {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new RangeError(`not a year: ${year}`);
    const ids = [...new Set(platformIds)];
    if (ids.length === 0) return new Map();
    const rows = await manager.query<IndicatorRow[]>(INDICATORS_SQL, [ids, year]);
    return new Map(rows.map((row) => [row.platform_id, toIndicators(row)]));
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

function toIndicators(row: IndicatorRow): PlatformIndicators {
  const used = Number(row.used_minutes);
  const external = Number(row.external_minutes);
  return {
    ordersCompleted: row.orders_completed,
    serviceRevenueFen: parseFen(row.revenue_fen),
    smesServed: row.smes_served,
    externalUserShareBp:
      row.orders_completed === 0 ? 0 : Math.floor((row.external_orders * 10_000) / row.orders_completed),
    ratingAvg: row.rating_avg === null ? null : Number(row.rating_avg),
    medianFirstQuoteMinutes: row.median_first_quote_minutes,
    sharingRateBp: used === 0 ? null : Math.floor((external * 10_000) / used),
    claimsRejected: row.claims_rejected,
  };
}
