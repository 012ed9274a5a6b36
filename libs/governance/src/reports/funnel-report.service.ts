import { Injectable } from '@nestjs/common';
import { jurisdictionPrefix } from '@pilotlink/identity';
import type { Actor } from '@pilotlink/core';
import { FunnelCountsDto, FunnelReportDto, FunnelRowDto } from '../dto/report.response.dto';
import { FunnelReportQueryDto } from '../dto/report.request.dto';
import { FunnelReportReadModel } from './funnel-report.read-model';
import type { CountRow } from './funnel-report.read-model';
import type { ReportTable } from './report-export';
import { chinaYearStart, fieldLabel, jurisdictionPattern, regionLabel } from './report-scope';

export const FUNNEL_STAGES = ['published', 'matched', 'quoted', 'ordered', 'completed', 'reimbursed'] as const;

/**
 * The funnel (SPEC §7) of the demands published in a year by SMEs in the bureau's jurisdiction:
 * published → matched (a platform was notified of the publication) → quoted → ordered → completed →
 * reimbursed (a voucher claim APPROVED or PAID on one of its orders). Each stage counts the demands
 * that reached it, per SME region × demand field and in total.
 */
@Injectable()
export class FunnelReportService {
  constructor(private readonly readModel: FunnelReportReadModel) {}

  async report(actor: Actor, query: FunnelReportQueryDto): Promise<FunnelReportDto> {
    const rows = await this.readModel.counts({
      from: chinaYearStart(query.year),
      to: chinaYearStart(query.year + 1),
      jurisdiction: jurisdictionPattern(actor),
      region: query.regionCode ? `${jurisdictionPrefix(query.regionCode)}%` : null,
      fieldCode: query.fieldCode ?? null,
    });
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
