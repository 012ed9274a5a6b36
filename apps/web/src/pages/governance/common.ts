/** Labels and small helpers shared by the governance screens (bureau and platform side). */
import { label } from '../../labels';

export const RECOGNITION_LEVEL: Record<string, string> = {
  NONE: '未认定',
  CITY: '市级',
  PROVINCE: '省级',
  NATIONAL: '国家级',
};
export const GRADE: Record<string, string> = { EXCELLENT: '优秀', GOOD: '良好', PASS: '合格', FAIL: '不合格' };
export const OUTCOME: Record<string, string> = {
  KEEP: '保持',
  DOWNGRADE: '降级',
  SUSPEND: '暂停服务',
  DELIST: '下架',
};
/** What each outcome of a failing grade does, said before the bureau confirms it. */
export const OUTCOME_CONSEQUENCE: Record<string, string> = {
  DOWNGRADE: '平台认定级别降低一级（市级降为未认定），高于新级别的认定随即失效。',
  SUSPEND: '平台暂停服务：其服务立即从搜索和服务大厅撤下，不能接单和报价，直至监管部门恢复上架。',
  DELIST: '平台下架并取消认定：其服务从搜索撤下，平台不再对外提供服务。',
};
export const OVERLAP: Record<string, string> = {
  ALONE: '单独适用',
  HIGHEST_IN_GROUP: '同组就高（采用）',
  LOWER_IN_GROUP_DROPPED: '同组较低（不重复享受）',
  NOT_APPLICABLE: '不符合条件',
};
export const RULE_KIND: Record<string, string> = {
  EQUIPMENT_RATIO: '设备购置按比例补助',
  OPERATING_RATIO: '运营补助（按服务性收入）',
  RECOGNITION_AWARD: '新认定一次性奖励',
  INVESTMENT_TIER_AWARD: '新认定设备投入分档支持',
  GRADE_AWARD: '绩效评价等级奖励',
};
export const EQUIPMENT_BASIS: Record<string, string> = {
  NON_FISCAL_EQUIPMENT: '非财政资金购置设备及软件',
  NEW_EQUIPMENT: '当年新增中试设备',
};
/** Levels a rule can name, highest first (NONE never carries an amount). */
export const RULE_LEVELS = ['NATIONAL', 'PROVINCE', 'CITY'] as const;

/** Basis points as a percentage: 3000 → 30%. */
export const pct = (bp: number | null | undefined): string =>
  bp === null || bp === undefined ? '—' : `${Number((bp / 100).toFixed(2))}%`;

/** Whole-percent input ↔ basis points; yuan input ↔ fen. Rounded so 0.1 + 0.2 never leaks a float. */
export const toBp = (percent: number): number => Math.round(percent * 100);
export const toFen = (yuan: number): number => Math.round(yuan * 100);
export const fromBp = (bp: number): number => bp / 100;
export const fromFen = (fen: number): number => fen / 100;

export const yearOptions = () => {
  const y = new Date().getFullYear();
  return [y, y - 1, y - 2].map((v) => ({ value: v, label: `${v} 年` }));
};

export const options = (map: Record<string, string>, keys: readonly string[] = Object.keys(map)) =>
  keys.map((value) => ({ value, label: map[value] ?? value }));

/**
 * The assessment's stored explanation is bilingual ("上限/cap ¥…", "平台级别不符 / level …"): keep the
 * Chinese, translate the rest, and name the rule that won its 就高不重复 group.
 */
export function reasonText(reason: string, names: Map<string, string>): string {
  return reason
    .replace(
      /; 就高不重复 \/ (\S+) is granted instead/,
      (_, code: string) => `；就高不重复：已采用“${names.get(code) ?? code}”`,
    )
    .replace(
      / \/ (level \S+ not in \S+|window from \d+ is over|no matching new recognition this year|awarded in \d+|before the window opened in \d+|already awarded for \w+|the ratio is not set)/,
      '',
    )
    .replace(/ \/ grade \S+$/, '')
    .replace(/评价非(\w+)/, (_, g: string) => `评价非“${label(GRADE, g)}”`)
    .replace(/新认定\/newly recognised (\w+)/, (_, l: string) => `新认定${label(RECOGNITION_LEVEL, l)}`)
    .replace(/评价\/grade (\w+)/, (_, g: string) => `评价“${label(GRADE, g)}”`)
    .replace('上限/cap', '上限')
    .replace(/该级别已奖励过(?=$|；)/, '该级别已奖励过（每个级别只奖励一次）')
    .replace('已付/paid', '已付')
    .replace(' (service revenue)', '（年度服务性收入）')
    .replace(/ \((NON_FISCAL_EQUIPMENT|NEW_EQUIPMENT)\)/, (_, b: string) => `（${label(EQUIPMENT_BASIS, b)}）`)
    .replace('tiers ×', '分档比例 ×')
    .replace(/, /g, '，')
    .replace(/: /g, '：');
}
