import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto, trimString } from '@pilotlink/core';
import { IsIndustryFieldCode } from '@pilotlink/catalogue';
import { SERVICE_CATEGORIES } from '@pilotlink/core';
import type { ServiceCategory } from '@pilotlink/core';
import { CONFIDENTIALITY_LEVELS } from '@pilotlink/demand';
import type { Confidentiality } from '@pilotlink/demand';
import {
  IP_KINDS,
  ipNeedsNumber,
  RESULT_STAGES,
  RESULT_STATUSES,
  RESULT_TARGET_STAGES,
  TRANSFER_MODES,
} from '../domain/result';
import type { IpKind, ResultStage, ResultStatus, ResultTargetStage, TransferMode } from '../domain/result';

const MAX_FEN = 10_000_000_000; // ¥100m, as for demands: catches unit mistakes

export class IpItemDto {
  @ApiProperty({ enum: IP_KINDS })
  @IsIn(IP_KINDS)
  kind: IpKind;

  @ApiPropertyOptional({
    description: 'Patent or registration number; required for patents and software copyrights',
    example: 'ZL202310123456.7',
  })
  @ValidateIf((o: IpItemDto) => ipNeedsNumber(o.kind) || o.number !== undefined)
  @Transform(trimString)
  @IsString()
  @Length(4, 40)
  number?: string;

  @ApiProperty({ example: '一种碳化硅功率模块的银烧结方法' })
  @Transform(trimString)
  @IsString()
  @Length(2, 200)
  title: string;

  @ApiPropertyOptional({ description: 'Patents: granted (授权) rather than pending (申请中)' })
  @IsOptional()
  @IsBoolean()
  granted?: boolean;
}

export class CreateResultDto {
  @ApiProperty({ example: '高导热氮化硅陶瓷基板制备技术' })
  @Transform(trimString)
  @IsString()
  @Length(2, 200)
  title: string;

  @ApiProperty({ description: '成果简介: shown to everyone who sees the result, the SUMMARY view too' })
  @Transform(trimString)
  @IsString()
  @Length(10, 2000)
  summary: string;

  @ApiPropertyOptional({ description: '技术详情: hidden from viewers who see only the summary' })
  @IsOptional()
  @IsString()
  @Length(0, 10_000)
  description?: string;

  @ApiProperty({ example: 'MATERIALS_CERAMICS' })
  @IsIndustryFieldCode()
  fieldCode: string;

  @ApiProperty({ enum: RESULT_STAGES, description: 'Stage reached: CONCEPT 概念验证, LAB 小试' })
  @IsIn(RESULT_STAGES)
  stageReached: ResultStage;

  @ApiProperty({ minimum: 1, maximum: 9, description: 'Technology readiness level (TRL 1–9)' })
  @IsInt()
  @Min(1)
  @Max(9)
  readinessLevel: number;

  @ApiPropertyOptional({ type: [IpItemDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => IpItemDto)
  ipItems?: IpItemDto[];

  @ApiProperty({ enum: SERVICE_CATEGORIES, isArray: true, description: 'The verification it needs' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(13)
  @ArrayUnique()
  @IsIn(SERVICE_CATEGORIES, { each: true })
  verificationCategories: ServiceCategory[];

  @ApiProperty({ enum: RESULT_TARGET_STAGES, description: 'The stage the verification should reach' })
  @IsIn(RESULT_TARGET_STAGES)
  targetStage: ResultTargetStage;

  @ApiPropertyOptional({ description: 'fen', example: 10_000_000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  budgetMinFen?: number;

  @ApiPropertyOptional({ description: 'fen', example: 50_000_000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  budgetMaxFen?: number;

  @ApiProperty({ enum: TRANSFER_MODES, isArray: true, description: '转让, 许可, 作价入股, 合作开发' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(TRANSFER_MODES, { each: true })
  transferModes: TransferMode[];

  @ApiProperty({ example: '李老师' })
  @Transform(trimString)
  @IsString()
  @Length(1, 80)
  contactName: string;

  @ApiPropertyOptional({ example: '0595-88888888' })
  @IsOptional()
  @IsString()
  @Length(5, 30)
  contactPhone?: string;

  @ApiPropertyOptional({ example: 'tto@example.edu.cn' })
  @IsOptional()
  @IsEmail()
  contactEmail?: string;

  @ApiProperty({ enum: CONFIDENTIALITY_LEVELS })
  @IsIn(CONFIDENTIALITY_LEVELS)
  confidentiality: Confidentiality;
}

export class UpdateResultDto extends PartialType(CreateResultDto) {}

export class ResultStatusReasonDto {
  @ApiPropertyOptional({ example: '已与企业达成转让协议' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(2, 500)
  reason?: string;
}

export class InviteToResultDto {
  @ApiProperty({ format: 'uuid', description: 'A listed platform; its operator org is invited' })
  @IsUUID()
  platformId: string;
}

export class ResultListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: RESULT_STATUSES, description: 'Institutes and admins: filter your results by status' })
  @IsOptional()
  @IsIn(RESULT_STATUSES)
  status?: ResultStatus;
}

export class ResultSearchQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Full text (Simplified or Traditional Chinese)' })
  @IsOptional()
  @IsString()
  @Length(0, 200)
  q?: string;

  @ApiPropertyOptional({ description: 'Industry field (its sub-fields included)' })
  @IsOptional()
  @IsIndustryFieldCode()
  field?: string;

  @ApiPropertyOptional({ enum: RESULT_STAGES })
  @IsOptional()
  @IsIn(RESULT_STAGES)
  stage?: ResultStage;

  @ApiPropertyOptional({ enum: SERVICE_CATEGORIES })
  @IsOptional()
  @IsIn(SERVICE_CATEGORIES)
  category?: ServiceCategory;

  @ApiPropertyOptional({ enum: TRANSFER_MODES })
  @IsOptional()
  @IsIn(TRANSFER_MODES)
  transferMode?: TransferMode;
}
