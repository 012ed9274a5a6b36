/** The subsidy-rule form's data: yuan and percent on screen, fen and basis points in the API. */
import { RequestBody, Schema } from '../../shared/api';
import { yuan, fromFen, fromBp, toFen, toBp, pct } from '../../shared/money';
import { label } from '../../shared/labels';
import { RULE_LEVELS } from './common';
import { EQUIPMENT_BASIS, GRADE } from '../../shared/labels/governance';
import { RECOGNITION_LEVEL } from '../../shared/labels/catalogue';

type ByLevel = Partial<Record<string, number>>;

export type Funder = Schema<'FunderDto'>;

/** The rule as GET /subsidy-rules returns it in `rule` (the kind's fields beside the common ones). */
export type RuleData = Schema<'SubsidyRuleDataDto'>;

export type SubsidyRuleRow = Schema<'SubsidyRuleResponseDto'>;

/** The form in yuan and percent; `paramsOf` turns it into the API's fen and basis points. */
export interface RuleForm {
  code?: string;
  name?: string;
  kind: RequestBody<'CreateSubsidyRuleDto'>['kind'];
  overlapGroup?: string | null;
  source?: string;
  active?: boolean;
  funders: { key: string; name: string; sharePct: number }[];
  basis?: string;
  ratioPct?: number;
  capYuan?: number | null;
  capByLevel?: Partial<Record<string, number | null>>;
  requiresRecognition?: string[];
  windowYears?: number;
  amountByLevel?: Partial<Record<string, number | null>>;
  tiers?: { uptoYuan?: number | null; ratioPct?: number | null }[];
  grade?: string;
  amountYuan?: number;
  oncePerYears?: number;
}

const byLevelFen = (values: RuleForm['capByLevel']): ByLevel | undefined => {
  const entries = Object.entries(values ?? {}).filter(([, v]) => v !== null && v !== undefined);
  return entries.length ? Object.fromEntries(entries.map(([level, v]) => [level, toFen(v as number)])) : undefined;
};

const byLevelYuan = (values: ByLevel | undefined) =>
  Object.fromEntries(Object.entries(values ?? {}).map(([level, fen]) => [level, fromFen(fen as number)]));

/** The kind's own fields, in fen and basis points, as POST/PATCH take them in `params`. */
export function paramsOf(v: RuleForm): Record<string, unknown> {
  const requires = v.requiresRecognition?.length ? { requiresRecognition: v.requiresRecognition } : {};
  switch (v.kind) {
    case 'EQUIPMENT_RATIO': {
      const capFenByLevel = byLevelFen(v.capByLevel);
      return {
        basis: v.basis,
        ratioBp: toBp(v.ratioPct ?? 0),
        capFen: v.capYuan === null || v.capYuan === undefined ? null : toFen(v.capYuan),
        ...(capFenByLevel && { capFenByLevel }),
        ...requires,
      };
    }
    case 'OPERATING_RATIO':
      return {
        ratioBp: toBp(v.ratioPct ?? 0),
        capFen: toFen(v.capYuan ?? 0),
        windowYears: v.windowYears,
        ...requires,
      };
    case 'RECOGNITION_AWARD':
      return { amountFenByLevel: byLevelFen(v.amountByLevel) ?? {} };
    case 'INVESTMENT_TIER_AWARD': {
      const tiers = v.tiers ?? [];
      return {
        basis: v.basis,
        tiers: tiers.map((t, i) => ({
          uptoFen: i === tiers.length - 1 || t.uptoYuan === null || t.uptoYuan === undefined ? null : toFen(t.uptoYuan),
          // Left empty: not set yet (嘉兴 "一定比例" names none) — saved as null, the rule stays inactive.
          ratioBp: t.ratioPct === null || t.ratioPct === undefined ? null : toBp(t.ratioPct),
        })),
        capFenByLevel: byLevelFen(v.capByLevel) ?? {},
      };
    }
    case 'GRADE_AWARD':
      return { grade: v.grade, amountFen: toFen(v.amountYuan ?? 0), oncePerYears: v.oncePerYears };
    default:
      return {};
  }
}

