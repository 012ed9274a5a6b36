import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { trimString } from '@pilotlink/core';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
} from 'class-validator';
import {
  PRICING_KINDS,
  PricingKind,
  SERVICE_CATEGORIES,
  SERVICE_STAGES,
  ServiceCategory,
  ServiceStage,
} from '@pilotlink/core';
import { IsIndustryFieldCode } from './validators';

/** ¥100,000,000 — a ceiling far above any real pilot-test contract, to catch unit mistakes. */
const MAX_PRICE_FEN = 10_000_000_000;

export class CreateServiceDto {
  @ApiProperty({ example: '功能性面料小批量试产' })
  @Transform(trimString)
  @IsString()
  @Length(2, 200)
  title: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(0, 5000)
  description?: string;

  @ApiProperty({ enum: SERVICE_CATEGORIES })
  @IsIn(SERVICE_CATEGORIES)
  category: ServiceCategory;

  @ApiProperty({ type: [String], example: ['TEXTILE_FIBER'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsIndustryFieldCode({ each: true })
  fieldCodes: string[];

  @ApiProperty({ enum: SERVICE_STAGES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(SERVICE_STAGES, { each: true })
  stages: ServiceStage[];

  @ApiProperty({
    enum: PRICING_KINDS,
    description: 'FIXED needs priceFen; UNIT needs priceFen and unitName; QUOTE neither',
  })
  @IsIn(PRICING_KINDS)
  pricingKind: PricingKind;

  @ApiPropertyOptional({ description: 'Price in fen (integer, > 0)', example: 5000000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PRICE_FEN)
  priceFen?: number;

  @ApiPropertyOptional({ example: '样品' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 20)
  unitName?: string;

  @ApiProperty({ example: 30 })
  @IsInt()
  @Min(0)
  @Max(3650)
  leadTimeDays: number;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  voucherEligible?: boolean;
}

export class UpdateServiceDto extends PartialType(CreateServiceDto) {}
