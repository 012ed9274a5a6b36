import { ApiProperty } from '@nestjs/swagger';
import { GRADES } from '../domain/evaluation';
import type { Grade } from '../domain/evaluation';

// ---- per program ----

export class ProgramReportTotalsDto {
  @ApiProperty({ description: 'Granted in total (−FUNDING)' }) budgetFen: number;
  @ApiProperty({ description: 'Taken from the budget by vouchers, net of expiry returns' }) issuedFen: number;
  @ApiProperty({ description: 'Held on orders (HOLD accounts)' }) heldFen: number;
  @ApiProperty({ description: 'On vouchers, neither held nor used (VOUCHER accounts)' }) availableOnVouchersFen: number;
  @ApiProperty({ description: 'Approved claims not yet paid (PAYABLE)' }) payableFen: number;
  @ApiProperty({ description: 'Paid out (PAID accounts)' }) paidFen: number;
  @ApiProperty({ description: 'Budget not issued (BUDGET)' }) remainingFen: number;
  @ApiProperty({ description: 'Claims APPROVED or PAID, summed from the claims (equals payable + paid)' })
  reimbursedFen: number;
  @ApiProperty() claimsReimbursed: number;
}

export class ProgramReportCofunderDto {
  @ApiProperty() key: string;
  @ApiProperty() name: string;
  @ApiProperty() shareBp: number;
  @ApiProperty({ description: "The co-funder's share of the budget (split by basis points)" }) budgetFen: number;
  @ApiProperty({ description: "From the co-funder's PAID account" }) paidFen: number;
}

export class ReimbursementRowDto {
  @ApiProperty({ description: 'Field code, region code, platform id or YYYY-MM (UNKNOWN when missing)' })
  key: string;
  @ApiProperty({ description: 'Field, region or platform name; the month again for months' }) label: string;
  @ApiProperty({ description: 'Claims APPROVED or PAID' }) claims: number;
  @ApiProperty({ description: 'Their amount (approved + paid)' }) amountFen: number;
  @ApiProperty({ description: 'Of which paid' }) paidFen: number;
}

export class ProgramReportDto {
  @ApiProperty() programId: string;
  @ApiProperty() name: string;
  @ApiProperty() year: number;
  @ApiProperty() status: string;
  @ApiProperty() redemptionMode: string;
  @ApiProperty({ type: ProgramReportTotalsDto }) totals: ProgramReportTotalsDto;
  @ApiProperty({ type: [ProgramReportCofunderDto] }) cofunders: ProgramReportCofunderDto[];
  @ApiProperty({
    type: [ReimbursementRowDto],
    description: "By industry field: the order's service's first field code, else its demand's field",
  })
  byField: ReimbursementRowDto[];
  @ApiProperty({ type: [ReimbursementRowDto], description: "By the SME's region code" })
  byRegion: ReimbursementRowDto[];
  @ApiProperty({ type: [ReimbursementRowDto], description: 'By platform' }) byPlatform: ReimbursementRowDto[];
  @ApiProperty({
    type: [ReimbursementRowDto],
    description: 'By month of approval (China time), oldest first',
  })
  byMonth: ReimbursementRowDto[];
}

// ---- per platform ----

export class PlatformReportRowDto {
  @ApiProperty() platformId: string;
  @ApiProperty() name: string;
  @ApiProperty() regionCode: string;
  @ApiProperty() recognitionLevel: string;
  @ApiProperty() ordersCompleted: number;
  @ApiProperty({ description: 'Completed, paid orders in the year, fen' }) serviceRevenueFen: number;
  @ApiProperty() smesServed: number;
  @ApiProperty({ description: 'Basis points' }) externalUserShareBp: number;
  @ApiProperty({ nullable: true, type: Number }) ratingAvg: number | null;
  @ApiProperty({ nullable: true, type: Number }) medianFirstQuoteMinutes: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Basis points' }) sharingRateBp: number | null;
  @ApiProperty() claimsRejected: number;
  @ApiProperty({ description: 'Evaluation score the indicators give (0–100)' }) score: number;
  @ApiProperty({ enum: GRADES, description: 'The grade the indicators suggest (the bureau decides)' })
  suggestedGrade: Grade;
}

export class PlatformReportDto {
  @ApiProperty() year: number;
  @ApiProperty({ type: [PlatformReportRowDto] }) rows: PlatformReportRowDto[];
}

// ---- funnel ----

export class FunnelCountsDto {
  @ApiProperty({ description: 'Demands published in the year' }) published: number;
  @ApiProperty({ description: '…of which at least one platform was notified of the publication' }) matched: number;
  @ApiProperty({ description: '…with at least one quote' }) quoted: number;
  @ApiProperty({ description: '…with an order' }) ordered: number;
  @ApiProperty({ description: '…with a COMPLETED order' }) completed: number;
  @ApiProperty({ description: '…with a voucher claim APPROVED or PAID on such an order' }) reimbursed: number;
}

export class FunnelRowDto extends FunnelCountsDto {
  @ApiProperty({ description: "The SME's region code" }) regionCode: string;
  @ApiProperty() regionName: string;
  @ApiProperty({ description: "The demand's industry field code" }) fieldCode: string;
  @ApiProperty() fieldName: string;
}

export class FunnelReportDto {
  @ApiProperty() year: number;
  @ApiProperty({ nullable: true, type: String }) regionCode: string | null;
  @ApiProperty({ nullable: true, type: String }) fieldCode: string | null;
  @ApiProperty({ type: [FunnelRowDto], description: 'Per SME region × demand field' }) rows: FunnelRowDto[];
  @ApiProperty({ type: FunnelCountsDto }) total: FunnelCountsDto;
}