export const fundersOf = (v: RuleForm): Funder[] =>
  (v.funders ?? []).map((f) => ({ key: f.key, name: f.name, shareBp: toBp(f.sharePct ?? 0) }));

/** A stored rule back into the form's yuan and percent. */
export function formOf(row: SubsidyRuleRow): RuleForm {
  const r = row.rule;
  return {
    code: row.code,
    name: row.name,
    kind: row.kind,
    active: row.active,
    overlapGroup: r.overlapGroup,
    source: r.source,
    funders: r.funders.map((f) => ({ key: f.key, name: f.name, sharePct: fromBp(f.shareBp) })),
    basis: r.basis,
    ratioPct: r.ratioBp === undefined ? undefined : fromBp(r.ratioBp),
    capYuan: r.capFen === undefined || r.capFen === null ? null : fromFen(r.capFen),
    capByLevel: byLevelYuan(r.capFenByLevel),
    requiresRecognition: r.requiresRecognition,
    windowYears: r.windowYears,
    amountByLevel: byLevelYuan(r.amountFenByLevel),
    tiers: r.tiers?.map((t) => ({
      uptoYuan: t.uptoFen === null ? null : fromFen(t.uptoFen),
      ratioPct: t.ratioBp === null ? null : fromBp(t.ratioBp),
    })),
    grade: r.grade,
    amountYuan: r.amountFen === undefined ? undefined : fromFen(r.amountFen),
    oncePerYears: r.oncePerYears,
  };
}

const byLevelText = (values: ByLevel | undefined) =>
  RULE_LEVELS.filter((level) => values?.[level] !== undefined)
    .map((level) => `${RECOGNITION_LEVEL[level]} ${yuan(values?.[level])}`)
    .join('、');

/** One line of Chinese saying what the rule pays. */
export function ruleSummary(kind: string, r: RuleData): string {
  const requires = r.requiresRecognition?.length
    ? `；限${r.requiresRecognition.map((l) => label(RECOGNITION_LEVEL, l)).join('/')}平台`
    : '';
  switch (kind) {
    case 'EQUIPMENT_RATIO': {
      const byLevel = byLevelText(r.capFenByLevel);
      const cap = r.capFen === null || r.capFen === undefined ? '' : `，上限 ${yuan(r.capFen)}`;
      return `${label(EQUIPMENT_BASIS, r.basis)} × ${pct(r.ratioBp)}${cap}${byLevel ? `，按级别上限 ${byLevel}` : ''}${requires}`;
    }
    case 'OPERATING_RATIO':
      return `年度服务性收入 × ${pct(r.ratioBp)}，连续 ${r.windowYears} 年累计最高 ${yuan(r.capFen ?? 0)}${requires}`;
    case 'RECOGNITION_AWARD':
      return `新认定 ${byLevelText(r.amountFenByLevel)}`;
    case 'INVESTMENT_TIER_AWARD': {
      const tiers = (r.tiers ?? [])
        .map(
          (t) =>
            `${t.uptoFen === null ? '其余部分' : `至 ${yuan(t.uptoFen)}`} ${t.ratioBp === null ? '比例未设定' : pct(t.ratioBp)}`,
        )
        .join('，');
      return `${label(EQUIPMENT_BASIS, r.basis)}分档：${tiers}；上限 ${byLevelText(r.capFenByLevel)}`;
    }
    case 'GRADE_AWARD':
      return `评价“${label(GRADE, r.grade)}”奖励 ${yuan(r.amountFen ?? 0)}，${r.oncePerYears} 年内最多一次`;
    default:
      return '—';
  }
}

export type Name = (string | number)[];

const RATIO_TEXT = '比例须在 0.01% 至 100% 之间';

