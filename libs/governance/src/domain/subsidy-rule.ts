import { RECOGNITION_LEVELS, RecognitionLevel } from '@pilotlink/core';
import { GRADES, Grade } from './evaluation';

/**
 * Platform subsidy rules (SPEC §7) as data the bureau can change: each rule is one clause of a
 * policy text with its numbers, who pays it (`funders`) and the group it must not be added to
 * (`overlapGroup`: 就高不重复 — within one group only the highest amount is granted).
 * Money is integer fen, ratios are basis points (10000 = 100 %).
 */
export const SUBSIDY_RULE_KINDS = [
  'EQUIPMENT_RATIO',
  'OPERATING_RATIO',
  'RECOGNITION_AWARD',
  'INVESTMENT_TIER_AWARD',
  'GRADE_AWARD',
] as const;
export type SubsidyRuleKind = (typeof SUBSIDY_RULE_KINDS)[number];

/**
 * Which declared equipment figure a rule is a share of:
 * NON_FISCAL_EQUIPMENT — equipment and software bought with non-fiscal money (Jinjiang 30 %);
 * NEW_EQUIPMENT — pilot equipment newly bought in the year with non-fiscal money (Jinjiang 20 %).
 */
export const EQUIPMENT_BASES = ['NON_FISCAL_EQUIPMENT', 'NEW_EQUIPMENT'] as const;
export type EquipmentBasis = (typeof EQUIPMENT_BASES)[number];

/** Recognition levels a rule can name; NONE is no recognition, so it never carries an amount. */
export type RecognisedLevel = Exclude<RecognitionLevel, 'NONE'>;
export type AmountByLevel = Partial<Record<RecognisedLevel, number>>;

export interface SubsidyFunder {
  /** Stable key, e.g. the region's name in capitals: QUANZHOU. */
  key: string;
  name: string;
  shareBp: number;
}

interface SubsidyRuleBase {
  id: string;
  /** Short code for reports, unique within a rule set. */
  code: string;
  /** The clause's Chinese name. */
  name: string;
  /** The 6-digit region code of the bureau whose policy this is. */
  region: string;
  /** Rules with the same group are 就高不重复: only the single highest is granted. Null: adds up. */
  overlapGroup: string | null;
  /** Who pays what share; shares add up to 10000 bp. The first funder gets an odd fen. */
  funders: SubsidyFunder[];
  /** Where the numbers come from (document and clause). */
  source?: string;
}

/**
 * `ratioBp` of an equipment figure, capped per platform level (`capFenByLevel`, else `capFen`). The cap
 * is per platform and rule, across years (晋江 §六(二): "给予不超过 500 万元补助" is one sum per platform):
 * a year gets at most the cap minus what the rule already paid the platform in its other years.
 */
export interface EquipmentRatioRule extends SubsidyRuleBase {
  kind: 'EQUIPMENT_RATIO';
  basis: EquipmentBasis;
  ratioBp: number;
  /** The cap for a level not in `capFenByLevel`; null = no cap. */
  capFen: number | null;
  capFenByLevel?: AmountByLevel;
  /** The platform's level must be one of these; absent = any level, even NONE. */
  requiresRecognition?: RecognitionLevel[];
}

/**
 * `ratioBp` of the year's service revenue (晋江 §六(二): "按中试验证平台年度服务性收入的 30% 给予运营主体补助，
 * 连续 3 年累计最高 300 万元"). Interpretation: the window opens at the platform's first year this rule
 * paid anything (stored when that assessment is made, audited) and covers `windowYears` consecutive
 * calendar years from it; a year before or after the window gets nothing. Everything the rule paid the
 * platform (the current assessments of its other years) adds up to at most `capFen`.
 */
export interface OperatingRatioRule extends SubsidyRuleBase {
  kind: 'OPERATING_RATIO';
  ratioBp: number;
  capFen: number;
  windowYears: number;
  requiresRecognition?: RecognitionLevel[];
}

/**
 * A fixed award for a recognition newly granted in the year, by the new level — once per platform and
 * level (晋江 §六(二): "对新认定的国家级中试平台 … 150 万元奖励，新认定的省级 … 50 万元"): a renewal, or a
 * level lapsing and being regained, pays nothing again.
 */
