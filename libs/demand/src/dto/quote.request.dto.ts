import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { PageQueryDto, trimString } from '@pilotlink/core';
import { IP_OWNERSHIPS } from '@pilotlink/booking';
import type { IpOwnership } from '@pilotlink/booking';
import { QUOTE_STATUSES } from '../domain/demand';
import type { QuoteStatus } from '../domain/demand';
import { DECLINE_REASONS, DeclineReason } from '../domain/demand';

export class QuoteTermsDto {
  @ApiProperty({ description: 'fen', example: 12_000_000 })
  @IsInt()
  @Min(1)
  @Max(10_000_000_000)
  priceFen: number;

  @ApiProperty({ example: 45 })
  @IsInt()
  @Min(1)
  @Max(3650)
  timelineDays: number;

  @ApiProperty({ example: '配方验证 + 3 批次中试放大 + 性能检测报告' })
  @Transform(trimString)
  @IsString()
  @Length(2, 10_000)
  scope: string;

  @ApiProperty({ example: '2027-01-31', description: 'Last day the SME can accept it' })
  @IsDateString({ strict: true })
  validUntil: string;
}

export class SubmitQuoteDto extends QuoteTermsDto {
  @ApiProperty({ format: 'uuid', description: 'Your listed platform that would deliver' })
  @IsUUID()
  platformId: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "The platform's published service the proposal is delivered under: the order's voucher eligibility is " +
      'judged by it (category, voucher flag); without one, the order is not declared voucher-eligible',
  })
  @IsOptional()
  @IsUUID()
  serviceId?: string;

  @ApiPropertyOptional({
    enum: IP_OWNERSHIPS,
    description: 'Who owns what the pilot produces: BUYER, PLATFORM, SHARED (with ipBuyerShareBp) or PER_CONTRACT',
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

  @ApiPropertyOptional({ description: '收益分配 (谁投入谁获益)', example: '成果转化收益按投入比例分配' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 2000)
  benefitSharingNote?: string;
}

/** `revise`: the SME asks for a revision (note only), or the quoting platform sends revised terms. */
export class ReviseQuoteDto {
  @ApiPropertyOptional({ description: 'SME: what should change' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(2, 2000)
  note?: string;

  @ApiPropertyOptional({ description: 'Platform: revised price (fen)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000_000_000)
  priceFen?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  timelineDays?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(2, 10_000)
  scope?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsDateString({ strict: true })
  validUntil?: string;

  @ApiPropertyOptional({
    enum: IP_OWNERSHIPS,
    description: 'Who owns what the pilot produces: BUYER, PLATFORM, SHARED (with ipBuyerShareBp) or PER_CONTRACT',
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

  @ApiPropertyOptional({ description: '收益分配 (谁投入谁获益)', example: '成果转化收益按投入比例分配' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 2000)
  benefitSharingNote?: string;
}

export class DeclineQuoteDto {
  @ApiProperty({ enum: DECLINE_REASONS, description: 'Shown to the platform' })
  @IsIn(DECLINE_REASONS)
  reason: DeclineReason;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 2000)
  comment?: string;
}

/** GET /quotes: a platform's own quotes across demands, optionally of one status. */
export class MyQuotesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: QUOTE_STATUSES, description: 'Only quotes in this status (e.g. DECLINED)' })
  @IsOptional()
  @IsIn(QUOTE_STATUSES)
  status?: QuoteStatus;
}
