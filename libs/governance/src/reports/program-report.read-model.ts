import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotFoundError } from '@pilotlink/core';
import { DataSource } from 'typeorm';

export type ReimbursementDimension = 'field' | 'region' | 'platform' | 'month';

/** One group of reimbursed claims (bigint sums as text). */
export interface GroupRow {
  dimension: ReimbursementDimension;
  key: string | null;
  label: string | null;
  claims: number;
  amount: string;
  paid: string;
}

export interface ReportedProgram {
  name: string;
  year: number;
  status: string;
  redemptionMode: string;
}

/**
 * The program report's read model (declared in read-models.ts): the program's heading and its
 * reimbursed claims with their orders' fields, SMEs' regions and platforms' names.
 */
@Injectable()
export class ProgramReportReadModel {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async program(programId: string): Promise<ReportedProgram> {
    const [row] = await this.dataSource.query<
      { name: string; year: number; status: string; redemption_mode: string }[]
    >(`SELECT name, year, status, redemption_mode FROM voucher_programs WHERE id = $1`, [programId]);
    if (!row) throw new NotFoundError('Voucher program');
    return { name: row.name, year: row.year, status: row.status, redemptionMode: row.redemption_mode };
  }

  /** The claims APPROVED or PAID, grouped four ways in one pass (GROUPING SETS). */
  reimbursements(programId: string): Promise<GroupRow[]> {
    return this.dataSource.query<GroupRow[]>(
      `WITH r AS (
         SELECT c.amount_fen, c.status, c.platform_id::text AS platform_id, p.name AS platform_name,
                sme.region_code::text AS region_code,
                coalesce(s.field_codes[1], d.field_code) AS field_code,
                to_char(c.decided_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month
           FROM voucher_claims c
           JOIN orders o ON o.id = c.order_id
           LEFT JOIN services s ON s.id = o.service_id
           LEFT JOIN demands d ON d.id = o.demand_id
           JOIN orgs sme ON sme.id = c.sme_org_id
           JOIN platforms p ON p.id = c.platform_id
          WHERE c.program_id = $1 AND c.status IN ('APPROVED', 'PAID'))
       SELECT CASE WHEN GROUPING(field_code) = 0 THEN 'field'
                   WHEN GROUPING(region_code) = 0 THEN 'region'
                   WHEN GROUPING(platform_id) = 0 THEN 'platform'
                   ELSE 'month' END AS dimension,
              coalesce(field_code, region_code, platform_id, month) AS key,
              platform_name AS label,
              count(*)::int AS claims,
              sum(amount_fen)::bigint AS amount,
              coalesce(sum(amount_fen) FILTER (WHERE status = 'PAID'), 0)::bigint AS paid
         FROM r
        GROUP BY GROUPING SETS ((field_code), (region_code), (platform_id, platform_name), (month))`,
      [programId],
    );
  }
}
