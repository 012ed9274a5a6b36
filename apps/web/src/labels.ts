export const DEMAND_STATUS: Record<string, string> = {
  DRAFT: '草稿',
  OPEN: '征集中',
  AWARDED: '已选定',
  CLOSED: '已关闭',
  CANCELLED: '已取消',
  EXPIRED: '已过期',
};
export const ORDER_STATUS: Record<string, string> = {
  REQUESTED: '待平台接单',
  ACCEPTED: '已接单',
  REJECTED: '已拒绝',
  CONTRACTED: '已签合同',
  IN_PROGRESS: '服务中',
  DELIVERED: '已交付',
  COMPLETED: '已完成',
  CANCELLED: '已取消',
  DISPUTED: '争议中',
};
export const QUOTE_STATUS: Record<string, string> = {
  SUBMITTED: '待决定',
  REVISION_REQUESTED: '待修改',
  ACCEPTED: '已接受',
  DECLINED: '已婉拒',
  WITHDRAWN: '已撤回',
  EXPIRED: '已过期',
};
export const VOUCHER_STATUS: Record<string, string> = {
  ACTIVE: '可用',
  EXHAUSTED: '已用完',
  EXPIRED: '已过期',
  REVOKED: '已作废',
};
export const CLAIM_STATUS: Record<string, string> = {
  SUBMITTED: '待审核',
  APPROVED: '已通过（公示中）',
  UNDER_OBJECTION: '异议核查中（暂停拨付）',
  REJECTED: '已驳回',
  PAID: '已拨付',
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
export const CHECK_LABEL: Record<string, string> = {
  INVOICE_MATCHES_CONTRACT: '发票金额与合同一致',
  CONTRACT_NUMBER_MATCHES: '合同编号一致',
  PAYMENTS_COVER_SME_SHARE: '企业自付部分已付清',
  COMPLETED_WITHIN_VALIDITY: '在服务券有效期内完成',
  HELD_WITHIN_VALIDITY: '在有效期内使用服务券',
};
export const label = (map: Record<string, string>, key: string | null | undefined): string =>
  key ? (map[key] ?? key) : '—';
export const APPLICATION_STATUS: Record<string, string> = {
  PENDING: '待审核',
  APPROVED: '已批准',
  REJECTED: '未批准',
  WITHDRAWN: '已撤回',
};
export const PROGRAM_STATUS: Record<string, string> = {
  DRAFT: '草稿',
  OPEN: '申报中',
  CLOSED: '已关闭',
};
export const PROGRAM_KIND: Record<string, string> = {
  PILOT_SERVICE: '中试服务券',
  INNOVATION: '创新券',
};
export const REDEMPTION_MODE: Record<string, string> = {
  REIMBURSE: '企业先付后报（报销）',
  DEDUCT: '下单直接抵扣（平台兑付）',
};
export const RESERVATION_STATUS: Record<string, string> = {
  CONFIRMED: '已确认',
  CHECKED_IN: '使用中',
  COMPLETED: '已完成',
  CANCELLED: '已取消',
  NO_SHOW: '未到场',
};
