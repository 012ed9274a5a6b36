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
import { PageQueryDto, pageDtoOf, toBoolean, trimString } from '@pilotlink/core';
import { IsRegionCode } from '@pilotlink/identity';
import { POLICY_STATUSES } from './policy';
import type { PolicyStatus } from './policy';
import type { PolicyNotice } from './policy-notice.entity';

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

export class PolicyProgramDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class PolicyLinkResponseDto {
  @ApiProperty() title: string;
  @ApiProperty() url: string;
}

export class PolicyNoticeResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) bureauOrgId: string;
  @ApiProperty() regionCode: string;
  @ApiProperty() title: string;
  @ApiProperty() issuingBody: string;
  @ApiPropertyOptional({ nullable: true, type: String }) documentNumber: string | null;
  @ApiProperty({ example: '2023-12-01' }) issuedOn: string;
  @ApiProperty() body: string;
  @ApiProperty({ type: [PolicyLinkResponseDto] }) links: PolicyLinkResponseDto[];
  @ApiProperty({ type: [PolicyProgramDto], description: 'Linked voucher programs (drafts only for their bureau)' })
  programs: PolicyProgramDto[];
  @ApiProperty({ enum: POLICY_STATUSES }) status: PolicyStatus;
  @ApiPropertyOptional({ nullable: true, type: Date }) publishedAt: Date | null;

  static from(notice: PolicyNotice, programs: PolicyProgramDto[]): PolicyNoticeResponseDto {
    return {
      id: notice.id,
      bureauOrgId: notice.bureauOrgId,
      regionCode: notice.regionCode,
      title: notice.title,
      issuingBody: notice.issuingBody,
      documentNumber: notice.documentNumber,
      issuedOn: notice.issuedOn,
      body: notice.body,
      links: notice.links,
      programs,
      status: notice.status,
      publishedAt: notice.publishedAt,
    };
  }
}

export class PolicyNoticePageDto extends pageDtoOf(PolicyNoticeResponseDto, 'PolicyNoticePageDto') {}

export class PolicySearchHitDto extends PolicyNoticeResponseDto {
  @ApiProperty({ description: 'Text relevance, 0..1' }) score: number;
}

export class PolicySearchPageDto extends pageDtoOf(PolicySearchHitDto, 'PolicySearchPageDto') {}
