export const RESULT_STATUS: Record<string, string> = {
  DRAFT: '草稿',
  PUBLISHED: '已发布',
  IN_PILOT: '中试验证中',
  TRANSFERRED: '已转化',
  WITHDRAWN: '已撤回',
};

export const RESULT_STAGE: Record<string, string> = { CONCEPT: '概念验证', LAB: '小试' };

export const RESULT_TARGET_STAGE: Record<string, string> = { LAB: '小试', PILOT: '中试', SMALL_BATCH: '小批量试产' };

export const TRANSFER_MODE: Record<string, string> = {
  ASSIGNMENT: '转让',
  LICENSE: '许可',
  EQUITY: '作价入股',
  CO_DEVELOPMENT: '合作开发',
};

export const IP_KIND: Record<string, string> = {
  INVENTION_PATENT: '发明专利',
  UTILITY_MODEL_PATENT: '实用新型专利',
  DESIGN_PATENT: '外观设计专利',
  SOFTWARE_COPYRIGHT: '软件著作权',
  KNOW_HOW: '技术秘密',
};

/** How each level shows a result (the same rule as demands, but a PUBLIC result is open to everyone). */
export const RESULT_CONFIDENTIALITY: Record<string, { label: string; help: string }> = {
  PUBLIC: { label: '公开', help: '任何人都可在“科技成果”栏目看到全部内容（含技术详情、专利号和联系方式）。' },
  SUMMARY: {
    label: '仅公开摘要',
    help: '已认证的平台、企业和主管部门只能看到标题、简介、领域等摘要；技术详情、专利号、预算和联系方式仅对您邀请或签署保密协议（NDA）的机构可见。',
  },
  PRIVATE: { label: '不公开', help: '成果不进入列表和搜索，仅您邀请的平台可见。' },
};

export const POLICY_STATUS: Record<string, string> = { DRAFT: '草稿', PUBLISHED: '已发布', ARCHIVED: '已归档' };
