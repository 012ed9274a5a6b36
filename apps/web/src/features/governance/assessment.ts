import type { Schema } from '../../shared/api';

export type RuleAssessment = Schema<'RuleAssessmentDto'>;
export type AssessmentInputs = Schema<'AssessmentInputsDto'>;

export type AssessmentRow = Schema<'SubsidyAssessmentResponseDto'>;
