import { Injectable } from '@nestjs/common';
import { parseFen } from '@pilotlink/core';
import type { Actor } from '@pilotlink/core';
import { ProgramReportsService } from '@pilotlink/voucher';
import { ProgramReportDto, ReimbursementRowDto } from '../dto/report.response.dto';
import { ProgramReportReadModel } from './program-report.read-model';
import type { GroupRow, ReimbursementDimension } from './program-report.read-model';
import type { ReportTable } from './report-export';
import { fieldLabel, regionLabel, UNKNOWN } from './report-scope';

/**
 * The report of one voucher program (SPEC §7): its money from the ledger — the program summary
 * itself, with its access rule — and its reimbursements (claims APPROVED or PAID) by field, region, platform
 * and month. Only the bureau running the program sees it (anyone else: 404); admins see all.
 */
@Injectable()
export class ProgramReportService {
  constructor(
    private readonly readModel: ProgramReportReadModel,
    private readonly summaries: ProgramReportsService,
  ) {}

  async report(actor: Actor, id: string): Promise<ProgramReportDto> {
    // The summary answers 404 unless the actor's bureau runs the program (or an admin asks).
    const summary = await this.summaries.summary(actor, id);
    const program = await this.readModel.program(id);
    const groups = await this.readModel.reimbursements(id);
    const byDimension = (dimension: ReimbursementDimension) =>
      groups.filter((g) => g.dimension === dimension).map(toRow);
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
