import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateBy } from 'class-validator';
import {
  INDUSTRY_FIELD_INDEX,
  OPERATING_MODELS,
  OperatingModel,
  PLATFORM_TYPES,
  PlatformType,
  PRICE_BANDS,
  PriceBandCode,
  QUALIFICATION_KINDS,
  QualificationKind,
  RECOGNITION_LEVELS,
  RecognitionLevel,
  SERVICE_CATEGORIES,
  SERVICE_STAGES,
  ServiceCategory,
  ServiceStage,
  PageQueryDto,
  toBoolean,
  trimString,
} from '@pilotlink/core';
import { IsRegionCode } from '@pilotlink/identity';

export const SERVICE_SORTS = [
  'relevance',
  'priceAsc',
  'priceDesc',
  'newest',
  'leadTime',
  'rating',
  'recognition',
  'responseTime',
] as const;
export type ServiceSort = (typeof SERVICE_SORTS)[number];
export const PLATFORM_SORTS = ['relevance', 'newest', 'rating', 'recognition', 'responseTime'] as const;
export type PlatformSort = (typeof PLATFORM_SORTS)[number];

export const INDUSTRY_FIELD_CODES = [...INDUSTRY_FIELD_INDEX.keys()];
export const PRICE_BAND_CODES: PriceBandCode[] = [...PRICE_BANDS.map((band) => band.code), 'ON_QUOTE'];

/** priceMaxFen must not be below priceMinFen: the error names priceMaxFen. */
function NotBelow(property: string): PropertyDecorator {
  return ValidateBy({
    name: 'notBelow',
    constraints: [property],
    validator: {
      validate: (value, args) => {
        const other = (args?.object as Record<string, unknown>)[property];
        return typeof value !== 'number' || typeof other !== 'number' || value >= other;
      },
      defaultMessage: (args) => `${args?.property} must not be less than ${property}`,
    },
  });
}

/** Filters both searches share. Every value is checked against our own tables before it reaches a filter. */
export class SearchQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ maxLength: 100, description: 'Full-text query (Simplified or Traditional Chinese, English)' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({
    description: 'Industry field code (GET /api/industry-fields); a top-level field includes its sub-fields',
    example: 'MATERIALS_GRAPHENE',
  })
  @IsOptional()
  @IsIn(INDUSTRY_FIELD_CODES, { message: 'field must be a known industry field code' })
  field?: string;

  @ApiPropertyOptional({
    description: '6-digit region code; a province or city includes the regions under it',
    example: '350500',
  })
  @IsOptional()
  @IsRegionCode()
  region?: string;

  @ApiPropertyOptional({ enum: PLATFORM_TYPES })
  @IsOptional()
  @IsIn(PLATFORM_TYPES)
  platformType?: PlatformType;

  @ApiPropertyOptional({ enum: RECOGNITION_LEVELS })
  @IsOptional()
  @IsIn(RECOGNITION_LEVELS)
  recognitionLevel?: RecognitionLevel;
}

export class ServiceSearchQueryDto extends SearchQueryDto {
  @ApiPropertyOptional({ enum: SERVICE_CATEGORIES })
  @IsOptional()
  @IsIn(SERVICE_CATEGORIES)
  category?: ServiceCategory;

  @ApiPropertyOptional({ enum: SERVICE_STAGES })
  @IsOptional()
  @IsIn(SERVICE_STAGES)
  stage?: ServiceStage;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  voucherEligible?: boolean;

  @ApiPropertyOptional({ enum: PRICE_BAND_CODES, description: 'ON_QUOTE: priced on request (面议)' })
  @IsOptional()
  @IsIn(PRICE_BAND_CODES)
  priceBand?: PriceBandCode;

  @ApiPropertyOptional({ minimum: 0, description: 'Lowest price in fen; services priced on request are excluded' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  priceMinFen?: number;

  @ApiPropertyOptional({ minimum: 0, description: 'Highest price in fen; not less than priceMinFen' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  @NotBelow('priceMinFen')
  priceMaxFen?: number;

  @ApiPropertyOptional({ enum: SERVICE_SORTS, default: 'relevance' })
  @IsOptional()
  @IsIn(SERVICE_SORTS)
  sort: ServiceSort = 'relevance';
}

export class PlatformSearchQueryDto extends SearchQueryDto {
  @ApiPropertyOptional({ enum: OPERATING_MODELS })
  @IsOptional()
  @IsIn(OPERATING_MODELS)
  operatingModel?: OperatingModel;

  @ApiPropertyOptional({
    enum: QUALIFICATION_KINDS,
    description: 'Platforms holding a valid qualification of this kind',
  })
  @IsOptional()
  @IsIn(QUALIFICATION_KINDS)
  qualificationKind?: QualificationKind;

  @ApiPropertyOptional({ enum: PLATFORM_SORTS, default: 'relevance' })
  @IsOptional()
  @IsIn(PLATFORM_SORTS)
  sort: PlatformSort = 'relevance';
}
