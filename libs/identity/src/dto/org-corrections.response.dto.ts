import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { pageDtoOf } from '@pilotlink/core';
import { ORG_KINDS, OrgKind } from '@pilotlink/core';
import { CORRECTION_STATUSES, CorrectionStatus, EligibilityFacts, RequestedFacts } from '../domain/org-facts';
import type { Org } from '../domain/org.entity';
import { OrgCorrection, requestedFactsOf } from '../domain/org-correction.entity';
import { ShareholderDto } from './org-corrections.request.dto';

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
