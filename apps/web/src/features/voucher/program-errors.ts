import type { FormInstance } from 'antd';
import { ApiError } from '../../shared/api';
import { fieldMessage, errorText } from '../../shared/errors';

/** API request fields → the form's name paths and their Chinese labels. */
export const FIELDS: [RegExp, (m: RegExpMatchArray) => (string | number)[], (m: RegExpMatchArray) => string][] = [
  [/^name$/, () => ['name'], () => '项目名称'],
  [/^kind$/, () => ['kind'], () => '类型'],
  [/^year$/, () => ['year'], () => '年度'],
  [/^budgetFen$/, () => ['budgetYuan'], () => '初始预算'],
  [/^maxVoucherFen$/, () => ['maxVoucherYuan'], () => '单券上限'],
  [/^rule\.ratioBp$/, () => ['ratioPercent'], () => '补贴比例'],
  [/^rule\.tiers\.(\d+)\.uptoFen$/, (m) => ['tiers', Number(m[1]), 'uptoYuan'], (m) => `第 ${Number(m[1]) + 1} 档上限`],
  [
    /^rule\.tiers\.(\d+)\.ratioBp$/,
    (m) => ['tiers', Number(m[1]), 'ratioPercent'],
    (m) => `第 ${Number(m[1]) + 1} 档比例`,
  ],
  [/^rule(\.tiers|\.kind)?$/, () => ['ruleKind'], () => '补贴规则'],
  [/^capPerSmeYearFen$/, () => ['capPerSmeYearYuan'], () => '每家企业每年补贴上限'],
  [/^capPerOrderFen$/, () => ['capPerOrderYuan'], () => '每笔订单补贴上限'],
  [/^capPerPlatformYearFen$/, () => ['capPerPlatformYearYuan'], () => '每个平台每年补贴上限'],
  [/^smeRegionCodes(\.\d+)?$/, () => ['smeRegionCodes'], () => '企业所在地区'],
  [/^smeFieldCodes(\.\d+)?$/, () => ['smeFieldCodes'], () => '行业领域'],
  [/^eligibleCategories(\.\d+)?$/, () => ['eligibleCategories'], () => '服务类别'],
  [/^excludedPurposes(\.\d+)?$/, () => ['excludedPurposes'], () => '排除用途'],
  [/^platformIds(\.\d+)?$/, () => ['platformIds'], () => '指定服务机构'],
  [/^minRecognitionLevel$/, () => ['minRecognitionLevel'], () => '最低认定级别'],
  [/^apply(From|Until)$/, () => ['apply'], () => '申报期'],
  [/^validityDays$/, () => ['validityDays'], () => '有效天数'],
  [/^redemptionMode$/, () => ['redemptionMode'], () => '兑付方式'],
  [/^cofunders\.(\d+)\.name$/, (m) => ['cofunders', Number(m[1]), 'name'], (m) => `出资方 ${Number(m[1]) + 1} 名称`],
  [
    /^cofunders\.(\d+)\.shareBp$/,
    (m) => ['cofunders', Number(m[1]), 'sharePercent'],
    (m) => `出资方 ${Number(m[1]) + 1} 比例`,
  ],
  [/^cofunders(\.\d+\.key)?$/, () => ['cofunders'], () => '出资方'],
  [/^noticeDays$/, () => ['noticeDays'], () => '公示天数'],
  [/^claimWindowDays$/, () => ['claimWindowDays'], () => '兑付申请期限'],
  [/^spotCheckBp$/, () => ['spotCheckPercent'], () => '抽查比例'],
];

/** What checkRules (programs.service.ts) says, in Chinese. */
export const RULE_MESSAGES: [RegExp, string][] = [
  [/add up to 10000/, '各出资方比例合计须为 100%'],
  [/duplicate co-funder/, '出资方重复'],
  [/must not be before applyFrom/, '截止日期不能早于开始日期'],
  [/last tier must have uptoFen null/, '最后一档不设上限'],
  [/uptoFen must be an integer above/, '各档上限须逐档递增'],
  [/tiers must be a non-empty list/, '至少需要一档'],
  [/6-digit/, '须为 6 位行政区划代码，如 350582'],
];

/**
 * Puts the API's field errors (details.fields[].field, e.g. `rule.tiers.1.uptoFen`) next to the form
 * items they concern, in Chinese; answers the general message. Like applyApiErrors, with the
 * program form's own names (yuan/percent fields, list rows by index).
 */
export function applyProgramErrors(form: FormInstance, error: unknown): string {
  if (error instanceof ApiError) {
    const placed = (error.details.fields ?? []).map((f) => {
      const hit = FIELDS.map(([re, name, label]) => {
        const m = f.field.match(re);
        return m ? { name: name(m), label: label(m) } : undefined;
      }).find(Boolean);
      const messages = f.errors.map((e) => {
        const known = RULE_MESSAGES.find(([re]) => re.test(e));
        return known ? `${hit?.label ?? f.field}：${known[1]}` : fieldMessage(hit?.label ?? f.field, e);
      });
      return { name: hit?.name ?? f.field.split('.'), errors: messages };
    });
    form.setFields(placed);
  }
  return errorText(error);
}
