import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDateString,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto, toBoolean, trimString } from '@pilotlink/core';
import { IsRegionCode } from '@pilotlink/identity';

export class PolicyLinkDto {
  @ApiProperty({ example: '政策原文' })
  @Transform(trimString)
  @IsString()
  @Length(1, 200)
  title: string;

  @ApiProperty({ example: 'https://kjj.quanzhou.gov.cn/zwgk/zcwj/202312/t20231201_1.htm' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  url: string;
}

export class CreatePolicyNoticeDto {
  @ApiProperty({ example: '泉州市科技局关于做好中试服务券申报工作的通知' })
  @Transform(trimString)
  @IsString()
  @Length(2, 200)
  title: string;

  @ApiProperty({ example: '泉州市科学技术局' })
  @Transform(trimString)
  @IsString()
  @Length(2, 200)
  issuingBody: string;

  @ApiPropertyOptional({ example: '泉科〔2023〕12号' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(2, 80)
  documentNumber?: string;

  @ApiProperty({ example: '2023-12-01', description: '成文日期' })
  @IsDateString({ strict: true })
  issuedOn: string;

  @ApiProperty({ description: 'The text as issued, Simplified or Traditional' })
  @IsString()
  @Length(10, 200_000)
  body: string;

  @ApiPropertyOptional({ type: [PolicyLinkDto], description: 'Attachments and web pages' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PolicyLinkDto)
  links?: PolicyLinkDto[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: "Your bureau's voucher programs it concerns" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  programIds?: string[];
}

export class UpdatePolicyNoticeDto extends PartialType(CreatePolicyNoticeDto) {}

export class PolicyListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Bureaus: your own notices, drafts included' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  mine?: boolean;

  @ApiPropertyOptional({ description: 'Notices of bureaus in this region or above it (350582 also shows 350500)' })
  @IsOptional()
  @IsRegionCode()
  region?: string;
}

export class PolicySearchQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Full text, Simplified or Traditional' })
  @IsOptional()
  @IsString()
  @Length(0, 200)
  q?: string;
}
