import { ApiProperty } from '@nestjs/swagger';
import { SERVICE_CATEGORIES, SERVICE_STAGES } from '@pilotlink/core';
import { pageDtoOf } from '@pilotlink/core';
import { DemandResponseDto } from '../dto/demand.response.dto';

export class MatchReasonsDto {
  @ApiProperty({
    type: [String],
    description: 'Demand terms found in the service (synonyms count)',
    example: ['石墨烯'],
  })
  terms: string[];
  @ApiProperty({ description: "The service serves the demand's industry field (or a sub-field of it)" }) field: boolean;
  @ApiProperty({ description: "The service covers the demand's stage" }) stage: boolean;
  @ApiProperty({ enum: SERVICE_CATEGORIES, isArray: true, description: 'Wanted categories the service is in' })
  categories: string[];
  @ApiProperty({ description: 'The platform lies in the preferred region (or the region in the platform’s)' })
  region: boolean;
  @ApiProperty({ description: "The service's stated price is within the budget (false when priced on request)" })
  budget: boolean;
}

export class MatchedServiceDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'As the platform wrote it' }) title: string;
  @ApiProperty({ enum: SERVICE_CATEGORIES }) category: string;
  @ApiProperty({ example: '工艺放大熟化' }) categoryLabel: string;
  @ApiProperty({ type: [String], description: 'Including the parents of sub-fields' }) fieldCodes: string[];
  @ApiProperty({ enum: SERVICE_STAGES, isArray: true }) stages: string[];
  @ApiProperty({ enum: ['FIXED', 'UNIT', 'QUOTE'] }) pricingKind: string;
  @ApiProperty({ type: Number, nullable: true, description: 'fen; null when priced on request' }) priceFen:
    number | null;
  @ApiProperty({ type: String, nullable: true }) priceUnit: string | null;
  @ApiProperty() leadTimeDays: number;
  @ApiProperty() voucherEligible: boolean;
}

export class MatchedPlatformDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() type: string;
  @ApiProperty({ type: String, nullable: true }) recognitionLevel: string | null;
  @ApiProperty({ example: '350582' }) regionCode: string;
  @ApiProperty({ type: Number, nullable: true }) ratingAvg: number | null;
}

export class DemandMatchDto {
  @ApiProperty({ description: '1-based' }) rank: number;
  @ApiProperty({
    minimum: 0,
    maximum: 1,
    description:
      'Relevance 0..1: Meilisearch ranking scores of the demand’s terms (weighted by rarity) combined with ' +
      'the field, stage, category and region matches. Ties within 0.02 are ordered by recognition, rating, lead time.',
  })
  score: number;
  @ApiProperty({ type: MatchedServiceDto }) service: MatchedServiceDto;
  @ApiProperty({ type: MatchedPlatformDto }) platform: MatchedPlatformDto;
  @ApiProperty({ type: MatchReasonsDto }) reasons: MatchReasonsDto;
}

export class DemandMatchesDto {
  @ApiProperty({ format: 'uuid' }) demandId: string;
  @ApiProperty({ description: 'Services found fitting (before the limit)' }) total: number;
  @ApiProperty({ type: [DemandMatchDto] }) items: DemandMatchDto[];
}

export class FittingDemandDto extends DemandResponseDto {
  @ApiProperty({ minimum: 0, maximum: 1, description: 'How well the service fits the demand' }) score: number;
}

export class FittingDemandsDto {
  @ApiProperty({ format: 'uuid' }) serviceId: string;
  @ApiProperty() total: number;
  @ApiProperty({
    type: [FittingDemandDto],
    description: 'Each demand as you may see it (SUMMARY: hidden fields absent)',
  })
  items: FittingDemandDto[];
}

export class DemandSearchHitDto extends DemandResponseDto {
  @ApiProperty({ minimum: 0, maximum: 1, description: 'Meilisearch ranking score' }) score: number;
}

export class DemandSearchPageDto extends pageDtoOf(DemandSearchHitDto, 'DemandSearchPageDto') {}