export function paramSpot(message: string, lastFunder: number, lastTier: number): [Name, string] | null {
  const shares = message.match(/funder shares must add up to 10000 bp, got (\d+)/);
  if (shares)
    return [['funders', lastFunder, 'sharePct'], `各出资方分担比例合计须为 100%（现为 ${pct(Number(shares[1]))}）`];
  if (/duplicate funder key/.test(message)) return [['funders', lastFunder, 'key'], '出资方代码重复'];
  if (/funder/.test(message)) return [['funders', lastFunder, 'sharePct'], '出资方设置有误'];
  const tier = message.match(/^tier (\d+): (\w+)/);
  if (tier) {
    const index = Number(tier[1]) - 1;
    return tier[2] === 'ratioBp'
      ? [['tiers', index, 'ratioPct'], RATIO_TEXT]
      : [['tiers', index, 'uptoYuan'], '本档上限须高于上一档'];
  }
  if (/last tier/.test(message)) return [['tiers', lastTier, 'uptoYuan'], '最后一档不设上限'];
  if (/^tiers|tiers/.test(message)) return [['tiers', 0, 'ratioPct'], '请至少设置一档'];
  const byLevel = message.match(/^(capFenByLevel|amountFenByLevel)(?:\.(\w+)|: (\w+))?/);
  if (byLevel) {
    const field = byLevel[1] === 'capFenByLevel' ? 'capByLevel' : 'amountByLevel';
    const level = byLevel[2] ?? (RULE_LEVELS as readonly string[]).find((l) => l === byLevel[3]) ?? 'NATIONAL';
    return /at least one level/.test(message)
      ? [[field, 'NATIONAL'], '请至少填写一个级别的金额']
      : [[field, level], '金额须大于 0'];
  }
  if (/^ratioBp/.test(message)) return [['ratioPct'], RATIO_TEXT];
  if (/^capFen/.test(message)) return [['capYuan'], '上限须为大于 0 的金额'];
  if (/^windowYears/.test(message)) return [['windowYears'], '年限须为 1 至 20 年'];
  if (/^oncePerYears/.test(message)) return [['oncePerYears'], '年限须为 1 至 20 年'];
  if (/^amountFen/.test(message)) return [['amountYuan'], '奖励金额须大于 0'];
  if (/^grade/.test(message)) return [['grade'], '请选择优秀、良好或合格'];
  if (/^basis/.test(message)) return [['basis'], '请选择计算基数'];
  if (/requiresRecognition/.test(message)) return [['requiresRecognition'], '适用级别设置有误'];
  if (/^overlapGroup/.test(message)) return [['overlapGroup'], '分组名称不能为空白'];
  if (/^code/.test(message)) return [['code'], '编码须为大写字母开头的 2–40 位大写字母、数字或下划线'];
  if (/^name/.test(message)) return [['name'], '请填写规则名称'];
  return null;
}

export function dtoSpot(field: string, lastFunder: number): [Name, string] | null {
  const funder = field.match(/^funders\.(\d+)\.(key|name|shareBp)$/);
  if (funder) {
    const index = Number(funder[1]);
    if (funder[2] === 'key') return [['funders', index, 'key'], '代码须为 1–32 位大写字母、数字或下划线'];
    if (funder[2] === 'name') return [['funders', index, 'name'], '请填写出资方名称'];
    return [['funders', index, 'sharePct'], RATIO_TEXT];
  }
  if (field === 'funders') return [['funders', lastFunder, 'sharePct'], '请设置出资方'];
  const unset = field.match(/^params\.tiers\[(\d+)\]\.ratioBp$/);
  if (unset) return [['tiers', Number(unset[1]), 'ratioPct'], '政策未规定比例，请先设定比例再启用'];
  if (field === 'code') return [['code'], '编码须为 2–40 位大写字母、数字或下划线'];
  if (field === 'name') return [['name'], '名称须为 2–200 个字符'];
  if (field === 'overlapGroup') return [['overlapGroup'], '分组名称不超过 40 个字符'];
  if (field === 'source') return [['source'], '政策依据不超过 200 个字符'];
  if (field === 'kind') return [['kind'], '请选择规则类型'];
  return null;
}
