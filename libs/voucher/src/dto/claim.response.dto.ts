import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { pageDtoOf, parseFen } from '@pilotlink/core';
import { CLAIM_STATUSES } from '../domain/voucher-state';
import type { ClaimStatus } from '../domain/voucher-state';
import { DisbursementBatch, SpotCheckRecord, VoucherClaim } from '../entities/voucher-claim.entity';
import { SpotCheckResponseDto } from './spot-check.response.dto';

export class ClaimCheckDto {
  @ApiProperty() code: string;
  @ApiProperty() passed: boolean;
  @ApiProperty() detail: string;
}

export class PayoutDto {
  @ApiProperty() cofunderKey: string;
  @ApiProperty() amountFen: number;
}

export class ClaimShareholderDto {
  @ApiProperty() holderKey: string;
  @ApiProperty() holderName: string;
  @ApiProperty({ description: 'basis points' }) shareBp: number;
}

export class ClaimPartyDto {
  @ApiProperty() orgId: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) uscc: string | null;
  @ApiProperty({ nullable: true, type: String }) legalRepresentative: string | null;
  @ApiProperty({ type: [ClaimShareholderDto] }) shareholders: ClaimShareholderDto[];
}

export class ClaimResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() orderId: string;
  @ApiProperty() holdId: string;
  @ApiProperty() voucherId: string;
  @ApiProperty() programId: string;
  @ApiProperty() platformId: string;
  @ApiProperty() smeOrgId: string;
  @ApiProperty() payeeOrgId: string;
  @ApiProperty() amountFen: number;
  @ApiProperty() contractNumber: string;
  @ApiProperty() invoiceNumber: string;
  @ApiProperty() invoiceAmountFen: number;
  @ApiProperty() paymentReference: string;
  @ApiProperty({ nullable: true, type: String }) acceptanceFileId: string | null;
  @ApiProperty({ type: [ClaimCheckDto], description: 'Automatic checks, shown to the reviewer' })
  checks: ClaimCheckDto[];
  @ApiProperty({ type: [String], description: 'Integrity flags for the reviewer' }) flags: string[];
  @ApiProperty({ description: 'Sampled for a spot check' }) spotCheck: boolean;
  @ApiPropertyOptional({
    type: SpotCheckResponseDto,
    nullable: true,
    description: 'Bureau or admin: the recorded spot check (抽查) of a sampled claim, null until recorded',
  })
  spotCheckRecord?: SpotCheckResponseDto | null;
  @ApiProperty({ enum: CLAIM_STATUSES }) status: ClaimStatus;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Public notice (公示) runs until this date (included); paid from the day after. Null: no notice',
  })
  noticeUntil: string | null;
  @ApiProperty({ nullable: true, type: Date }) decidedAt: Date | null;
  @ApiProperty({ nullable: true, type: String, description: 'The bureau user who decided it (maker-checker)' })
  decidedByUserId: string | null;
  @ApiProperty({ nullable: true, type: Date }) paidAt: Date | null;
  @ApiProperty({ nullable: true, type: String }) batchId: string | null;
  @ApiPropertyOptional({ type: [PayoutDto] }) payouts?: PayoutDto[];
  @ApiPropertyOptional({
    type: [ClaimPartyDto],
    description:
      'Bureau or admin, one claim: the SME (first) and the platform host, with their shareholders (关联交易 review)',
  })
  parties?: ClaimPartyDto[];
  @ApiProperty() createdAt: Date;

  static from(
    c: VoucherClaim,
    payouts?: { cofunderKey: string; amountFen: string }[],
    parties?: ClaimPartyDto[],
    spotCheckRecord?: SpotCheckRecord | null,
  ): ClaimResponseDto {
    return {
      id: c.id,
      orderId: c.orderId,
      holdId: c.holdId,
      voucherId: c.voucherId,
      programId: c.programId,
      platformId: c.platformId,
      smeOrgId: c.smeOrgId,
      payeeOrgId: c.payeeOrgId,
      amountFen: parseFen(c.amountFen),
      contractNumber: c.contractNumber,
      invoiceNumber: c.invoiceNumber,
      invoiceAmountFen: parseFen(c.invoiceAmountFen),
      paymentReference: c.paymentReference,
      acceptanceFileId: c.acceptanceFileId,
      checks: c.checks,
      flags: c.flags,
      spotCheck: c.spotCheck,
      ...(spotCheckRecord !== undefined && {
        spotCheckRecord: spotCheckRecord && SpotCheckResponseDto.from(spotCheckRecord),
      }),
      status: c.status,
      reason: c.reason,
      noticeUntil: c.noticeUntil,
      decidedAt: c.decidedAt,
      decidedByUserId: c.decidedByUserId,
      paidAt: c.paidAt,
      batchId: c.batchId,
      ...(payouts && {
        payouts: payouts.map((p) => ({ cofunderKey: p.cofunderKey, amountFen: parseFen(p.amountFen) })),
      }),
      ...(parties && { parties }),
      createdAt: c.createdAt,
    };
  }
}

export class BatchResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() programId: string;
  @ApiProperty() reference: string;
  @ApiProperty() totalFen: number;
  @ApiProperty() claimCount: number;
  @ApiProperty({ type: [PayoutDto], description: 'What each co-funder paid in this batch' }) byCofunder: PayoutDto[];
  @ApiProperty({ type: [String] }) claimIds: string[];
  @ApiProperty() createdAt: Date;

  static from(b: DisbursementBatch, claimIds: string[], byCofunder: PayoutDto[]): BatchResponseDto {
    return {
      id: b.id,
      programId: b.programId,
      reference: b.reference,
      totalFen: parseFen(b.totalFen),
      claimCount: b.claimCount,
      byCofunder,
      claimIds,
      createdAt: b.createdAt,
    };
  }
}

export class PublicNoticeItemDto {
  @ApiProperty() claimId: string;
  @ApiProperty({ description: 'Beneficiary (the SME)' }) smeName: string;
  @ApiProperty() platformName: string;
  @ApiProperty() amountFen: number;
  @ApiProperty() approvedOn: string;
  @ApiProperty({ description: 'The last day of the notice; objections (异议) are lodged until then' })
  noticeUntil: string;
  @ApiProperty({
    enum: ['APPROVED', 'UNDER_OBJECTION'],
    description: 'UNDER_OBJECTION: an objection awaits the bureau',
  })
  status: 'APPROVED' | 'UNDER_OBJECTION';
}

export class PublicNoticePageDto extends pageDtoOf(PublicNoticeItemDto, 'PublicNoticePageDto') {}