export interface RecognitionAwardRule extends SubsidyRuleBase {
  kind: 'RECOGNITION_AWARD';
  amountFenByLevel: AmountByLevel;
}

/**
 * One marginal tier: `ratioBp` of the part of the basis up to `uptoFen` (null = no limit). `ratioBp`
 * null: the policy names no ratio and the bureau has not set one yet — the rule cannot be active.
 */
export interface InvestmentTier {
  uptoFen: number | null;
  ratioBp: number | null;
}

/**
 * For a platform newly recognised in the year at a level in `capFenByLevel`: marginal tiers of its
 * equipment investment (like tax brackets), capped by the new level; once per platform and level, like
 * the recognition award.
 */
export interface InvestmentTierAwardRule extends SubsidyRuleBase {
  kind: 'INVESTMENT_TIER_AWARD';
  basis: EquipmentBasis;
  tiers: InvestmentTier[];
  capFenByLevel: AmountByLevel;
}

/** A fixed award for an evaluation grade, at most once in any `oncePerYears` years. */
export interface GradeAwardRule extends SubsidyRuleBase {
  kind: 'GRADE_AWARD';
  grade: Grade;
  amountFen: number;
  oncePerYears: number;
}

export type SubsidyRule =
  EquipmentRatioRule | OperatingRatioRule | RecognitionAwardRule | InvestmentTierAwardRule | GradeAwardRule;

export const MAX_INVESTMENT_TIERS = 10;
export const MAX_FUNDERS = 10;
const RECOGNISED_LEVELS: readonly string[] = RECOGNITION_LEVELS.filter((level) => level !== 'NONE');

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function isRatioBp(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 10000;
}

