import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
} from 'class-validator';
import { PageQueryDto, trimString } from '@pilotlink/core';
import { IsIndustryFieldCode } from '@pilotlink/catalogue';
import { SERVICE_CATEGORIES, SERVICE_STAGES } from '@pilotlink/core';
import type { ServiceCategory, ServiceStage } from '@pilotlink/core';
import { IsRegionCode } from '@pilotlink/identity';
import {
  CONFIDENTIALITY_LEVELS,
  Confidentiality,
  DEMAND_MODES,
  DEMAND_STATUSES,
  DemandMode,
  DemandStatus,
} from '../domain/demand';

const MAX_FEN = 10_000_000_000; // ¥100m: above any pilot-test budget, catches unit mistakes

export class CreateDemandDto {
  @ApiProperty({ example: '石墨烯改性EVA鞋底中试放大' })
  @Transform(trimString)
  @IsString()
  @Length(2, 200)
  title: string;

  @ApiPropertyOptional({ description: 'Hidden from platforms that see only the summary' })
  @IsOptional()
  @IsString()
  @Length(0, 10_000)
  description?: string;

  @ApiProperty({ example: 'TEXTILE_SHOE_MATERIAL' })
  @IsIndustryFieldCode()
  fieldCode: string;

  @ApiProperty({ enum: SERVICE_STAGES })
  @IsIn(SERVICE_STAGES)
  stage: ServiceStage;

  @ApiPropertyOptional({ enum: SERVICE_CATEGORIES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(13)
  @ArrayUnique()
  @IsIn(SERVICE_CATEGORIES, { each: true })
  categories?: ServiceCategory[];

  @ApiPropertyOptional({ description: 'fen', example: 5_000_000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  budgetMinFen?: number;

  @ApiPropertyOptional({ description: 'fen', example: 20_000_000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  budgetMaxFen?: number;

  @ApiPropertyOptional({ example: '2027-06-30' })
  @IsOptional()
  @IsDateString({ strict: true })
  wantedBy?: string;

  @ApiPropertyOptional({ example: '350582', description: 'Preferred region of the platform' })
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;

  @ApiProperty({ enum: DEMAND_MODES, description: 'CHALLENGE = 揭榜挂帅, with rewardFen and challengeDeadline' })
  @IsIn(DEMAND_MODES)
  mode: DemandMode;

  @ApiPropertyOptional({ description: 'fen; challenges only' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  rewardFen?: number;

  @ApiPropertyOptional({ example: '2027-03-31', description: 'challenges only: the last day proposals are taken' })
  @IsOptional()
  @IsDateString({ strict: true })
  challengeDeadline?: string;

  @ApiPropertyOptional({
    description: 'challenges only: days after the deadline the SME has to accept a proposal (award window)',
    default: 30,
    minimum: 1,
    maximum: 365,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  awardWindowDays?: number;

  @ApiProperty({ enum: CONFIDENTIALITY_LEVELS })
  @IsIn(CONFIDENTIALITY_LEVELS)
  confidentiality: Confidentiality;
}

export class UpdateDemandDto extends PartialType(CreateDemandDto) {}

export class InvitePlatformDto {
  @ApiProperty({ format: 'uuid', description: 'A listed platform; its operator org is invited' })
  @IsUUID()
  platformId: string;
}

export class DemandStatusReasonDto {
  @ApiPropertyOptional({ example: '已通过其他渠道解决' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(2, 500)
  reason?: string;
}

export class DemandListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DEMAND_STATUSES, description: 'SMEs and admins: filter your demands by status' })
  @IsOptional()
  @IsIn(DEMAND_STATUSES)
  status?: DemandStatus;
}
