import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { parseFen } from '@pilotlink/core';
import { APPLICATION_STATUSES, VOUCHER_STATUSES } from '../domain/voucher-state';
import type { ApplicationStatus, VoucherStatus } from '../domain/voucher-state';
import { VoucherApplication } from '../entities/voucher.entity';
import { RULE_ROUNDING } from './program.request.dto';

export class ApplicationResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() programId: string;
  @ApiProperty() smeOrgId: string;
  @ApiProperty({ example: '晋江市鞋材科技有限公司', description: "The applicant SME's name" }) smeOrgName: string;
  @ApiProperty({ description: "Failed spot checks of the SME's claims: for the bureau's attention (0 = none)" })
  failedSpotChecks: number;
  @ApiProperty() requestedFen: number;
  @ApiProperty({ nullable: true, type: Number }) approvedFen: number | null;
  @ApiProperty() purpose: string;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status: ApplicationStatus;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ nullable: true, type: String }) voucherId: string | null;
  @ApiProperty({ nullable: true, type: Date }) decidedAt: Date | null;
  @ApiProperty() createdAt: Date;

  static from(a: VoucherApplication & { smeOrgName: string; failedSpotChecks?: number }): ApplicationResponseDto {
    return {
      id: a.id,
      programId: a.programId,
      smeOrgId: a.smeOrgId,
      smeOrgName: a.smeOrgName,
      failedSpotChecks: a.failedSpotChecks ?? 0,
      requestedFen: parseFen(a.requestedFen),
      approvedFen: a.approvedFen === null ? null : parseFen(a.approvedFen),
      purpose: a.purpose,
      status: a.status,
      reason: a.reason,
      voucherId: a.voucherId,
      decidedAt: a.decidedAt,
      createdAt: a.createdAt,
    };
  }
}

export class VoucherHoldSummaryDto {
  @ApiProperty() holdId: string;
  @ApiProperty() orderId: string;
  @ApiProperty() amountFen: number;
  @ApiProperty() status: string;
  @ApiProperty({
    description: 'Kept past the voucher’s expiry: its order was contracted before valid_until (SPEC §6 releases)',
  })
  survivesExpiry: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'A surviving hold: the last day to file its claim (completion + the program’s claim window); null until the order is completed',
  })
  claimBy: string | null;
}

export class VoucherResponseDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'QV2026-7K3M-9XQ2-T' }) code: string;
  @ApiProperty() programId: string;
  @ApiProperty() programName: string;
  @ApiProperty() redemptionMode: string;
  @ApiProperty() faceValueFen: number;
  @ApiProperty({ description: 'Face value not yet used: available + held' }) balanceFen: number;
  @ApiProperty() availableFen: number;
  @ApiProperty() heldFen: number;
  @ApiProperty({ enum: VOUCHER_STATUSES }) status: VoucherStatus;
  @ApiProperty() validFrom: string;
  @ApiProperty() validUntil: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Whole days left until it expires (0 on its last day); null once expired',
  })
  daysLeft: number | null;
  @ApiProperty({ type: [String], description: 'Service categories it can be spent on (empty: any)' })
  eligibleCategories: string[];
  @ApiProperty({ type: [VoucherHoldSummaryDto] }) holds: VoucherHoldSummaryDto[];
  @ApiProperty({ description: 'Days after completion to claim a hold that survives this voucher’s expiry' })
  claimWindowDays: number;
}

export class HoldResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() orderId: string;
  @ApiProperty() voucherId: string;
  @ApiProperty() programId: string;
  @ApiProperty({
    description:
      "Held, fen: the program's rule applied to the order amount, then limited by the voucher balance and every cap. " +
      RULE_ROUNDING,
  })
  amountFen: number;
  @ApiProperty({ description: 'Which bound decided the amount: RULE, VOUCHER_BALANCE or a cap' }) limitedBy?: string;
  @ApiProperty() status: string;
  @ApiProperty({ description: 'DEDUCT programs: what the SME owes on the order now' }) owedBySmeFen?: number;
}

export class VoucherOptionDto {
  @ApiProperty() voucherId: string;
  @ApiProperty() code: string;
  @ApiProperty() programId: string;
  @ApiProperty() programName: string;
  @ApiProperty() redemptionMode: string;
  @ApiProperty({
    description: `What this voucher would pay of the order, fen (0 if it cannot). ${RULE_ROUNDING}`,
  })
  amountFen: number;
  @ApiProperty({ nullable: true, type: String }) limitedBy: string | null;
  @ApiProperty({ type: [String], description: 'Why it cannot be used; empty = usable' }) reasons: string[];
  @ApiProperty() validUntil: string;
  @ApiProperty({ description: 'The one that pays most (就高不重复)' }) best: boolean;
}

export class VoucherOptionsDto {
  @ApiProperty() orderId: string;
  @ApiProperty() orderAmountFen: number;
  @ApiProperty({ nullable: true, type: HoldResponseDto }) currentHold: HoldResponseDto | null;
  @ApiProperty({ type: [VoucherOptionDto] }) options: VoucherOptionDto[];
  @ApiPropertyOptional({
    enum: ['BUYER_NOT_SME'],
    description:
      'Set when no voucher can apply to this order whatever the program: BUYER_NOT_SME — the buyer is not an SME ' +
      '(an institute verifying its research result); vouchers are for SMEs by every program’s SME eligibility',
  })
  buyerIneligible?: 'BUYER_NOT_SME';
  @ApiPropertyOptional({ description: 'Why, in Chinese, for the portal' }) buyerIneligibleMessage?: string;
}

export class QuoteVoucherOptionsDto {
  @ApiProperty({ format: 'uuid' }) quoteId: string;
  @ApiProperty({ description: "The quote's price, fen: the amount the order would have" }) quoteAmountFen: number;
  @ApiProperty({
    description:
      'What the best voucher would pay were this quote accepted now, fen (0 when none can): an estimate — the ' +
      'hold placed on the order is computed again then, against the balances and caps of that moment.',
  })
  estimatedSubsidyFen: number;
  @ApiProperty({ nullable: true, type: String, description: 'The program of that voucher' })
  bestProgramName: string | null;
  @ApiProperty({ type: [VoucherOptionDto], description: 'Each voucher, best first (就高不重复), or why not' })
  options: VoucherOptionDto[];
}
