import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { pageDtoOf } from '@pilotlink/core';
import { POLICY_STATUSES } from './policy';
import type { PolicyStatus } from './policy';
import type { PolicyNotice } from './policy-notice.entity';

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
