import { RECOGNITION_LEVELS, RECOGNITION_RANK, RecognitionLevel } from '@pilotlink/core';
import { applyBasisPoints, assertFen, splitByBasisPoints } from '@pilotlink/core';
import {
  AmountByLevel,
  EquipmentBasis,
  InvestmentTier,
  SubsidyRule,
  unsetParameters,
  validateSubsidyRules,
} from './subsidy-rule';

/** The year's figures for one platform: the system's (revenue, grade) and the platform's declared ones. */
export interface AssessmentInputs {
  year: number;
  /** The platform's recognition level (the higher of this and `newlyRecognisedLevel` is used). */
  platformLevel: RecognitionLevel;
  /** A recognition granted this year, or null. */
  newlyRecognisedLevel: RecognitionLevel | null;
  /** Declared: equipment and software bought with non-fiscal money. */
  nonFiscalEquipmentFen: number;
  /** Declared: pilot equipment newly bought this year with non-fiscal money. */
  newEquipmentFen: number;
  /**
   * The year's 服务性收入: the bureau-accepted declaration when there is one, else the marketplace's
   * completed-order revenue (see `serviceRevenueSource`).
   */
  serviceRevenueFen: number;
  /** What the operating rule already paid the platform (the current assessments of its other years). */
  operatingPaidInWindowFen: number;
  /** The evaluation grade decided for this year, or null. */
  gradeThisYear: string | null;
  /** The last year a grade award was paid, or null. */
  lastGradeAwardYear: number | null;
  /**
   * The first year of the platform's operating-subsidy window, if it has one. When set, the window
   * closes after `windowYears` years (连续 3 年): from then on the operating rule pays nothing.
   * A year before it is outside the window too. Absent or null: the platform has no window yet, so
   * this year opens it.
   */
  operatingFirstYear?: number | null;
  /**
   * What each rule (by id) already paid the platform in its other years — the current assessments,
   * not superseded ones. Equipment caps are per platform across years: a year gets the cap minus this.
   */
  paidByRuleFen?: Record<string, number>;
  /** The levels each one-off award rule (by id) already paid the platform for: never twice per level. */
  awardedLevelsByRule?: Record<string, RecognitionLevel[]>;
  /** Where `serviceRevenueFen` came from (recorded for the bureau; not read by the rules). */
  serviceRevenueSource?: 'DECLARED' | 'MARKETPLACE';
  /** The marketplace's completed-order revenue of the year, shown beside the declaration. */
  marketplaceRevenueFen?: number;
  /** Flags on the revenue declaration (see `revenueDeclarationFlags`). */
  revenueFlags?: string[];
}

/**
 * ALONE: no other applying rule shares its overlap group; HIGHEST_IN_GROUP: granted as the highest of
 * its group (ties → the rule listed first); LOWER_IN_GROUP_DROPPED: another rule of the group is granted
 * instead; NOT_APPLICABLE: the rule's conditions are not met, so it takes no part in the overlap.
 */
export const OVERLAP_DECISIONS = ['ALONE', 'HIGHEST_IN_GROUP', 'LOWER_IN_GROUP_DROPPED', 'NOT_APPLICABLE'] as const;
export type OverlapDecision = (typeof OVERLAP_DECISIONS)[number];

export interface FunderPart {
  funderKey: string;
  amountFen: number;
}

export interface RuleAssessment {
  ruleId: string;
  code: string;
  name: string;
  kind: SubsidyRule['kind'];
  /** Are the rule's conditions (level, new recognition, grade, window) met? */
  applies: boolean;
  /** The rule's amount before its cap. */
  computedFen: number;
  /** The cap that applied (for the operating rule: what is left of the window's cap), or null. */
  capFen: number | null;
  cappedFen: number;
  /** What is granted after 就高不重复: `cappedFen`, or 0 when dropped or not applicable. */
  amountFen: number;
  overlapDecision: OverlapDecision;
  reason: string;
  /** `amountFen` split over the rule's funders, in their order. */
  split: FunderPart[];
}

