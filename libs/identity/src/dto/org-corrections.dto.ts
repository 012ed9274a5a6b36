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
import { pageDtoOf, PageQueryDto, trimString } from '@pilotlink/core';
import { ORG_KINDS, OrgKind } from '../domain/org';
import { CORRECTION_STATUSES, CorrectionStatus, EligibilityFacts, RequestedFacts } from '../domain/org-facts';
import type { Org } from '../domain/org.entity';
import { OrgCorrection, requestedFactsOf } from '../domain/org-correction.entity';

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

/** The eligibility facts in force: those a bureau verified (or approved later). */
export class EligibilityFactsDto {
  @ApiProperty({ description: '科技型中小企业 入库' }) techSme: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) legalRepresentative: string | null;
  @ApiProperty({ type: [ShareholderDto] }) shareholders: ShareholderDto[];
}

/** The facts a correction asks for; an absent property is left as it is. */
export class RequestedFactsDto {
  @ApiPropertyOptional() techSme?: boolean;
  @ApiPropertyOptional() legalRepresentative?: string;
  @ApiPropertyOptional({ type: [ShareholderDto] }) shareholders?: ShareholderDto[];
}

export class OrgCorrectionResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) orgId: string;
  @ApiProperty() orgName: string;
  @ApiProperty({ enum: ORG_KINDS }) orgKind: OrgKind;
  @ApiProperty() regionCode: string;
  @ApiProperty({ enum: CORRECTION_STATUSES }) status: CorrectionStatus;
  @ApiProperty({ type: RequestedFactsDto }) requested: RequestedFactsDto;
  @ApiProperty({ type: EligibilityFactsDto, description: 'The facts in force today (every rule uses these)' })
  current: EligibilityFactsDto;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Why the bureau rejected it' })
  rejectionReason: string | null;
  @ApiProperty() requestedAt: Date;
  @ApiPropertyOptional({ nullable: true, type: Date }) decidedAt: Date | null;

  static from(correction: OrgCorrection, org: Org, current: EligibilityFacts): OrgCorrectionResponseDto {
    const requested: RequestedFacts = requestedFactsOf(correction);
    return {
      id: correction.id,
      orgId: org.id,
      orgName: org.name,
      orgKind: org.kind,
      regionCode: org.regionCode,
      status: correction.status,
      requested: requested as RequestedFactsDto,
      current,
      rejectionReason: correction.rejectionReason,
      requestedAt: correction.createdAt,
      decidedAt: correction.decidedAt,
    };
  }
}

export class OrgCorrectionPageDto extends pageDtoOf(OrgCorrectionResponseDto, 'OrgCorrectionPageDto') {}

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
