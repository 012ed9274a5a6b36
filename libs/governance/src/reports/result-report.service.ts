import { Injectable } from '@nestjs/common';
import { OrgDirectory } from '@pilotlink/identity';
import type { Actor } from '@pilotlink/core';
import { ResultStats } from '@pilotlink/research';
import type { ResultStatsRow } from '@pilotlink/research';
import type { ResultCountsDto, ResultReportDto } from '../dto/result-report.response.dto';
import type { ResultReportGrouping } from '../dto/result-report.request.dto';
import type { ReportTable } from './report-export';
import { fieldLabel, regionLabel, UNKNOWN } from './report-scope';

/** No cap on the institutes of a jurisdiction (OrgDirectory's default is 5000). */
const ALL_ORGS = 1_000_000;
const COUNTS = ['published', 'matched', 'inPilot', 'transferred'] as const;

/**
 * 科技成果 (issue 21) published → matched → in pilot → transferred, per result field or institute
 * region. Reads research through its `ResultStats` port; a bureau sees the institutes in its
 * jurisdiction (OrgDirectory), an admin all of them.
 */
@Injectable()
export class ResultReportService {
  constructor(
    private readonly stats: ResultStats,
    private readonly orgs: OrgDirectory,
  ) {}

  async report(actor: Actor, groupBy: ResultReportGrouping): Promise<ResultReportDto> {
    const scope = actor.orgKind === 'ADMIN' ? null : await this.orgs.orgIdsInJurisdiction(actor.regionCode, ALL_ORGS);
    const stats = await this.stats.byInstituteAndField(scope);
    const regions =
      groupBy === 'region' ? await this.orgs.regionsOf([...new Set(stats.map((s) => s.instituteOrgId))]) : null;
    const keyOf = (row: ResultStatsRow) => (regions ? (regions.get(row.instituteOrgId) ?? UNKNOWN) : row.fieldCode);
    const groups = new Map<string, ResultCountsDto>();
    const total = zero();
    for (const row of stats) {
      const key = keyOf(row);
      const group = groups.get(key) ?? zero();
      groups.set(key, group);
      for (const count of COUNTS) {
        group[count] += row[count];
        total[count] += row[count];
      }
    }
    return {
      groupBy,
      rows: [...groups.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, counts]) => ({ key, label: regions ? regionLabel(key) : fieldLabel(key), ...counts })),
      total,
    };
  }
}

function zero(): ResultCountsDto {
  return { published: 0, matched: 0, inPilot: 0, transferred: 0 };
}

/** Marks the total row in the flat layout. */
export const RESULT_TOTAL_KEY = 'TOTAL';

/** One table: a row per field or region (key, label, the four counts), last the total row (key `TOTAL`). */
export function resultReportTables(report: ResultReportDto): ReportTable[] {
  return [
    {
      name: `results-by-${report.groupBy}`,
      columns: ['key', 'label', ...COUNTS],
      rows: [...report.rows.map((row) => ({ ...row })), { key: RESULT_TOTAL_KEY, label: '合计', ...report.total }],
    },
  ];
}
