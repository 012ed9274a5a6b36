import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { jurisdictionPrefix } from '@pilotlink/identity';
import type { Actor } from '@pilotlink/identity';
import { DataSource } from 'typeorm';
import { FunnelCountsDto, FunnelReportDto, FunnelReportQueryDto, FunnelRowDto } from '../dto/report.dto';
import type { ReportTable } from './report-export';
import { chinaYearStart, fieldLabel, jurisdictionPattern, regionLabel } from './report-scope';

export const FUNNEL_STAGES = ['published', 'matched', 'quoted', 'ordered', 'completed', 'reimbursed'] as const;

type CountRow = { grouped: boolean; region_code: string | null; field_code: string | null } & Record<
  (typeof FUNNEL_STAGES)[number],
  number
>;

/**
 * The funnel (SPEC §7) of the demands published in a year by SMEs in the bureau's jurisdiction:
 * published → matched (a platform was notified of the publication) → quoted → ordered → completed →
 * reimbursed (a voucher claim APPROVED or PAID on one of its orders). Each stage counts the demands
 * that reached it, per SME region × demand field and in total.
 */
@Injectable()
export class FunnelReportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async report(actor: Actor, query: FunnelReportQueryDto): Promise<FunnelReportDto> {
    const rows = await this.dataSource.manager.query<CountRow[]>(
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
      [
        chinaYearStart(query.year),
        chinaYearStart(query.year + 1),
        jurisdictionPattern(actor),
        query.regionCode ? `${jurisdictionPrefix(query.regionCode)}%` : null,
        query.fieldCode ?? null,
      ],
    );
    // The grand total has a row even when no demand matched: then every count is 0.
    const totalRow = rows.find((row) => !row.grouped);
    return {
      year: query.year,
      regionCode: query.regionCode ?? null,
      fieldCode: query.fieldCode ?? null,
      rows: rows
        .filter((row) => row.grouped)
        .map((row): FunnelRowDto => ({
          regionCode: row.region_code!,
          regionName: regionLabel(row.region_code),
          fieldCode: row.field_code!,
          fieldName: fieldLabel(row.field_code),
          ...counts(row),
        })),
      total: totalRow ? counts(totalRow) : counts(null),
    };
  }
}

function counts(row: CountRow | null): FunnelCountsDto {
  return {
    published: row?.published ?? 0,
    matched: row?.matched ?? 0,
    quoted: row?.quoted ?? 0,
    ordered: row?.ordered ?? 0,
    completed: row?.completed ?? 0,
    reimbursed: row?.reimbursed ?? 0,
  };
}

/** Marks the total row in the flat layout (its region and field columns). */
export const FUNNEL_TOTAL_KEY = 'TOTAL';

/**
 * One table: a row per region × field (regionCode, regionName, fieldCode, fieldName, then the six
 * stage counts), and last the total row with regionCode and fieldCode `TOTAL`.
 */
export function funnelReportTables(report: FunnelReportDto): ReportTable[] {
  return [
    {
      name: `funnel-${report.year}`,
      columns: ['regionCode', 'regionName', 'fieldCode', 'fieldName', ...FUNNEL_STAGES],
      rows: [
        ...report.rows.map((row) => ({ ...row })),
        {
          regionCode: FUNNEL_TOTAL_KEY,
          regionName: '合计',
          fieldCode: FUNNEL_TOTAL_KEY,
          fieldName: '合计',
          ...report.total,
        },
      ],
    },
  ];
}
