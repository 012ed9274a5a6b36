import { ApiProperty } from '@nestjs/swagger';
import { RECOGNITION_LEVELS, SERVICE_CATEGORIES } from '@pilotlink/core';
import { parseFen } from '@pilotlink/core';
import { EXCLUDABLE_PURPOSES, PROGRAM_KINDS, PROGRAM_STATUSES, REDEMPTION_MODES } from '../domain/program';
import type { ProgramKind, ProgramStatus, RedemptionMode } from '../domain/program';
import type { ReimbursementRule } from '../domain/rule';
import type { Cofunder, VoucherProgram } from '../entities/voucher-program.entity';
import { rulesOf } from '../programs/program-rules';
import { CofunderDto, RULE_ROUNDING, RuleDto } from './program.request.dto';
import type { ProgramRulesDto } from './program.request.dto';

export class ProgramResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() bureauOrgId: string;
  @ApiProperty({ enum: PROGRAM_KINDS }) kind: ProgramKind;
  @ApiProperty() name: string;
  @ApiProperty() year: number;
  @ApiProperty({ enum: PROGRAM_STATUSES }) status: ProgramStatus;
  @ApiProperty({ type: RuleDto, description: RULE_ROUNDING }) rule: ReimbursementRule;
  @ApiProperty() maxVoucherFen: number;
  @ApiProperty({ nullable: true, type: Number }) capPerSmeYearFen: number | null;
  @ApiProperty({ nullable: true, type: Number }) capPerOrderFen: number | null;
  @ApiProperty({ nullable: true, type: Number }) capPerPlatformYearFen: number | null;
  @ApiProperty() onePerPair: boolean;
  @ApiProperty() smeTechOnly: boolean;
  @ApiProperty() smeTeamsAllowed: boolean;
  @ApiProperty({ type: [String] }) smeRegionCodes: string[];
  @ApiProperty({ type: [String] }) smeFieldCodes: string[];
  @ApiProperty({ enum: SERVICE_CATEGORIES, isArray: true }) eligibleCategories: string[];
  @ApiProperty({ enum: EXCLUDABLE_PURPOSES, isArray: true }) excludedPurposes: string[];
  @ApiProperty({ type: [String] }) platformIds: string[];
  @ApiProperty({ enum: RECOGNITION_LEVELS }) minRecognitionLevel: string;
  @ApiProperty() applyFrom: string;
  @ApiProperty() applyUntil: string;
  @ApiProperty() validityDays: number;
  @ApiProperty({ enum: REDEMPTION_MODES }) redemptionMode: RedemptionMode;
  @ApiProperty({ type: [CofunderDto] }) cofunders: Cofunder[];
  @ApiProperty() noticeDays: number;
  @ApiProperty({ description: 'Days after completion to claim a hold that survived its voucher’s expiry' })
  claimWindowDays: number;
  @ApiProperty() spotCheckBp: number;
  @ApiProperty({ description: 'Whoever approved a claim may not pay it' }) makerChecker: boolean;
  @ApiProperty({ description: 'Everything granted so far, fen' }) budgetFen: number;
  @ApiProperty({ description: 'Rules are frozen once a voucher is issued' }) rulesLocked: boolean;
  @ApiProperty() createdAt: Date;

  static from(p: VoucherProgram): ProgramResponseDto {
    const rules = rulesOf(p) as Required<ProgramRulesDto>;
    return {
      ...rules,
      rule: p.rule,
      id: p.id,
      bureauOrgId: p.bureauOrgId,
      status: p.status,
      budgetFen: parseFen(p.budgetFen),
      rulesLocked: p.rulesLockedAt !== null,
      createdAt: p.createdAt,
    };
  }
}

export class CofunderSummaryDto {
  @ApiProperty() key: string;
  @ApiProperty() name: string;
  @ApiProperty() shareBp: number;
  @ApiProperty({ description: "This co-funder's share of the budget, fen" }) budgetFen: number;
  @ApiProperty({ description: 'Paid out by this co-funder, fen' }) paidFen: number;
}

export class ProgramSummaryDto {
  @ApiProperty() programId: string;
  @ApiProperty({ description: 'Granted in total' }) budgetFen: number;
  @ApiProperty({ description: 'Taken from the budget by vouchers, net of what expiry returned' }) issuedFen: number;
  @ApiProperty({ description: 'Held on orders' }) heldFen: number;
  @ApiProperty({ description: 'Issued, not held, not yet used' }) availableOnVouchersFen: number;
  @ApiProperty({ description: 'Approved claims not yet paid' }) payableFen: number;
  @ApiProperty() paidFen: number;
  @ApiProperty({ description: 'Budget not issued' }) remainingFen: number;
  @ApiProperty() vouchersIssued: number;
  @ApiProperty({ description: 'Unused balances of expired vouchers returned to the budget' })
  returnedOnExpiryFen: number;
  @ApiProperty({ type: [CofunderSummaryDto] }) cofunders: CofunderSummaryDto[];
}

export class LedgerPostingDto {
  @ApiProperty() account: string;
  @ApiProperty({ nullable: true, type: String }) voucherId: string | null;
  @ApiProperty({ nullable: true, type: String }) cofunderKey: string | null;
  @ApiProperty({ description: 'Signed fen: negative leaves the account' }) amountFen: number;
}

export class LedgerTransactionDto {
  @ApiProperty() id: string;
  @ApiProperty() kind: string;
  @ApiProperty() refType: string;
  @ApiProperty() refId: string;
  @ApiProperty({ nullable: true, type: String }) memo: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: [LedgerPostingDto] }) postings: LedgerPostingDto[];
}

export class LedgerPageDto {
  @ApiProperty({ type: [LedgerTransactionDto] }) items: LedgerTransactionDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() limit: number;
}

export class LedgerAccountDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['FUNDING', 'BUDGET', 'VOUCHER', 'HOLD', 'PAYABLE', 'PAID'] }) kind: string;
  @ApiProperty({ nullable: true, type: String }) voucherId: string | null;
  @ApiProperty({ nullable: true, type: String }) cofunderKey: string | null;
  @ApiProperty({ description: 'Signed fen (FUNDING is negative: the money granted)' }) balanceFen: number;
}

export class LedgerViolationDto {
  @ApiProperty({ example: 'transaction-balanced' }) invariant: string;
  @ApiProperty() detail: string;
}

export class LedgerBalancesDto {
  @ApiProperty() programId: string;
  @ApiProperty({ type: [LedgerAccountDto] }) accounts: LedgerAccountDto[];
  @ApiProperty({ description: 'When the verifier ran (now)' }) verifiedAt: Date;
  @ApiProperty({ description: 'How many invariants the verifier checked' }) invariantsChecked: number;
  @ApiProperty({ type: [LedgerViolationDto], description: "Broken invariants that name this program's rows" })
  violations: LedgerViolationDto[];
}
