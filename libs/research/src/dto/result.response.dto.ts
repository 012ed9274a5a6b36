import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { pageDtoOf, parseFen } from '@pilotlink/core';
import { SERVICE_CATEGORIES } from '@pilotlink/core';
import type { ServiceCategory } from '@pilotlink/core';
import { BUDGET_BANDS, budgetBandOf, CONFIDENTIALITY_LEVELS } from '@pilotlink/demand';
import type { BudgetBandCode, Confidentiality } from '@pilotlink/demand';
import { IP_KINDS, RESULT_STAGES, RESULT_STATUSES, RESULT_TARGET_STAGES, TRANSFER_MODES } from '../domain/result';
import type { IpKind, ResultStage, ResultStatus, ResultTargetStage, TransferMode } from '../domain/result';
import type { ResearchResult } from '../domain/result.entity';
import type { ResultView } from '../domain/result-visibility';

const fen = (value: string | null) => (value === null ? null : parseFen(value));

export class IpItemResponseDto {
  @ApiProperty({ enum: IP_KINDS }) kind: IpKind;
  @ApiProperty() title: string;
  @ApiPropertyOptional({ description: 'FULL view only' }) number?: string;
  @ApiPropertyOptional() granted?: boolean;
}

/**
 * A research result as one viewer may see it. With `view: 'SUMMARY'` the hidden fields (technical detail, IP
 * numbers, exact budget, contact, the institute) are absent from the JSON altogether, not null.
 */
export class ResultResponseDto {
  @ApiProperty({ enum: ['FULL', 'SUMMARY'] }) view: Exclude<ResultView, 'NONE'>;
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: '成果简介' }) summary: string;
  @ApiProperty() fieldCode: string;
  @ApiProperty({ enum: RESULT_STAGES }) stageReached: ResultStage;
  @ApiProperty({ minimum: 1, maximum: 9 }) readinessLevel: number;
  @ApiProperty({ type: [IpItemResponseDto], description: 'In the SUMMARY view: kinds and titles only' })
  ipItems: IpItemResponseDto[];
  @ApiProperty({ enum: SERVICE_CATEGORIES, isArray: true }) verificationCategories: ServiceCategory[];
  @ApiProperty({ enum: RESULT_TARGET_STAGES }) targetStage: ResultTargetStage;
  @ApiPropertyOptional({ enum: BUDGET_BANDS.map((b) => b.code), nullable: true }) budgetBand: BudgetBandCode | null;
  @ApiProperty({ enum: TRANSFER_MODES, isArray: true }) transferModes: TransferMode[];
  @ApiProperty({ enum: CONFIDENTIALITY_LEVELS }) confidentiality: Confidentiality;
  @ApiProperty({ enum: RESULT_STATUSES }) status: ResultStatus;
  @ApiPropertyOptional({ nullable: true, type: Date }) publishedAt: Date | null;
  @ApiPropertyOptional({ description: 'FULL view only', format: 'uuid' }) instituteOrgId?: string;
  @ApiPropertyOptional({ description: 'FULL view only' }) instituteName?: string;
  @ApiPropertyOptional({ description: 'FULL view only: 技术详情' }) description?: string;
  @ApiPropertyOptional({ description: 'FULL view only', nullable: true, type: Number }) budgetMinFen?: number | null;
  @ApiPropertyOptional({ description: 'FULL view only', nullable: true, type: Number }) budgetMaxFen?: number | null;
  @ApiPropertyOptional({ description: 'FULL view only' }) contactName?: string;
  @ApiPropertyOptional({ description: 'FULL view only', nullable: true, type: String }) contactPhone?: string | null;
  @ApiPropertyOptional({ description: 'FULL view only', nullable: true, type: String }) contactEmail?: string | null;
  @ApiPropertyOptional({ description: 'FULL view only', nullable: true, type: String }) statusReason?: string | null;

  static from(result: ResearchResult, view: Exclude<ResultView, 'NONE'>, instituteName?: string): ResultResponseDto {
    const budgetMax = fen(result.budgetMaxFen) ?? fen(result.budgetMinFen);
    const summary: ResultResponseDto = {
      view,
      id: result.id,
      title: result.title,
      summary: result.summary,
      fieldCode: result.fieldCode,
      stageReached: result.stageReached,
      readinessLevel: result.readinessLevel,
      ipItems: result.ipItems.map(({ kind, title, granted }) => ({
        kind,
        title,
        ...(granted !== undefined && { granted }),
      })),
      verificationCategories: result.verificationCategories,
      targetStage: result.targetStage,
      budgetBand: budgetMax === null ? null : budgetBandOf(budgetMax),
      transferModes: result.transferModes,
      confidentiality: result.confidentiality,
      status: result.status,
      publishedAt: result.publishedAt,
    };
    if (view === 'SUMMARY') return summary;
    return {
      ...summary,
      ipItems: result.ipItems.map((item) => ({ ...item })),
      instituteOrgId: result.instituteOrgId,
      ...(instituteName !== undefined && { instituteName }),
      description: result.description,
      budgetMinFen: fen(result.budgetMinFen),
      budgetMaxFen: fen(result.budgetMaxFen),
      contactName: result.contactName,
      contactPhone: result.contactPhone,
      contactEmail: result.contactEmail,
      statusReason: result.statusReason,
    };
  }
}

export class ResultPageDto extends pageDtoOf(ResultResponseDto, 'ResultPageDto') {}

export class ResultSearchHitDto extends ResultResponseDto {
  @ApiProperty({ description: 'Text relevance, 0..1' }) score: number;
}

export class ResultSearchPageDto extends pageDtoOf(ResultSearchHitDto, 'ResultSearchPageDto') {}
