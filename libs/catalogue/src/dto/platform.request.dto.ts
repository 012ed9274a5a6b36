import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto, toBoolean, trimString } from '@pilotlink/core';
import { IsRegionCode } from '@pilotlink/identity';
import {
  OPERATING_MODELS,
  OperatingModel,
  PLATFORM_STATUSES,
  PLATFORM_TYPES,
  PlatformStatus,
  PlatformType,
  QUALIFICATION_KINDS,
  QualificationKind,
} from '@pilotlink/core';
import { IsIndustryFieldCode } from './validators';

export class QualificationDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: "One of the platform's qualifications to keep (with its certificate scan); without, a new one",
  })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ enum: QUALIFICATION_KINDS })
  @IsIn(QUALIFICATION_KINDS)
  kind: QualificationKind;

  @ApiProperty({ example: 'CNAS L12345' })
  @Transform(trimString)
  @IsString()
  @Length(2, 60)
  certificateNo: string;

  @ApiPropertyOptional({ example: '纺织品 色牢度、断裂强力、透湿量检测' })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  accreditedScope?: string;

  @ApiProperty({ example: '2028-06-30', description: 'Last day the certificate is valid' })
  @IsDateString({ strict: true })
  validUntil: string;
}

export class CreatePlatformDto {
  @ApiProperty({ example: '高端绿色功能性纺织面料中试服务平台' })
  @Transform(trimString)
  @IsString()
  @Length(2, 200)
  name: string;

  @ApiProperty({ enum: PLATFORM_TYPES })
  @IsIn(PLATFORM_TYPES)
  type: PlatformType;

  @ApiProperty({ enum: OPERATING_MODELS })
  @IsIn(OPERATING_MODELS)
  operatingModel: OperatingModel;

  @ApiProperty({ type: [String], example: ['TEXTILE_FIBER'], description: 'Industry field codes' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsIndustryFieldCode({ each: true })
  fieldCodes: string[];

  @ApiProperty({ example: '350582' })
  @IsRegionCode()
  regionCode: string;

  @ApiPropertyOptional({ example: '福建省晋江市五里工业园区' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(2, 200)
  address?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(0, 5000)
  description?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 50)
  contactName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(5, 30)
  contactPhone?: string;

  @ApiPropertyOptional({ type: [QualificationDto], description: 'Replaces the whole list when sent' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => QualificationDto)
  qualifications?: QualificationDto[];
}

export class UpdatePlatformDto extends PartialType(CreatePlatformDto) {}

export class StatusReasonDto {
  @ApiProperty({ example: '年度评价不合格，暂停对外服务' })
  @Transform(trimString)
  @IsString()
  @Length(2, 500)
  reason: string;
}

export class PlatformListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Operators: only your own platforms, in every status' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  mine?: boolean;

  @ApiPropertyOptional({ enum: PLATFORM_STATUSES, description: 'Bureaus/admins and `mine`: filter by status' })
  @IsOptional()
  @IsIn(PLATFORM_STATUSES)
  status?: PlatformStatus;

  @ApiPropertyOptional({ example: '350500', description: 'Region, including its sub-regions' })
  @IsOptional()
  @IsRegionCode()
  region?: string;

  @ApiPropertyOptional({ enum: PLATFORM_TYPES })
  @IsOptional()
  @IsIn(PLATFORM_TYPES)
  type?: PlatformType;
}