export interface Assessment {
  year: number;
  rules: RuleAssessment[];
  totalFen: number;
  /** Per funder, in order of first appearance across the rules. */
  funderTotals: { funderKey: string; name: string; amountFen: number }[];
}

/** ¥ and whole yuan with thousands separators; fen only when there are any. No floats. */
export function formatYuan(fen: number): string {
  assertFen(fen);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = abs % 100;
  return `${sign}¥${yuan}${cents === 0 ? '' : `.${String(cents).padStart(2, '0')}`}`;
}

function percent(bp: number): string {
  return `${bp / 100}%`;
}

/** Marginal tiers, each part rounded down on its own, so the total never exceeds the basis. */
export function tieredAmountFen(tiers: readonly InvestmentTier[], basisFen: number): number {
  assertFen(basisFen);
  let total = 0;
  let lower = 0;
  for (const tier of tiers) {
    if (tier.ratioBp === null) throw new RangeError('a tier ratio is not set');
    const upper = tier.uptoFen === null ? basisFen : Math.min(tier.uptoFen, basisFen);
    if (upper <= lower) break;
    total += applyBasisPoints(upper - lower, tier.ratioBp);
    lower = upper;
  }
  return total;
}

function checkInputs(inputs: AssessmentInputs): void {
  if (!Number.isInteger(inputs.year)) throw new RangeError(`year must be an integer: ${inputs.year}`);
  if (!RECOGNITION_LEVELS.includes(inputs.platformLevel)) {
    throw new RangeError(`unknown platform level: ${String(inputs.platformLevel)}`);
  }
  if (inputs.newlyRecognisedLevel !== null && !RECOGNITION_LEVELS.includes(inputs.newlyRecognisedLevel)) {
    throw new RangeError(`unknown recognised level: ${String(inputs.newlyRecognisedLevel)}`);
  }
  for (const field of [
    'nonFiscalEquipmentFen',
    'newEquipmentFen',
    'serviceRevenueFen',
    'operatingPaidInWindowFen',
  ] as const) {
    assertFen(inputs[field]);
    if (inputs[field] < 0) throw new RangeError(`${field} cannot be negative: ${inputs[field]}`);
  }
  for (const [ruleId, paid] of Object.entries(inputs.paidByRuleFen ?? {})) {
    assertFen(paid);
    if (paid < 0) throw new RangeError(`paidByRuleFen.${ruleId} cannot be negative: ${paid}`);
  }
  for (const field of ['lastGradeAwardYear', 'operatingFirstYear'] as const) {
    const value = inputs[field];
    if (value !== null && value !== undefined && !Number.isInteger(value)) {
      throw new RangeError(`${field} must be an integer year or null: ${value}`);
    }
  }
}

function effectiveLevel(inputs: AssessmentInputs): RecognitionLevel {
  const recognised = inputs.newlyRecognisedLevel;
  return recognised !== null && RECOGNITION_RANK[recognised] > RECOGNITION_RANK[inputs.platformLevel]
    ? recognised
    : inputs.platformLevel;
}

function basisFen(basis: EquipmentBasis, inputs: AssessmentInputs): number {
  return basis === 'NON_FISCAL_EQUIPMENT' ? inputs.nonFiscalEquipmentFen : inputs.newEquipmentFen;
}

function byLevel(amounts: AmountByLevel, level: RecognitionLevel | null): number | null {
  if (level === null || level === 'NONE') return null;
  return amounts[level] ?? null;
}

/** Why a one-off award does not pay again for this level, or null. */
function alreadyAwarded(rule: SubsidyRule, inputs: AssessmentInputs): string | null {
  const level = inputs.newlyRecognisedLevel;
  if (level === null || !(inputs.awardedLevelsByRule?.[rule.id] ?? []).includes(level)) return null;
  return `该级别已奖励过 / already awarded for ${level}`;
}

interface Computed {
  applies: boolean;
  computedFen: number;
  capFen: number | null;
  reason: string;
}

function notApplicable(reason: string): Computed {
  return { applies: false, computedFen: 0, capFen: null, reason };
}

