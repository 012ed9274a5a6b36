export interface RuleAssessment {
  ruleId: string;
  code: string;
  name: string;
  applies: boolean;
  computedFen: number;
  capFen: number | null;
  cappedFen: number;
  amountFen: number;
  overlapDecision: string;
  reason: string;
  split: { funderKey: string; amountFen: number }[];
}

export interface AssessmentInputs {
  year: number;
  platformLevel: string;
  newlyRecognisedLevel: string | null;
  nonFiscalEquipmentFen: number;
  newEquipmentFen: number;
  serviceRevenueFen: number;
  operatingPaidInWindowFen: number;
  gradeThisYear: string | null;
  lastGradeAwardYear: number | null;
  serviceRevenueSource?: 'DECLARED' | 'MARKETPLACE';
  operatingFirstYear?: number | null;
  marketplaceRevenueFen?: number;
}

export interface AssessmentRow {
  id: string;
  year: number;
  totalFen: string | number;
  createdAt: string;
  supersededAt: string | null;
  inputs: AssessmentInputs;
  result: {
    rules: RuleAssessment[];
    totalFen: number;
    funderTotals: { funderKey: string; name: string; amountFen: number }[];
  };
}
