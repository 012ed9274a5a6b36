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

export const RESERVATION_STATUS: Record<string, string> = {
  CONFIRMED: '已确认',
  CHECKED_IN: '使用中',
  COMPLETED: '已完成',
  CANCELLED: '已取消',
  NO_SHOW: '未到场',
};

export const WEEKDAY_LABEL: Record<string, string> = {
  MON: '周一',
  TUE: '周二',
  WED: '周三',
  THU: '周四',
  FRI: '周五',
  SAT: '周六',
  SUN: '周日',
};

/** Order actions as buttons (POST /orders/:id/{action}); `start` from DISPUTED reads as rework. */
export const ORDER_ACTION: Record<string, string> = {
  accept: '接单',
  reject: '拒绝接单',
  contract: '确认合同',
  start: '开始服务',
  deliver: '上传验收报告并交付',
  complete: '确认验收',
  cancel: '取消订单',
  dispute: '对交付提出异议',
};