function compute(rule: SubsidyRule, inputs: AssessmentInputs): Computed {
  const level = effectiveLevel(inputs);
  switch (rule.kind) {
    case 'EQUIPMENT_RATIO': {
      if (rule.requiresRecognition && !rule.requiresRecognition.includes(level)) {
        return notApplicable(`平台级别不符 / level ${level} not in ${rule.requiresRecognition.join('|')}`);
      }
      const base = basisFen(rule.basis, inputs);
      // "按非财政资金购置设备软件费用的 30%、给予不超过 500 万元补助": the cap is one sum per platform, so
      // what the rule paid in other years comes off it.
      const fullCapFen = (rule.capFenByLevel && byLevel(rule.capFenByLevel, level)) ?? rule.capFen;
      const paidFen = inputs.paidByRuleFen?.[rule.id] ?? 0;
      const capFen = fullCapFen === null ? null : Math.max(0, fullCapFen - paidFen);
      return {
        applies: true,
        computedFen: applyBasisPoints(base, rule.ratioBp),
        capFen,
        reason:
          `${percent(rule.ratioBp)} × ${formatYuan(base)} (${rule.basis})` +
          (fullCapFen === null ? '' : `, 累计上限/cap ${formatYuan(fullCapFen)} − 已付/paid ${formatYuan(paidFen)}`),
      };
    }
    case 'OPERATING_RATIO': {
      if (rule.requiresRecognition && !rule.requiresRecognition.includes(level)) {
        return notApplicable(`平台级别不符 / level ${level} not in ${rule.requiresRecognition.join('|')}`);
      }
      // "连续 3 年累计最高 300 万元": the window opens at the first year paid and lasts windowYears years.
      const first = inputs.operatingFirstYear;
      if (first !== null && first !== undefined && inputs.year - first >= rule.windowYears) {
        return notApplicable(`连续${rule.windowYears}年已满 / window from ${first} is over`);
      }
      if (first !== null && first !== undefined && inputs.year < first) {
        return notApplicable(`早于补助起始年 ${first} / before the window opened in ${first}`);
      }
      const capFen = Math.max(0, rule.capFen - inputs.operatingPaidInWindowFen);
      return {
        applies: true,
        computedFen: applyBasisPoints(inputs.serviceRevenueFen, rule.ratioBp),
        capFen,
        reason:
          `${percent(rule.ratioBp)} × ${formatYuan(inputs.serviceRevenueFen)} (service revenue), ` +
          `${rule.windowYears}年累计上限 ${formatYuan(rule.capFen)} − 已付/paid ${formatYuan(inputs.operatingPaidInWindowFen)}`,
      };
    }
    case 'RECOGNITION_AWARD': {
      // "对新认定的国家级中试平台给予 150 万元奖励，新认定的省级中试平台给予 50 万元奖励": once per level.
      const amount = byLevel(rule.amountFenByLevel, inputs.newlyRecognisedLevel);
      if (amount === null) return notApplicable('当年无相应新认定 / no matching new recognition this year');
      const again = alreadyAwarded(rule, inputs);
      if (again) return notApplicable(again);
      return {
        applies: true,
        computedFen: amount,
        capFen: null,
        reason: `新认定/newly recognised ${String(inputs.newlyRecognisedLevel)}`,
      };
    }
    case 'INVESTMENT_TIER_AWARD': {
      const capFen = byLevel(rule.capFenByLevel, inputs.newlyRecognisedLevel);
      if (capFen === null) return notApplicable('当年无相应新认定 / no matching new recognition this year');
      // "根据设备投入的一定比例": the policy names no ratio, so an unset one pays nothing (and the rule
      // cannot be activated — see unsetParameters).
      if (unsetParameters(rule).length > 0) return notApplicable('比例未设定 / the ratio is not set');
      const again = alreadyAwarded(rule, inputs);
      if (again) return notApplicable(again);
      const base = basisFen(rule.basis, inputs);
      return {
        applies: true,
        computedFen: tieredAmountFen(rule.tiers, base),
        capFen,
        reason: `新认定/newly recognised ${String(inputs.newlyRecognisedLevel)}: tiers × ${formatYuan(base)} (${rule.basis}), 上限/cap ${formatYuan(capFen)}`,
      };
    }
    case 'GRADE_AWARD': {
      if (inputs.gradeThisYear !== rule.grade) {
        return notApplicable(`评价非${rule.grade} / grade ${inputs.gradeThisYear ?? 'none'}`);
      }
      const last = inputs.lastGradeAwardYear;
      if (last !== null && inputs.year - last < rule.oncePerYears) {
        return notApplicable(`${rule.oncePerYears}年内已奖励 / awarded in ${last}`);
      }
      return { applies: true, computedFen: rule.amountFen, capFen: null, reason: `评价/grade ${rule.grade}` };
    }
  }
}

