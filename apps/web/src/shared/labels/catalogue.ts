export const SERVICE_CATEGORY: Record<string, string> = {
  TECH_TRANSFER: '技术转化应用',
  PROCESS_IMPROVEMENT: '性能工艺改进',
  SCALE_UP: '工艺放大熟化',
  TYPE_TEST: '产品型式试验',
  PERFORMANCE_TEST: '产品性能测试',
  SMALL_BATCH: '小批量试生产',
  EQUIPMENT_SHARING: '仪器设备共享',
  EQUIPMENT_VALIDATION: '设备应用验证',
  CONCEPT_VERIFICATION: '概念验证',
  INSPECTION_TESTING: '检验检测',
  SIMULATION: '仿真与数据模拟',
  SAMPLE_MAKING: '样品试制',
  CONSULTING_TRAINING: '技术咨询与培训',
};

export const SERVICE_STATUS: Record<string, string> = { DRAFT: '草稿', PUBLISHED: '已发布', ARCHIVED: '已归档' };
export const PRICING: Record<string, string> = { FIXED: '固定价格', UNIT: '按单位计价', QUOTE: '面议（报价）' };
export const PLATFORM_STATUS: Record<string, string> = {
  DRAFT: '草稿',
  PENDING_REVIEW: '待审核',
  LISTED: '已上架',
  SUSPENDED: '已暂停',
  DELISTED: '已下架',
};

export const RECOGNITION_LEVEL: Record<string, string> = {
  NONE: '未认定',
  CITY: '市级',
  PROVINCE: '省级',
  NATIONAL: '国家级',
};

export const PLATFORM_TYPE: Record<string, string> = {
  PILOT_SERVICE: '中试服务平台',
  COMMON_TECH: '共性技术平台',
  CONCEPT_VERIFICATION: '概念验证中心',
  PILOT_BASE: '产业化中试服务基地',
  TESTING: '检验检测机构',
};

export const OPERATING_MODEL: Record<string, string> = {
  LEADING: '领航型',
  SPECIALIZED: '专业型',
  COMPREHENSIVE: '综合型',
};

export const QUALIFICATION_KIND: Record<string, string> = {
  CMA: 'CMA 检验检测机构资质认定',
  CNAS: 'CNAS 实验室认可',
  ISO17025: 'ISO/IEC 17025',
  ISO9001: 'ISO 9001 质量管理体系',
  GLP: 'GLP 良好实验室规范',
  OTHER: '其他资质',
};
