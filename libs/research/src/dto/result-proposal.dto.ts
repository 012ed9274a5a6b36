import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { IP_OWNERSHIPS, IpTermsResponseDto } from '@pilotlink/booking';
import type { IpOwnership } from '@pilotlink/booking';
import { pageDtoOf, parseFen, trimString } from '@pilotlink/core';
import { PROPOSAL_DECLINE_REASONS, PROPOSAL_STATUSES } from '../proposals/result-proposal';
import type { ProposalDeclineReason, ProposalStatus } from '../proposals/result-proposal';
import type { ResultProposal } from '../proposals/result-proposal.entity';

export class SubmitResultProposalDto {
  @ApiProperty({ format: 'uuid', description: 'Your listed platform that would verify the result' })
  @IsUUID()
  platformId: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Your published service the verification is delivered under' })
  @IsOptional()
  @IsUUID()
  serviceId?: string;

  @ApiProperty({ description: 'fen', example: 15_000_000 })
  @IsInt()
  @Min(1)
  @Max(10_000_000_000)
  priceFen: number;

  @ApiProperty({ example: 60 })
  @IsInt()
  @Min(1)
  @Max(3650)
  timelineDays: number;

  @ApiProperty({ example: '工艺放大验证 3 批次 + 性能检测报告' })
  @Transform(trimString)
  @IsString()
  @Length(2, 10_000)
  scope: string;

  @ApiProperty({ example: '2027-01-31', description: 'Last day the institute can accept it' })
  @IsDateString({ strict: true })
  validUntil: string;

  @ApiPropertyOptional({
    enum: IP_OWNERSHIPS,
    description:
      'Who owns what the pilot produces: BUYER (the institute), PLATFORM, SHARED (with ipBuyerShareBp) or PER_CONTRACT',
  })
  @IsOptional()
  @IsIn(IP_OWNERSHIPS)
  ipOwnership?: IpOwnership;

  @ApiPropertyOptional({ minimum: 1, maximum: 9999, description: 'SHARED only: the buyer’s share in basis points' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(9999)
  ipBuyerShareBp?: number;

  @ApiPropertyOptional({ description: '收益分配 (谁投入谁获益)' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 2000)
  benefitSharingNote?: string;
}

export class AcceptResultProposalDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'A verified SME adopting the result that co-funds the pilot: it reads the order',
  })
  @IsOptional()
  @IsUUID()
  coFunderOrgId?: string;
}

export class DeclineResultProposalDto {
  @ApiProperty({
    enum: PROPOSAL_DECLINE_REASONS.filter((r) => r !== 'CHOSE_ANOTHER'),
    description: 'Shown to the platform',
  })
  @IsIn(PROPOSAL_DECLINE_REASONS.filter((r) => r !== 'CHOSE_ANOTHER'))
  reason: ProposalDeclineReason;
}

export class ResultProposalResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) resultId: string;
  @ApiProperty({ format: 'uuid' }) platformId: string;
  @ApiProperty({ description: 'The proposing platform’s name' }) platformName: string;
  @ApiProperty({ format: 'uuid' }) platformOrgId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) serviceId: string | null;
  @ApiProperty({ description: 'fen' }) priceFen: number;
  @ApiProperty() timelineDays: number;
  @ApiProperty() scope: string;
  @ApiProperty() validUntil: string;
  @ApiProperty({ type: IpTermsResponseDto }) ipTerms: IpTermsResponseDto;
  @ApiProperty({ enum: PROPOSAL_STATUSES }) status: ProposalStatus;
  @ApiProperty({ enum: PROPOSAL_DECLINE_REASONS, nullable: true, type: String }) declineReason: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) coFunderOrgId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Set once accepted: the order' })
  orderId: string | null;
  @ApiProperty() createdAt: Date;

  static from(p: ResultProposal, platformName: string): ResultProposalResponseDto {
    return {
      id: p.id,
      resultId: p.resultId,
      platformId: p.platformId,
      platformName,
      platformOrgId: p.platformOrgId,
      serviceId: p.serviceId,
      priceFen: parseFen(p.priceFen),
      timelineDays: p.timelineDays,
      scope: p.scope,
      validUntil: p.validUntil,
      ipTerms: IpTermsResponseDto.from(p),
      status: p.status,
      declineReason: p.declineReason,
      coFunderOrgId: p.coFunderOrgId,
      orderId: p.orderId,
      createdAt: p.createdAt,
    };
  }
}

export class ResultProposalPageDto extends pageDtoOf(ResultProposalResponseDto, 'ResultProposalPageDto') {}
