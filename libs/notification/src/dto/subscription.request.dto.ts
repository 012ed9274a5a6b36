import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsIndustryFieldCode } from '@pilotlink/catalogue';
import { SERVICE_CATEGORIES } from '@pilotlink/core';
import type { ServiceCategory } from '@pilotlink/core';
import { IsRegionCode } from '@pilotlink/identity';

const trimEach = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v: unknown) => (typeof v === 'string' ? v.trim() : v)) : value;

/** Every criterion given must match; at least one is required. */
export class CreateSubscriptionDto {
  @ApiPropertyOptional({
    type: [String],
    example: ['MATERIALS'],
    description: 'Industry field codes (a parent covers its sub-fields)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsIndustryFieldCode({ each: true })
  fieldCodes?: string[];

  @ApiPropertyOptional({ enum: SERVICE_CATEGORIES, isArray: true, example: ['SCALE_UP'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(13)
  @ArrayUnique()
  @IsIn(SERVICE_CATEGORIES, { each: true })
  categories?: ServiceCategory[];

  @ApiPropertyOptional({
    type: [String],
    example: ['石墨烯', '导热膜'],
    description: 'Any one found in the visible text',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Transform(trimEach)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  keywords?: string[];

  @ApiPropertyOptional({ type: [String], example: ['350500'], description: '行政区划代码; 350500 covers 350582' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsRegionCode({ each: true })
  regionCodes?: string[];
}
