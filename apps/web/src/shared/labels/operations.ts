export const JOB_STATE: Record<string, string> = {
  waiting: '排队中',
  prioritized: '排队中',
  delayed: '等待重试',
  active: '进行中',
  completed: '完成',
  failed: '失败',
  unknown: '未知',
};

export const JOB_STATE_COLOR: Record<string, string> = { active: 'processing', completed: 'success', failed: 'error' };
export const INDEX_KIND: Record<string, string> = {
  services: '服务',
  platforms: '平台',
  demands: '需求',
  results: '科技成果',
  policies: '政策资讯',
};
export const INDEX_STATE: Record<string, string> = {
  PENDING: '待处理',
  FILLING: '写入中',
  SWAPPING: '切换中',
  DONE: '完成',
};

export const QUEUE: Record<string, string> = {
  maintenance: '维护任务',
  notifications: '通知分发',
  webhooks: 'Webhook 推送',
};

export const JOB_NAME: Record<string, string> = {
  'reindex-search': '重建搜索索引',
  'reconcile-search-index': '搜索索引校对',
  'prune-refresh-tokens': '清理过期令牌',
  'expire-demands-and-quotes': '需求与报价到期处理',
  'expire-vouchers': '服务券到期处理',
  'lapse-recognitions': '平台认定到期处理',
  'dispatch-event': '分发事件',
  'notify-recipient': '通知接收方',
  'deliver-webhook': '推送 Webhook',
};
