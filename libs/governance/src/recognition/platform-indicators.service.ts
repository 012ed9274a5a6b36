import { Injectable } from '@nestjs/common';
import { parseFen } from '@pilotlink/core';
import { EntityManager } from 'typeorm';
import type { PlatformIndicators } from '../domain/evaluation';
import type { IndicatorRow } from './platform-indicators.read-model';
import { PlatformIndicatorsReadModel } from './platform-indicators.read-model';

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
  constructor(private readonly readModel: PlatformIndicatorsReadModel) {}

  async forPlatforms(
    platformIds: string[],
    year: number,
    manager?: EntityManager,
  ): Promise<Map<string, PlatformIndicators>> {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new RangeError(`not a year: ${year}`);
    const ids = [...new Set(platformIds)];
    if (ids.length === 0) return new Map();
    const rows = await this.readModel.rows(ids, year, manager);
    return new Map(rows.map((row) => [row.platform_id, toIndicators(row)]));
  }
}

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
