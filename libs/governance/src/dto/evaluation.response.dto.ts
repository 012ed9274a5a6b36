import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RECOGNITION_LEVELS } from '@pilotlink/core';
import type { RecognitionLevel } from '@pilotlink/core';
import { pageDtoOf } from '@pilotlink/core';
import { EVALUATION_OUTCOMES, gradeForScore, GRADES, scoreIndicators } from '../domain/evaluation';
import type { EvaluationOutcome, Grade, PlatformIndicators } from '../domain/evaluation';
import type { PlatformEvaluation } from '../recognition/platform-evaluation.entity';

export class PlatformIndicatorsDto implements PlatformIndicators {
  @ApiProperty({ description: 'Orders COMPLETED in the year' }) ordersCompleted: number;
  @ApiProperty({ description: 'Payments on those orders, fen' }) serviceRevenueFen: number;
  @ApiProperty({ description: 'Distinct SMEs of those orders' }) smesServed: number;
  @ApiProperty({ description: "Those orders from SMEs outside the platform's city, basis points" })
  externalUserShareBp: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) ratingAvg: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) medianFirstQuoteMinutes: number | null;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'Instrument minutes used by other orgs / all used minutes, basis points; null when unused',
  })
  sharingRateBp: number | null;
  @ApiProperty({ description: 'Voucher claims against the platform rejected in the year' }) claimsRejected: number;
}

export class IndicatorScoreDto {
  @ApiProperty({ description: 'Points from the indicators, before the penalty' }) points: number;
  @ApiProperty({ description: 'Points lost to rejected claims' }) penalty: number;
  @ApiProperty({ description: '0..100' }) total: number;
  @ApiProperty({ enum: GRADES }) suggestedGrade: Grade;
}

export class IndicatorsResponseDto {
  @ApiProperty({ format: 'uuid' }) platformId: string;
  @ApiProperty() year: number;
  @ApiProperty({ type: PlatformIndicatorsDto }) indicators: PlatformIndicatorsDto;
  @ApiProperty({ type: IndicatorScoreDto }) score: IndicatorScoreDto;
}

export class EvaluationResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) platformId: string;
  @ApiProperty() year: number;
  @ApiProperty({ format: 'uuid' }) bureauOrgId: string;
  @ApiProperty({ type: PlatformIndicatorsDto, description: 'As computed when the evaluation was recorded' })
  indicators: PlatformIndicatorsDto;
  @ApiProperty({ type: IndicatorScoreDto }) score: IndicatorScoreDto;
  @ApiProperty({ enum: GRADES }) suggestedGrade: Grade;
  @ApiProperty({ enum: GRADES }) grade: Grade;
  @ApiProperty({ enum: EVALUATION_OUTCOMES }) outcome: EvaluationOutcome;
  @ApiProperty({ enum: RECOGNITION_LEVELS }) levelBefore: RecognitionLevel;
  @ApiProperty({ enum: RECOGNITION_LEVELS }) levelAfter: RecognitionLevel;
  @ApiProperty() remarks: string;
  @ApiProperty() createdAt: Date;

  static from(e: PlatformEvaluation): EvaluationResponseDto {
    return {
      id: e.id,
      platformId: e.platformId,
      year: e.year,
      bureauOrgId: e.bureauOrgId,
      indicators: e.indicators,
      score: scoreOf(e.indicators),
      suggestedGrade: e.suggestedGrade,
      grade: e.grade,
      outcome: e.outcome,
      levelBefore: e.levelBefore,
      levelAfter: e.levelAfter,
      remarks: e.remarks,
      createdAt: e.createdAt,
    };
  }
}

export function scoreOf(indicators: PlatformIndicators): IndicatorScoreDto {
  const score = scoreIndicators(indicators);
  const points = score.parts.reduce((sum, part) => sum + part.points, 0);
  return { points, penalty: score.penalty, total: score.total, suggestedGrade: gradeForScore(score.total) };
}

export class EvaluationPageDto extends pageDtoOf(EvaluationResponseDto, 'EvaluationPageDto') {}