function isPositiveFen(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

function isYears(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 20;
}

function checkFunders(funders: unknown): string | null {
  if (!Array.isArray(funders) || funders.length === 0) return 'funders must be a non-empty list';
  if (funders.length > MAX_FUNDERS) return `at most ${MAX_FUNDERS} funders`;
  const keys = new Set<string>();
  let total = 0;
  for (const [index, funder] of funders.entries()) {
    if (!isObject(funder)) return `funder ${index + 1} must be an object`;
    if (!isText(funder.key)) return `funder ${index + 1} needs a key`;
    if (keys.has(funder.key)) return `duplicate funder key: ${funder.key}`;
    keys.add(funder.key);
    if (!isText(funder.name)) return `funder ${funder.key} needs a name`;
    if (!isRatioBp(funder.shareBp)) return `share of ${funder.key} must be an integer from 1 to 10000 bp`;
    total += funder.shareBp;
  }
  return total === 10000 ? null : `funder shares must add up to 10000 bp, got ${total}`;
}

/** A map from recognised levels to positive fen amounts; `required` = at least one entry. */
function checkByLevel(field: string, value: unknown, required: boolean): string | null {
  if (!isObject(value)) return `${field} must be an object of level → fen`;
  const entries = Object.entries(value);
  if (required && entries.length === 0) return `${field} needs at least one level`;
  for (const [level, amount] of entries) {
    if (!RECOGNISED_LEVELS.includes(level)) return `${field}: ${level} is not a recognition level (NONE has none)`;
    if (!isPositiveFen(amount)) return `${field}.${level} must be a positive integer fen amount`;
  }
  return null;
}

function checkRequiresRecognition(value: unknown): string | null {
  if (value === undefined) return null;
  if (!Array.isArray(value) || value.length === 0) return 'requiresRecognition must be a non-empty list when set';
  for (const level of value) {
    if (!(RECOGNITION_LEVELS as readonly unknown[]).includes(level)) {
      return `requiresRecognition: ${String(level)} is not a recognition level`;
    }
  }
  return new Set(value).size === value.length ? null : 'requiresRecognition lists a level twice';
}

function checkTiers(tiers: unknown): string | null {
  if (!Array.isArray(tiers) || tiers.length === 0) return 'tiers must be a non-empty list';
  if (tiers.length > MAX_INVESTMENT_TIERS) return `at most ${MAX_INVESTMENT_TIERS} tiers`;
  let previous = 0;
  for (const [index, tier] of tiers.entries()) {
    if (!isObject(tier)) return `tier ${index + 1} must be an object`;
    if (tier.ratioBp !== null && !isRatioBp(tier.ratioBp)) {
      return `tier ${index + 1}: ratioBp must be an integer from 1 to 10000, or null (not yet set)`;
    }
    if (index === tiers.length - 1) {
      if (tier.uptoFen !== null) return 'the last tier must have uptoFen null (no upper limit)';
    } else {
      if (!isPositiveFen(tier.uptoFen) || tier.uptoFen <= previous) {
        return `tier ${index + 1}: uptoFen must be an integer above the previous tier's`;
      }
      previous = tier.uptoFen;
    }
  }
  return null;
}

function checkKind(rule: Record<string, unknown>): string | null {
  switch (rule.kind) {
    case 'EQUIPMENT_RATIO': {
      if (!(EQUIPMENT_BASES as readonly unknown[]).includes(rule.basis)) {
        return `basis must be one of ${EQUIPMENT_BASES.join(', ')}`;
      }
      if (!isRatioBp(rule.ratioBp)) return 'ratioBp must be an integer from 1 to 10000';
      if (rule.capFen !== null && !isPositiveFen(rule.capFen)) return 'capFen must be a positive integer or null';
      if (rule.capFenByLevel !== undefined) {
        const problem = checkByLevel('capFenByLevel', rule.capFenByLevel, true);
        if (problem) return problem;
      }
      return checkRequiresRecognition(rule.requiresRecognition);
    }
    case 'OPERATING_RATIO':
      if (!isRatioBp(rule.ratioBp)) return 'ratioBp must be an integer from 1 to 10000';
      if (!isPositiveFen(rule.capFen)) return 'capFen must be a positive integer fen amount';
      if (!isYears(rule.windowYears)) return 'windowYears must be an integer from 1 to 20';
      return checkRequiresRecognition(rule.requiresRecognition);
    case 'RECOGNITION_AWARD':
      return checkByLevel('amountFenByLevel', rule.amountFenByLevel, true);
    case 'INVESTMENT_TIER_AWARD':
      if (!(EQUIPMENT_BASES as readonly unknown[]).includes(rule.basis)) {
        return `basis must be one of ${EQUIPMENT_BASES.join(', ')}`;
      }
      return checkTiers(rule.tiers) ?? checkByLevel('capFenByLevel', rule.capFenByLevel, true);
    case 'GRADE_AWARD':
      if (!(GRADES as readonly unknown[]).includes(rule.grade) || rule.grade === 'FAIL') {
        return 'grade must be EXCELLENT, GOOD or PASS';
      }
      if (!isPositiveFen(rule.amountFen)) return 'amountFen must be a positive integer fen amount';
      return isYears(rule.oncePerYears) ? null : 'oncePerYears must be an integer from 1 to 20';
    default:
      return `kind must be one of ${SUBSIDY_RULE_KINDS.join(', ')}`;
  }
}

/** Null when the rule is usable, else why not. Takes `unknown` because rules arrive as JSON. */
export function validateSubsidyRule(rule: unknown): string | null {
  if (!isObject(rule)) return 'rule must be an object';
  if (!isText(rule.id)) return 'id must be a non-empty string';
  if (typeof rule.code !== 'string' || !/^[A-Z][A-Z0-9_]{1,63}$/.test(rule.code)) {
    return 'code must be 2-64 capital letters, digits or _ starting with a letter';
  }
  if (!isText(rule.name)) return 'name must be a non-empty string';
  if (typeof rule.region !== 'string' || !/^[1-9]\d{5}$/.test(rule.region)) return 'region must be a 6-digit code';
  if (rule.overlapGroup !== null && !isText(rule.overlapGroup))
    return 'overlapGroup must be a non-empty string or null';
  if (rule.source !== undefined && typeof rule.source !== 'string') return 'source must be a string when set';
  return checkFunders(rule.funders) ?? checkKind(rule);
}

/**
 * The parameters a bureau still has to set before the rule can be active (e.g. `tiers[0].ratioBp`):
 * a policy that names no figure gets none invented for it.
 */
export function unsetParameters(rule: SubsidyRule): string[] {
  if (rule.kind !== 'INVESTMENT_TIER_AWARD') return [];
  return rule.tiers.flatMap((tier, index) => (tier.ratioBp === null ? [`tiers[${index}].ratioBp`] : []));
}

/**
 * How the rule reads its clause over time, in Chinese, for the bureau and the operator (the
 * interpretation issue 16 asks to be stated where the rule is shown).
 */
export function ruleInterpretation(rule: SubsidyRule): string {
  switch (rule.kind) {
    case 'OPERATING_RATIO':
      return (
        `连续 ${rule.windowYears} 年自平台首次获得运营补助的年度起算（该年度被记录并审计），此后第 ${rule.windowYears + 1} 年起不再补助；` +
        `累计上限按各年度实际拨付（当前有效测算）合计计算。服务性收入以局方受理的年度申报为准，无受理申报时以平台内完成订单收入计。`
      );
    case 'EQUIPMENT_RATIO':
      return '补助上限为每个平台跨年度累计的上限：当年最多给予上限减去本规则以往年度已拨付的金额。';
    case 'RECOGNITION_AWARD':
      return '每个平台每个级别只奖励一次：复审续期或级别失效后重新认定，不再奖励。';
    case 'INVESTMENT_TIER_AWARD':
      return unsetParameters(rule).length
        ? '政策未规定比例（"一定比例"），须由局方设定比例后方可启用；每个平台每个级别只支持一次。'
        : '每个平台每个级别只支持一次。';
    case 'GRADE_AWARD':
      return `${rule.oncePerYears} 年内最多奖励一次。`;
  }
}

export function isSubsidyRule(rule: unknown): rule is SubsidyRule {
  return validateSubsidyRule(rule) === null;
}

/** A rule set: every rule valid (reported with its position), ids and codes unique. */
export function validateSubsidyRules(rules: unknown): string | null {
  if (!Array.isArray(rules)) return 'rules must be a list';
  const ids = new Set<unknown>();
  const codes = new Set<unknown>();
  for (const [index, rule] of rules.entries()) {
    const problem = validateSubsidyRule(rule);
    if (problem) return `rule ${index + 1}: ${problem}`;
    const { id, code } = rule as SubsidyRule;
    if (ids.has(id)) return `duplicate rule id: ${id}`;
    if (codes.has(code)) return `duplicate rule code: ${code}`;
    ids.add(id);
    codes.add(code);
  }
  return null;
}

/** Jinjiang (晋江, 350582) bureau; Quanzhou (泉州) is the city above it. */
export const JINJIANG_REGION = '350582';
export const JIAXING_REGION = '330400';

const JINJIANG_SOURCE = 'seeds/002_814eb3791e2526c6.txt:111 六(二) 政策保障';
const JIAXING_SOURCE = 'seeds/003_0da40fc626b994ed.txt:49 6.梯度培育完善体系架构';

/** "前述补助资金由泉州、晋江按 1:1 比例分摊"; SPEC §7 applies the 1:1 to each subsidy. */
const QUANZHOU_JINJIANG: SubsidyFunder[] = [
  { key: 'QUANZHOU', name: '泉州市', shareBp: 5000 },
  { key: 'JINJIANG', name: '晋江市', shareBp: 5000 },
];

/** Every platform level that holds at least a city recognition ("经泉州市认定"). */
const CITY_OR_ABOVE: RecognitionLevel[] = ['CITY', 'PROVINCE', 'NATIONAL'];

/**
 * The Jinjiang clause as seeded. The two equipment subsidies share the overlap group JJ_EQUIPMENT:
 * they pay for the same purchases, so a national/provincial platform gets the higher of the 30 % and
 * the 20 % subsidy, never both (同一平台在上级及本级政策中按"就高不重复"原则执行). The innovation-centre
 * sentences of the same clause (国家级创新中心) are not platform rules and are not modelled.
 */
export const JINJIANG_RULES: readonly SubsidyRule[] = [
  {
    id: 'jinjiang-equipment-30',
    code: 'JJ_EQUIPMENT_30',
    name: '中试验证平台设备购置补助',
    kind: 'EQUIPMENT_RATIO',
    region: JINJIANG_REGION,
    overlapGroup: 'JJ_EQUIPMENT',
    funders: QUANZHOU_JINJIANG,
    basis: 'NON_FISCAL_EQUIPMENT',
    // 按非财政资金购置设备软件费用的 30%、给予不超过 500 万元补助
    ratioBp: 3000,
    capFen: 500_000_000,
    requiresRecognition: CITY_OR_ABOVE,
    source: JINJIANG_SOURCE,
  },
  {
    id: 'jinjiang-operating-30',
    code: 'JJ_OPERATING_30',
    name: '中试验证平台运营补助',
    kind: 'OPERATING_RATIO',
    region: JINJIANG_REGION,
    overlapGroup: null,
    funders: QUANZHOU_JINJIANG,
    // 按中试验证平台年度服务性收入的 30% 给予运营主体补助，连续 3 年累计最高 300 万元
    ratioBp: 3000,
    capFen: 300_000_000,
    windowYears: 3,
    requiresRecognition: CITY_OR_ABOVE,
    source: JINJIANG_SOURCE,
  },
  {
    id: 'jinjiang-recognition-award',
    code: 'JJ_RECOGNITION_AWARD',
    name: '新认定国家级、省级中试平台奖励',
    kind: 'RECOGNITION_AWARD',
    region: JINJIANG_REGION,
    overlapGroup: null,
    funders: QUANZHOU_JINJIANG,
    // 新认定的国家级中试平台给予 150 万元奖励，新认定的省级中试平台给予 50 万元奖励
    amountFenByLevel: { NATIONAL: 150_000_000, PROVINCE: 50_000_000 },
    source: JINJIANG_SOURCE,
  },
  {
    id: 'jinjiang-new-equipment-20',
    code: 'JJ_NEW_EQUIPMENT_20',
    name: '国家级、省级中试平台新增设备补助',
    kind: 'EQUIPMENT_RATIO',
    region: JINJIANG_REGION,
    overlapGroup: 'JJ_EQUIPMENT',
    funders: QUANZHOU_JINJIANG,
    basis: 'NEW_EQUIPMENT',
    // 当年度新增的非财政资金购置的中试设备设施，按购置总额的 20%，分别给予不超过 500 万元、300 万元补助
    ratioBp: 2000,
    capFen: null,
    capFenByLevel: { NATIONAL: 500_000_000, PROVINCE: 300_000_000 },
    requiresRecognition: ['PROVINCE', 'NATIONAL'],
    source: JINJIANG_SOURCE,
  },
];

const JIAXING: SubsidyFunder[] = [{ key: 'JIAXING', name: '嘉兴市', shareBp: 10000 }];

/**
 * The Jiaxing clause as seeded (嘉兴 §6: "对新认定的国家级、省级中试平台，在省级资金补助的基础上，根据设备投入的
 * 一定比例，分别给予最高不超过 1000 万元、500 万元的支持"). The text gives no tiers and no ratio — only "一定
 * 比例" — so it is one open-ended tier whose ratio is left unset (null): the Jiaxing bureau sets it, and
 * until then the rule cannot be activated. The caps are the seed's. The award comes "在省级资金补助的基础上"
 * (on top of provincial money), so it is in no overlap group.
 */
export const JIAXING_RULES: readonly SubsidyRule[] = [
  {
    id: 'jiaxing-new-platform-investment',
    code: 'JX_NEW_PLATFORM_INVESTMENT',
    name: '新认定国家级、省级中试平台设备投入支持',
    kind: 'INVESTMENT_TIER_AWARD',
    region: JIAXING_REGION,
    overlapGroup: null,
    funders: JIAXING,
    basis: 'NEW_EQUIPMENT',
    // 根据设备投入的一定比例: no ratio in the policy, so none here — the bureau must set it.
    tiers: [{ uptoFen: null, ratioBp: null }],
    capFenByLevel: { NATIONAL: 1_000_000_000, PROVINCE: 500_000_000 },
    source: JIAXING_SOURCE,
  },
  {
    id: 'jiaxing-excellent-award',
    code: 'JX_EXCELLENT_AWARD',
    name: '年度绩效考核优秀中试平台奖励',
    kind: 'GRADE_AWARD',
    region: JIAXING_REGION,
    overlapGroup: null,
    funders: JIAXING,
    // 年度绩效考核结果为优秀的中试平台，每个给予 100 万元的奖励，3 年内最多奖励一次
    grade: 'EXCELLENT',
    amountFen: 100_000_000,
    oncePerYears: 3,
    source: JIAXING_SOURCE,
  },
];
