import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RECOGNITION_LEVELS } from '@pilotlink/core';
import type { RecognitionLevel } from '@pilotlink/core';
import { pageDtoOf, parseFen } from '@pilotlink/core';
import { OVERLAP_DECISIONS } from '../domain/assessment';
import type { Assessment, AssessmentInputs, OverlapDecision, RuleAssessment } from '../domain/assessment';
import { SUBSIDY_RULE_KINDS } from '../domain/subsidy-rule';
import type { SubsidyRule } from '../domain/subsidy-rule';
import type { SubsidyAssessment } from '../subsidies/subsidy.entities';

/** The year's figures the assessment read (AssessmentInputs), stored with it. */
export class AssessmentInputsDto implements AssessmentInputs {
  @ApiProperty() year: number;
  @ApiProperty({ enum: RECOGNITION_LEVELS }) platformLevel: RecognitionLevel;
  @ApiProperty({ enum: RECOGNITION_LEVELS, nullable: true, description: 'A recognition granted this year' })
  newlyRecognisedLevel: RecognitionLevel | null;
  @ApiProperty({ description: 'Declared: equipment and software bought with non-fiscal money' })
  nonFiscalEquipmentFen: number;
  @ApiProperty({ description: 'Declared: pilot equipment newly bought this year' }) newEquipmentFen: number;
  @ApiProperty({ description: '服务性收入: the accepted declaration, else the marketplace revenue' })
  serviceRevenueFen: number;
  @ApiProperty({ description: 'What the operating rule already paid in its window' }) operatingPaidInWindowFen: number;
  @ApiProperty({ type: String, nullable: true }) gradeThisYear: string | null;
  @ApiProperty({ type: Number, nullable: true }) lastGradeAwardYear: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'First year of the operating-subsidy window' })
  operatingFirstYear?: number | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'integer' }, description: 'By rule id' })
  paidByRuleFen?: Record<string, number>;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string', enum: [...RECOGNITION_LEVELS] } },
    description: 'By rule id: the levels a one-off award already paid for',
  })
  awardedLevelsByRule?: Record<string, RecognitionLevel[]>;
  @ApiPropertyOptional({ enum: ['DECLARED', 'MARKETPLACE'] }) serviceRevenueSource?: 'DECLARED' | 'MARKETPLACE';
  @ApiPropertyOptional() marketplaceRevenueFen?: number;
  @ApiPropertyOptional({ type: [String] }) revenueFlags?: string[];
}

export class FunderPartDto {
  @ApiProperty() funderKey: string;
  @ApiProperty() amountFen: number;
}

export class FunderTotalDto extends FunderPartDto {
  @ApiProperty() name: string;
}

export class RuleAssessmentDto implements RuleAssessment {
  @ApiProperty({ format: 'uuid' }) ruleId: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: SUBSIDY_RULE_KINDS }) kind: SubsidyRule['kind'];
  @ApiProperty({ description: "Are the rule's conditions met?" }) applies: boolean;
  @ApiProperty({ description: 'Before its cap' }) computedFen: number;
  @ApiProperty({ type: Number, nullable: true }) capFen: number | null;
  @ApiProperty() cappedFen: number;
  @ApiProperty({ description: 'Granted after 就高不重复' }) amountFen: number;
  @ApiProperty({ enum: OVERLAP_DECISIONS }) overlapDecision: OverlapDecision;
  @ApiProperty({ description: 'Why, in Chinese' }) reason: string;
  @ApiProperty({ type: [FunderPartDto] }) split: FunderPartDto[];
}

export class AssessmentResultDto implements Assessment {
  @ApiProperty() year: number;
  @ApiProperty({ type: [RuleAssessmentDto] }) rules: RuleAssessmentDto[];
  @ApiProperty() totalFen: number;
  @ApiProperty({ type: [FunderTotalDto] }) funderTotals: FunderTotalDto[];
}

export class SubsidyAssessmentResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) platformId: string;
  @ApiProperty() year: number;
  @ApiProperty({ format: 'uuid' }) bureauOrgId: string;
  @ApiProperty({ type: AssessmentInputsDto }) inputs: AssessmentInputsDto;
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'The rules as they read when assessed (see SubsidyRuleResponseDto.rule)',
  })
  rules: SubsidyRule[];
  @ApiProperty({ type: AssessmentResultDto }) result: AssessmentResultDto;
  @ApiProperty() totalFen: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: Date, nullable: true, description: 'Set when a re-assessment replaced it' })
  supersededAt: Date | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) supersededBy: string | null;

  static from(a: SubsidyAssessment): SubsidyAssessmentResponseDto {
    return {
      id: a.id,
      platformId: a.platformId,
      year: a.year,
      bureauOrgId: a.bureauOrgId,
      inputs: a.inputs,
      rules: a.rules,
      result: a.result,
      totalFen: parseFen(a.totalFen),
      createdAt: a.createdAt,
      supersededAt: a.supersededAt,
      supersededBy: a.supersededBy,
    };
  }
}

export class SubsidyAssessmentPageDto extends pageDtoOf(SubsidyAssessmentResponseDto, 'SubsidyAssessmentPageDto') {}
