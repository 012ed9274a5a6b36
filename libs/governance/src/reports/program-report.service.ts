import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parseFen } from '@pilotlink/core';
import type { Actor } from '@pilotlink/identity';
import { ProgramReportsService, VoucherProgram } from '@pilotlink/voucher';
import { DataSource } from 'typeorm';
import { ProgramReportDto, ReimbursementRowDto } from '../dto/report.dto';
import type { ReportTable } from './report-export';
import { fieldLabel, regionLabel, UNKNOWN } from './report-scope';

type Dimension = 'field' | 'region' | 'platform' | 'month';

interface GroupRow {
  dimension: Dimension;
  key: string | null;
  label: string | null;
  claims: number;
  amount: string;
  paid: string;
}

/**
 * The report of one voucher program (SPEC §7): its money from the ledger — the program summary
 * itself, with its access rule — and its reimbursements (claims APPROVED or PAID) by field, region, platform
 * and month. Only the bureau running the program sees it (anyone else: 404); admins see all.
 */
@Injectable()
export class ProgramReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly summaries: ProgramReportsService,
  ) {}

  async report(actor: Actor, id: string): Promise<ProgramReportDto> {
    const manager = this.dataSource.manager;
    // The summary answers 404 unless the actor's bureau runs the program (or an admin asks).
    const summary = await this.summaries.summary(actor, id);
    const program = await manager.findOneByOrFail(VoucherProgram, { id });
    const groups = await this.reimbursements(id);
    const byDimension = (dimension: Dimension) => groups.filter((g) => g.dimension === dimension).map(toRow);
    const byMonth = byDimension('month').sort((a, b) => a.key.localeCompare(b.key));
    return {
      programId: id,
      name: program.name,
      year: program.year,
      status: program.status,
      redemptionMode: program.redemptionMode,
      totals: {
        budgetFen: summary.budgetFen,
        issuedFen: summary.issuedFen,
        heldFen: summary.heldFen,
        availableOnVouchersFen: summary.availableOnVouchersFen,
        payableFen: summary.payableFen,
        paidFen: summary.paidFen,
        remainingFen: summary.remainingFen,
        // every claim is in exactly one month: the months add up to the whole
        reimbursedFen: byMonth.reduce((sum, row) => sum + row.amountFen, 0),
        claimsReimbursed: byMonth.reduce((sum, row) => sum + row.claims, 0),
      },
      cofunders: summary.cofunders,
      byField: byDimension('field').sort(largestFirst),
      byRegion: byDimension('region').sort(largestFirst),
      byPlatform: byDimension('platform').sort(largestFirst),
      byMonth,
    };
  }

  /** The claims APPROVED or PAID, grouped four ways in one pass (GROUPING SETS). */
  private reimbursements(programId: string): Promise<GroupRow[]> {
    return this.dataSource.manager.query<GroupRow[]>(
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

function toRow(group: GroupRow): ReimbursementRowDto {
  const key = group.key ?? UNKNOWN;
  const label =
    group.dimension === 'field'
      ? fieldLabel(group.key)
      : group.dimension === 'region'
        ? regionLabel(group.key)
        : group.dimension === 'platform'
          ? (group.label ?? key)
          : key;
  return { key, label, claims: group.claims, amountFen: parseFen(group.amount), paidFen: parseFen(group.paid) };
}

function largestFirst(a: ReimbursementRowDto, b: ReimbursementRowDto): number {
  return b.amountFen - a.amountFen || a.key.localeCompare(b.key);
}

const REIMBURSEMENT_COLUMNS = ['key', 'label', 'claims', 'amountFen', 'paidFen'] as const;

/** Labels of the totals, in the order the CSV and the sheet list them. */
const TOTAL_LABELS: Record<keyof ProgramReportDto['totals'], string> = {
  budgetFen: '预算总额',
  issuedFen: '已发券',
  heldFen: '已冻结',
  availableOnVouchersFen: '券上可用',
  payableFen: '待拨付',
  paidFen: '已拨付',
  remainingFen: '未发预算',
  reimbursedFen: '已核准兑付',
  claimsReimbursed: '已核准兑付笔数',
};

/**
 * The flat layout of a program report: `totals` (key, label, value — one row per total),
 * `cofunders` (key, label, shareBp, budgetFen, paidFen), then `byField`, `byRegion`, `byPlatform`,
 * `byMonth` (key, label, claims, amountFen, paidFen). CSV: one file with a `section` column; XLSX:
 * one sheet per section.
 */
export function programReportTables(report: ProgramReportDto): ReportTable[] {
  const reimbursementTable = (name: string, rows: ReimbursementRowDto[]): ReportTable => ({
    name,
    columns: REIMBURSEMENT_COLUMNS,
    rows: rows.map((row) => ({ ...row })),
  });
  return [
    {
      name: 'totals',
      columns: ['key', 'label', 'value'],
      rows: (Object.keys(TOTAL_LABELS) as (keyof typeof TOTAL_LABELS)[]).map((key) => ({
        key,
        label: TOTAL_LABELS[key],
        value: report.totals[key],
      })),
    },
    {
      name: 'cofunders',
      columns: ['key', 'label', 'shareBp', 'budgetFen', 'paidFen'],
      rows: report.cofunders.map((c) => ({
        key: c.key,
        label: c.name,
        shareBp: c.shareBp,
        budgetFen: c.budgetFen,
        paidFen: c.paidFen,
      })),
    },
    reimbursementTable('byField', report.byField),
    reimbursementTable('byRegion', report.byRegion),
    reimbursementTable('byPlatform', report.byPlatform),
    reimbursementTable('byMonth', report.byMonth),
  ];
}
