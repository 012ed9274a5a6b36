export const DEMAND_STATUS: Record<string, string> = {
  DRAFT: '草稿',
  OPEN: '征集中',
  AWARDED: '已选定',
  CLOSED: '已关闭',
  CANCELLED: '已取消',
  EXPIRED: '已过期',
};

export const QUOTE_STATUS: Record<string, string> = {
  SUBMITTED: '待决定',
  REVISION_REQUESTED: '待修改',
  ACCEPTED: '已接受',
  DECLINED: '已婉拒',
  WITHDRAWN: '已撤回',
  EXPIRED: '已过期',
};

export const CONFIDENTIALITY: Record<string, { label: string; help: string }> = {
  PUBLIC: { label: '公开', help: '所有已认证平台可在需求大厅看到全部内容（含详细描述），并可主动报价。' },
  SUMMARY: {
    label: '仅公开摘要',
    help: '平台只能看到标题、领域、阶段等摘要；详细描述仅对您邀请的平台或签署保密协议（NDA）的平台可见。',
  },
  PRIVATE: { label: '不公开', help: '需求不进入需求大厅和搜索，仅您邀请的平台可见并报价。' },
};

export const STAGE: Record<string, string> = {
  LAB: '小试',
  PILOT: '中试',
  SMALL_BATCH: '小批量试产',
  CONCEPT: '概念验证',
};

/** Why the SME declines a quote (the API's reason codes); the platform sees it. */
export const DECLINE_REASON: Record<string, string> = {
  PRICE_TOO_HIGH: '价格过高',
  TIMELINE_TOO_LONG: '周期过长',
  SCOPE_MISMATCH: '服务范围不符',
  CHOSE_ANOTHER: '已选择其他平台',
  NO_LONGER_NEEDED: '不再需要',
  OTHER: '其他',
};
