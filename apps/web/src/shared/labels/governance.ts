export const RECOGNITION_STATUS: Record<string, string> = {
  PENDING: '待审核',
  APPROVED: '已认定',
  REJECTED: '未通过',
  LAPSED: '已失效',
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

export const REVENUE_STATUS: Record<string, [string, string | undefined]> = {
  DECLARED: ['待局方受理', 'blue'],
  ACCEPTED: ['已受理', 'green'],
  RETURNED: ['已退回', 'orange'],
};

export const REVENUE_FLAG: Record<string, string> = {
  BELOW_MARKETPLACE: '低于平台内完成订单收入',
  FAR_ABOVE_HISTORY: '超过以往最高受理年度的两倍',
};

/** 重点项目的阶段 (广州方案: 概念验证—小试—中试熟化—产业化). */
export const KEY_PROJECT_STAGE: Record<string, string> = {
  CONCEPT: '概念验证',
  LAB: '小试',
  PILOT: '中试熟化',
  INDUSTRIALISATION: '产业化',
};

export const KEY_PROJECT_SUBJECT: Record<string, string> = {
  RESULT: '科技成果',
  DEMAND: '中试需求',
  ORDER: '服务订单',
};
export const KEY_PROJECT_STATUS: Record<string, string> = { ACTIVE: '跟踪中', CLOSED: '已结束' };
