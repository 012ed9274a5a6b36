import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { IP_OWNERSHIPS } from '@pilotlink/booking';
import type { IpOwnership } from '@pilotlink/booking';
import { trimString } from '@pilotlink/core';
import { PROPOSAL_DECLINE_REASONS } from '../proposals/result-proposal';
import type { ProposalDeclineReason } from '../proposals/result-proposal';

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
