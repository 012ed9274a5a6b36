import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto, trimString } from '@pilotlink/core';
import { CORRECTION_STATUSES, CorrectionStatus } from '../domain/org-facts';

export class ShareholderDto {
  @ApiProperty({ description: "The holder's USCC (an org) or a stable personal key (e.g. the hash of an ID number)" })
  @Transform(trimString)
  @IsString()
  @Length(1, 64)
  holderKey: string;

  @ApiProperty({ example: '陈某某' }) @Transform(trimString) @IsString() @Length(1, 100) holderName: string;

  @ApiProperty({ example: 5100, description: 'Share held, basis points' })
  @IsInt()
  @Min(1)
  @Max(10_000)
  shareBp: number;
}

export class ShareholdersDto {
  @ApiProperty({ type: [ShareholderDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ShareholderDto)
  shareholders: ShareholderDto[];
}

export class OrgCorrectionListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: CORRECTION_STATUSES,
    description: 'A bureau or admin sees PENDING requests unless it asks for another status',
  })
  @IsOptional()
  @IsIn(CORRECTION_STATUSES)
  status?: CorrectionStatus;
}

export class RejectCorrectionDto {
  @ApiProperty({ example: '未提供科技型中小企业入库证明' })
  @Transform(trimString)
  @IsString()
  @Length(2, 500)
  reason: string;
}
