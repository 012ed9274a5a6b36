import { ApiProperty } from '@nestjs/swagger';
import { pageDtoOf } from '@pilotlink/core';
import { ClaimObjection } from '../entities/voucher-claim.entity';
import type { ObjectionStatus } from '../entities/voucher-claim.entity';

/** What the objector gets back: a receipt, without anything of the claim that is not already public. */
export class ObjectionReceiptDto {
  @ApiProperty() id: string;
  @ApiProperty() claimId: string;
  @ApiProperty({ enum: ['OPEN', 'UPHELD', 'DISMISSED'] }) status: ObjectionStatus;
  @ApiProperty() createdAt: Date;
}

/** The bureau's view of an objection, with the objector's contact. */
export class ObjectionResponseDto extends ObjectionReceiptDto {
  @ApiProperty() programId: string;
  @ApiProperty() contact: string;
  @ApiProperty() reason: string;
  @ApiProperty({ nullable: true, type: String }) decisionNote: string | null;
  @ApiProperty({ nullable: true, type: Date }) decidedAt: Date | null;

  static from(o: ClaimObjection): ObjectionResponseDto {
    return {
      id: o.id,
      claimId: o.claimId,
      programId: o.programId,
      status: o.status,
      contact: o.contact,
      reason: o.reason,
      decisionNote: o.decisionNote,
      decidedAt: o.decidedAt,
      createdAt: o.createdAt,
    };
  }
}

export class ObjectionPageDto extends pageDtoOf(ObjectionResponseDto, 'ObjectionPageDto') {}
