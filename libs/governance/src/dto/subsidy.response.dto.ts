import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { pageDtoOf } from '@pilotlink/core';
import { SUBSIDY_RULE_KINDS } from '../domain/subsidy-rule';
import type { SubsidyRule } from '../domain/subsidy-rule';
import { FunderDto } from './subsidy.request.dto';

export class EquipmentDeclarationResponseDto {
  @ApiProperty({ format: 'uuid' }) platformId: string;
  @ApiProperty() year: number;
  @ApiProperty({ description: 'Equipment and software bought with non-fiscal money, fen' })
  nonFiscalEquipmentFen: number;
  @ApiProperty({ description: 'Of which pilot equipment newly bought that year, fen' }) newEquipmentFen: number;
  @ApiProperty() evidence: string;
  @ApiProperty({ description: 'When it was last declared' }) updatedAt: Date;
}

/** The rule as the assessment reads it: the common fields, and the fields of its kind (the others absent). */
export class SubsidyRuleDataDto {
  @ApiProperty({ enum: SUBSIDY_RULE_KINDS }) kind: SubsidyRule['kind'];
  @ApiProperty({ type: String, nullable: true, description: '就高不重复 group' }) overlapGroup: string | null;
  @ApiProperty({ type: [FunderDto] }) funders: FunderDto[];
  @ApiPropertyOptional() source?: string;
  @ApiPropertyOptional({ description: 'EQUIPMENT_RATIO, INVESTMENT_TIER_AWARD' }) basis?: string;
  @ApiPropertyOptional({ description: 'EQUIPMENT_RATIO, OPERATING_RATIO' }) ratioBp?: number;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'EQUIPMENT_RATIO, OPERATING_RATIO' })
  capFen?: number | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'number' }, description: 'fen by level' })
  capFenByLevel?: Record<string, number>;
  @ApiPropertyOptional({ type: [String] }) requiresRecognition?: string[];
  @ApiPropertyOptional({ description: 'OPERATING_RATIO' }) windowYears?: number;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'number' }, description: 'RECOGNITION_AWARD' })
  amountFenByLevel?: Record<string, number>;
  @ApiPropertyOptional({
    type: 'array',
    items: {
      type: 'object',
      properties: { uptoFen: { type: 'number', nullable: true }, ratioBp: { type: 'number', nullable: true } },
      required: ['uptoFen', 'ratioBp'],
    },
    description: 'INVESTMENT_TIER_AWARD; ratioBp null: the policy names no ratio and the bureau has not set one',
  })
  tiers?: { uptoFen: number | null; ratioBp: number | null }[];
  @ApiPropertyOptional({ description: 'GRADE_AWARD' }) grade?: string;
  @ApiPropertyOptional({ description: 'GRADE_AWARD' }) amountFen?: number;
  @ApiPropertyOptional({ description: 'GRADE_AWARD' }) oncePerYears?: number;
}

export class SubsidyRuleResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: SUBSIDY_RULE_KINDS }) kind: string;
  @ApiProperty() regionCode: string;
  @ApiProperty() active: boolean;
  @ApiProperty({ type: SubsidyRuleDataDto, description: 'The whole rule as the assessment reads it' })
  rule: SubsidyRule;
  @ApiProperty({
    type: [String],
    description:
      'Parameters the bureau must still set (e.g. tiers[0].ratioBp when the policy names no ratio); the rule cannot be active until this is empty',
  })
  unsetParameters: string[];
  @ApiProperty({
    description: 'How the rule reads its clause over time (windows, cumulative caps, once-only awards), in Chinese',
  })
  interpretation: string;
}

export class SubsidyRulePageDto extends pageDtoOf(SubsidyRuleResponseDto, 'SubsidyRulePageDto') {}

export class EquipmentDeclarationPageDto extends pageDtoOf(
  EquipmentDeclarationResponseDto,
  'EquipmentDeclarationPageDto',
) {}
