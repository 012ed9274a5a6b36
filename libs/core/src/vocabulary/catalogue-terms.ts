import { TransitionTable } from '../state-machine';

export const PLATFORM_TYPES = [
  'PILOT_SERVICE',
  'COMMON_TECH',
  'CONCEPT_VERIFICATION',
  'PILOT_BASE',
  'TESTING',
] as const;
export type PlatformType = (typeof PLATFORM_TYPES)[number];
export const PLATFORM_TYPE_LABELS: Record<PlatformType, string> = {
  PILOT_SERVICE: '中试服务平台',
  COMMON_TECH: '共性技术平台',
  CONCEPT_VERIFICATION: '概念验证中心',
  PILOT_BASE: '产业化中试服务基地',
  TESTING: '检验检测机构',
};

export const OPERATING_MODELS = ['LEADING', 'SPECIALIZED', 'COMPREHENSIVE'] as const;
export type OperatingModel = (typeof OPERATING_MODELS)[number];
export const OPERATING_MODEL_LABELS: Record<OperatingModel, string> = {
  LEADING: '领航型',
  SPECIALIZED: '专业型',
  COMPREHENSIVE: '综合型',
};

export const RECOGNITION_LEVELS = ['NONE', 'CITY', 'PROVINCE', 'NATIONAL'] as const;
export type RecognitionLevel = (typeof RECOGNITION_LEVELS)[number];
/** Numeric rank so search can sort by recognition after text relevance. */
export const RECOGNITION_RANK: Record<RecognitionLevel, number> = { NONE: 0, CITY: 1, PROVINCE: 2, NATIONAL: 3 };

export const PLATFORM_STATUSES = ['DRAFT', 'PENDING_REVIEW', 'LISTED', 'SUSPENDED', 'DELISTED'] as const;
export type PlatformStatus = (typeof PLATFORM_STATUSES)[number];
/**
 * Dynamic management (有进有出): the operator submits; a bureau lists, suspends, reinstates or delists —
 * or rejects a submission with a reason, which returns it to DRAFT for the operator to fix and resubmit.
 */
export const PLATFORM_TRANSITIONS: TransitionTable<PlatformStatus> = {
  DRAFT: ['PENDING_REVIEW'],
  PENDING_REVIEW: ['LISTED', 'DRAFT'],
  LISTED: ['SUSPENDED', 'DELISTED'],
  SUSPENDED: ['LISTED', 'DELISTED'],
  DELISTED: [],
};

export const QUALIFICATION_KINDS = ['CMA', 'CNAS', 'ISO17025', 'ISO9001', 'GLP', 'OTHER'] as const;
export type QualificationKind = (typeof QUALIFICATION_KINDS)[number];

export const SERVICE_CATEGORIES = [
  'TECH_TRANSFER',
  'PROCESS_IMPROVEMENT',
  'SCALE_UP',
  'TYPE_TEST',
  'PERFORMANCE_TEST',
  'SMALL_BATCH',
  'EQUIPMENT_SHARING',
  'EQUIPMENT_VALIDATION',
  'CONCEPT_VERIFICATION',
  'INSPECTION_TESTING',
  'SIMULATION',
  'SAMPLE_MAKING',
  'CONSULTING_TRAINING',
] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];
export const SERVICE_CATEGORY_LABELS: Record<ServiceCategory, string> = {
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

export const SERVICE_STAGES = ['CONCEPT', 'LAB', 'PILOT', 'SMALL_BATCH'] as const;
export type ServiceStage = (typeof SERVICE_STAGES)[number];
export const SERVICE_STAGE_LABELS: Record<ServiceStage, string> = {
  CONCEPT: '概念验证',
  LAB: '小试',
  PILOT: '中试',
  SMALL_BATCH: '小批量试生产',
};

export const PRICING_KINDS = ['FIXED', 'UNIT', 'QUOTE'] as const;
export type PricingKind = (typeof PRICING_KINDS)[number];

export const SERVICE_STATUSES = ['DRAFT', 'PUBLISHED', 'ARCHIVED'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];
export const SERVICE_TRANSITIONS: TransitionTable<ServiceStatus> = {
  DRAFT: ['PUBLISHED', 'ARCHIVED'],
  PUBLISHED: ['ARCHIVED'],
  ARCHIVED: ['PUBLISHED'],
};

export const EQUIPMENT_STATUSES = ['ACTIVE', 'RETIRED'] as const;
export type EquipmentStatus = (typeof EQUIPMENT_STATUSES)[number];

/** Price bands shown as a search facet (fen). QUOTE services fall into 面议. */
export const PRICE_BANDS = [
  { code: 'UNDER_10K', label: '1万元以下', minFen: 0, maxFen: 1_000_000 - 1 },
  { code: '10K_50K', label: '1–5万元', minFen: 1_000_000, maxFen: 5_000_000 - 1 },
  { code: '50K_200K', label: '5–20万元', minFen: 5_000_000, maxFen: 20_000_000 - 1 },
  { code: 'OVER_200K', label: '20万元以上', minFen: 20_000_000, maxFen: Number.MAX_SAFE_INTEGER },
] as const;
export type PriceBandCode = (typeof PRICE_BANDS)[number]['code'] | 'ON_QUOTE';

export function priceBandOf(priceFen: number | null): PriceBandCode {
  if (priceFen === null) return 'ON_QUOTE';
  return PRICE_BANDS.find((band) => priceFen >= band.minFen && priceFen <= band.maxFen)!.code;
}
