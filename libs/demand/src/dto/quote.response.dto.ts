import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { pageDtoOf, parseFen } from '@pilotlink/core';
import { IpTermsResponseDto } from '@pilotlink/booking';
import { DEMAND_MODES, DEMAND_STATUSES, QUOTE_STATUSES } from '../domain/demand';
import type { DemandMode, DemandStatus, QuoteStatus } from '../domain/demand';
import type { Demand } from '../domain/demand.entity';
import { DECLINE_REASONS, DeclineReason } from '../domain/demand';
import { Quote } from '../domain/quote.entity';

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

export class MyQuotePageDto extends pageDtoOf(MyQuoteResponseDto, 'MyQuotePageDto') {}
