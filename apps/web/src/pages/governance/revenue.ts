/** Revenue declarations (服务性收入), shared by the operator's and the bureau's screens. */
import type { Schema } from '../../api';

export type RevenueRow = Schema<'RevenueDeclarationResponseDto'>;

export const REVENUE_STATUS: Record<string, [string, string | undefined]> = {
  DECLARED: ['待局方受理', 'blue'],
  ACCEPTED: ['已受理', 'green'],
  RETURNED: ['已退回', 'orange'],
};

export const REVENUE_FLAG: Record<string, string> = {
  BELOW_MARKETPLACE: '低于平台内完成订单收入',
  FAR_ABOVE_HISTORY: '超过以往最高受理年度的两倍',
};

/** Where the API names a field of a revenue form, the form item and the Chinese for it. */
export const REVENUE_FIELD_SPOTS: Record<string, [string, string]> = {
  serviceRevenueFen: ['revenueYuan', '金额须为 0 至 100 亿元'],
  evidence: ['evidence', '请用 2 至 4000 个字说明佐证材料'],
  year: ['year', '只能申报已开始的年度（2000 至今）'],
  note: ['note', '退回时请用 2 至 1000 个字说明原因'],
};