/**
 * The subsidies a platform's year earns under a rule set: each rule's amount and cap, then 就高不重复
 * (within an overlap group only the single highest capped amount is granted, ties to the rule listed
 * first), then each grant split over its funders so the parts add up exactly (an odd fen goes to the
 * earlier funder). Pure: the caller supplies the figures and records the result.
 */
export function assessSubsidies(rules: readonly SubsidyRule[], inputs: AssessmentInputs): Assessment {
  const problem = validateSubsidyRules(rules);
  if (problem) throw new RangeError(problem);
  checkInputs(inputs);

  const computed = rules.map((rule) => {
    const result = compute(rule, inputs);
    const cappedFen = result.capFen === null ? result.computedFen : Math.min(result.computedFen, result.capFen);
    return { rule, ...result, cappedFen: result.applies ? cappedFen : 0 };
  });

  // the winner of each overlap group among the applying rules: highest capped amount, ties to the first
  const winners = new Map<string, number>();
  const applyingInGroup = new Map<string, number>();
  computed.forEach((entry, index) => {
    const group = entry.rule.overlapGroup;
    if (group === null || !entry.applies) return;
    applyingInGroup.set(group, (applyingInGroup.get(group) ?? 0) + 1);
    const best = winners.get(group);
    if (best === undefined || entry.cappedFen > computed[best].cappedFen) winners.set(group, index);
  });

  const funderTotals: Assessment['funderTotals'] = [];
  const assessed = computed.map((entry, index): RuleAssessment => {
    const { rule } = entry;
    const group = rule.overlapGroup;
    let overlapDecision: OverlapDecision;
    let reason = entry.reason;
    if (!entry.applies) overlapDecision = 'NOT_APPLICABLE';
    else if (group === null || (applyingInGroup.get(group) ?? 0) < 2) overlapDecision = 'ALONE';
    else if (winners.get(group) === index) overlapDecision = 'HIGHEST_IN_GROUP';
    else {
      overlapDecision = 'LOWER_IN_GROUP_DROPPED';
      reason += `; 就高不重复 / ${computed[winners.get(group) as number].rule.code} is granted instead`;
    }
    const granted = overlapDecision === 'ALONE' || overlapDecision === 'HIGHEST_IN_GROUP';
    const amountFen = granted ? entry.cappedFen : 0;
    const parts = splitByBasisPoints(
      amountFen,
      rule.funders.map((funder) => funder.shareBp),
    );
    const split = rule.funders.map((funder, i) => ({ funderKey: funder.key, amountFen: parts[i] }));
    for (const [i, funder] of rule.funders.entries()) {
      let total = funderTotals.find((candidate) => candidate.funderKey === funder.key);
      if (!total) {
        total = { funderKey: funder.key, name: funder.name, amountFen: 0 };
        funderTotals.push(total);
      }
      total.amountFen += parts[i];
    }
    return {
      ruleId: rule.id,
      code: rule.code,
      name: rule.name,
      kind: rule.kind,
      applies: entry.applies,
      computedFen: entry.computedFen,
      capFen: entry.capFen,
      cappedFen: entry.cappedFen,
      amountFen,
      overlapDecision,
      reason,
      split,
    };
  });

  return {
    year: inputs.year,
    rules: assessed,
    totalFen: assessed.reduce((sum, rule) => sum + rule.amountFen, 0),
    funderTotals,
  };
}
