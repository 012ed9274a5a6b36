/** Labels and small helpers shared by the governance screens (bureau and platform side). */
import { label } from '../../shared/labels';
import { RECOGNITION_LEVEL } from '../../shared/labels/catalogue';
import { EQUIPMENT_BASIS, GRADE } from '../../shared/labels/governance';

/** Levels a rule can name, highest first (NONE never carries an amount). */
export const RULE_LEVELS = ['NATIONAL', 'PROVINCE', 'CITY'] as const;

export const yearOptions = () => {
  const y = new Date().getFullYear();
  return [y, y - 1, y - 2].map((v) => ({ value: v, label: `${v} 年` }));
};

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
