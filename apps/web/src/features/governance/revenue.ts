/** Revenue declarations (服务性收入), shared by the operator's and the bureau's screens. */
import type { Schema } from '../../shared/api';

export type RevenueRow = Schema<'RevenueDeclarationResponseDto'>;

/** Where the API names a field of a revenue form, the form item and the Chinese for it. */
export const REVENUE_FIELD_SPOTS: Record<string, [string, string]> = {
  serviceRevenueFen: ['revenueYuan', '金额须为 0 至 100 亿元'],
  evidence: ['evidence', '请用 2 至 4000 个字说明佐证材料'],
  year: ['year', '只能申报已开始的年度（2000 至今）'],
  note: ['note', '退回时请用 2 至 1000 个字说明原因'],
};
