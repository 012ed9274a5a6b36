import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** A region × field group (`grouped`), or the grand total, with how many demands reached each stage. */
export interface CountRow {
  grouped: boolean;
  region_code: string | null;
  field_code: string | null;
  published: number;
  matched: number;
  quoted: number;
  ordered: number;
  completed: number;
  reimbursed: number;
}

export interface FunnelScope {
  /** Publication instants: from (inclusive), to (exclusive). */
  from: string;
  to: string;
  /** LIKE patterns of the SME's region code: the reader's jurisdiction and the region asked for (null: any). */
  jurisdiction: string | null;
  region: string | null;
  /** An industry field: the demand's field is it or one of its children (null: any). */
  fieldCode: string | null;
}

/**
 * The funnel report's read model (declared in read-models.ts): published demands with their SMEs' regions,
 * and whether each was notified to a platform, quoted, ordered, completed and reimbursed.
 */
@Injectable()
export class FunnelReportReadModel {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  counts(scope: FunnelScope): Promise<CountRow[]> {
    return this.dataSource.query<CountRow[]>(
      `WITH d AS (
         SELECT d.id, sme.region_code::text AS region_code, d.field_code
           FROM demands d JOIN orgs sme ON sme.id = d.sme_org_id
          WHERE d.published_at >= $1::timestamptz AND d.published_at < $2::timestamptz
            AND ($3::text IS NULL OR sme.region_code LIKE $3)
            AND ($4::text IS NULL OR sme.region_code LIKE $4)
            AND ($5::text IS NULL OR d.field_code IN (SELECT code FROM industry_fields WHERE code = $5 OR parent_code = $5))),
       f AS (
         SELECT d.region_code, d.field_code,
                EXISTS (SELECT 1 FROM notifications n WHERE n.event_key = 'demand.published.' || d.id::text) AS matched,
                EXISTS (SELECT 1 FROM quotes q WHERE q.demand_id = d.id) AS quoted,
                EXISTS (SELECT 1 FROM orders o WHERE o.demand_id = d.id) AS ordered,
                EXISTS (SELECT 1 FROM orders o WHERE o.demand_id = d.id AND o.status = 'COMPLETED') AS completed,
                EXISTS (SELECT 1 FROM orders o JOIN voucher_claims c ON c.order_id = o.id
                         WHERE o.demand_id = d.id AND c.status IN ('APPROVED', 'PAID')) AS reimbursed
           FROM d)
       SELECT GROUPING(region_code, field_code) = 0 AS grouped, region_code, field_code,
              count(*)::int AS published,
              count(*) FILTER (WHERE matched)::int AS matched,
              count(*) FILTER (WHERE quoted)::int AS quoted,
              count(*) FILTER (WHERE ordered)::int AS ordered,
              count(*) FILTER (WHERE completed)::int AS completed,
              count(*) FILTER (WHERE reimbursed)::int AS reimbursed
         FROM f
        GROUP BY GROUPING SETS ((region_code, field_code), ())
        ORDER BY region_code, field_code`,
      [scope.from, scope.to, scope.jurisdiction, scope.region, scope.fieldCode],
    );
  }
}
