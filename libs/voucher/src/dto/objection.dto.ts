import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { pageDtoOf, trimString } from '@pilotlink/core';
import { ClaimObjection } from '../entities/voucher-claim.entity';
import type { ObjectionStatus } from '../entities/voucher-claim.entity';

/** The public objection form (异议) of a claim on notice: anyone, no login. */
export class LodgeObjectionDto {
  @ApiProperty({ description: 'How the bureau reaches the objector (phone or email)', example: '138 0000 0000' })
  @Transform(trimString)
  @IsString()
  @Length(3, 120)
  contact: string;
  @ApiProperty({ description: 'What is wrong with the claim', example: '该订单未实际开展中试，验收报告不实' })
  @Transform(trimString)
  @IsString()
  @Length(5, 2000)
  reason: string;
}

export class ObjectionDecisionDto {
  @ApiProperty({ description: "The bureau's finding, told to the claimant", example: '经核查，异议不成立' })
  @Transform(trimString)
  @IsString()
  @Length(1, 2000)
  note: string;
}

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
