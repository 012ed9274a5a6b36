import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { pageDtoOf, PageQueryDto, parseFen, trimString } from '@pilotlink/core';
import { IP_OWNERSHIPS, IpTermsResponseDto } from '@pilotlink/booking';
import type { IpOwnership } from '@pilotlink/booking';
import { DEMAND_MODES, DEMAND_STATUSES, QUOTE_STATUSES } from '../domain/demand';
import type { DemandMode, DemandStatus, QuoteStatus } from '../domain/demand';
import type { Demand } from '../domain/demand.entity';
import { DECLINE_REASONS, DeclineReason, Quote } from '../domain/quote.entity';

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

export class QuoteResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) demandId: string;
  @ApiProperty({ format: 'uuid' }) platformId: string;
  @ApiProperty({ format: 'uuid' }) platformOrgId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The service it is delivered under' })
  serviceId: string | null;
  @ApiProperty() priceFen: number;
  @ApiProperty() timelineDays: number;
  @ApiProperty() scope: string;
  @ApiProperty() validUntil: string;
  @ApiProperty({ enum: QUOTE_STATUSES }) status: QuoteStatus;
  @ApiProperty() revision: number;
  @ApiPropertyOptional({ nullable: true, type: String }) revisionNote: string | null;
  @ApiPropertyOptional({ enum: DECLINE_REASONS, nullable: true }) declineReason: DeclineReason | null;
  @ApiPropertyOptional({ nullable: true, type: String }) declineComment: string | null;
  @ApiProperty({ type: IpTermsResponseDto, description: 'Who owns what the pilot produces; carried onto the order' })
  ipTerms: IpTermsResponseDto;
  @ApiPropertyOptional({ format: 'uuid', description: 'An accepted quote: the order its acceptance created' })
  orderId?: string;
  @ApiProperty() updatedAt: Date;

  static from(q: Quote, orderId?: string): QuoteResponseDto {
    return {
      id: q.id,
      demandId: q.demandId,
      platformId: q.platformId,
      platformOrgId: q.platformOrgId,
      serviceId: q.serviceId,
      priceFen: parseFen(q.priceFen),
      timelineDays: q.timelineDays,
      scope: q.scope,
      validUntil: q.validUntil,
      status: q.status,
      revision: q.revision,
      revisionNote: q.revisionNote,
      declineReason: q.declineReason,
      declineComment: q.declineComment,
      ipTerms: IpTermsResponseDto.from(q),
      ...(orderId ? { orderId } : {}),
      updatedAt: q.updatedAt,
    };
  }
}

export class QuotePageDto extends pageDtoOf(QuoteResponseDto, 'QuotePageDto') {}

/** The demand a platform's quote answers, as far as the platform's quote list shows it. */
export class QuotedDemandDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: DEMAND_MODES, description: 'CHALLENGE = 揭榜挂帅 (the quote is a proposal)' }) mode: DemandMode;
  @ApiProperty({ enum: DEMAND_STATUSES }) status: DemandStatus;
}

/** GET /quotes: one of the platform's own quotes, with its demand (and its order once accepted). */
export class MyQuoteResponseDto extends QuoteResponseDto {
  @ApiProperty({ type: QuotedDemandDto }) demand: QuotedDemandDto;

  static fromMine(q: Quote, demand: Demand, orderId?: string): MyQuoteResponseDto {
    return {
      ...QuoteResponseDto.from(q, orderId),
      demand: { id: demand.id, title: demand.title, mode: demand.mode, status: demand.status },
    };
  }
}

/** GET /quotes: a platform's own quotes across demands, optionally of one status. */
export class MyQuotesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: QUOTE_STATUSES, description: 'Only quotes in this status (e.g. DECLINED)' })
  @IsOptional()
  @IsIn(QUOTE_STATUSES)
  status?: QuoteStatus;
}

export class MyQuotePageDto extends pageDtoOf(MyQuoteResponseDto, 'MyQuotePageDto') {}
