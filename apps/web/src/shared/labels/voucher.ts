import { options } from './';
import { SERVICE_CATEGORY } from './catalogue';

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

export const CHECK_LABEL: Record<string, string> = {
  INVOICE_MATCHES_CONTRACT: '发票金额与合同一致',
  CONTRACT_NUMBER_MATCHES: '合同编号一致',
  PAYMENTS_COVER_SME_SHARE: '企业自付部分已付清',
  COMPLETED_WITHIN_VALIDITY: '在服务券有效期内完成',
  HELD_WITHIN_VALIDITY: '在有效期内使用服务券',
};

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

export const REDEMPTION_SHORT: Record<string, string> = {
  REIMBURSE: '通用（企业兑付）',
  DEDUCT: '通兑（服务机构兑付）',
};

export const OBJECTION_STATUS: Record<string, { text: string; color: string }> = {
  OPEN: { text: '待处理', color: 'orange' },
  UPHELD: { text: '异议成立', color: 'red' },
  DISMISSED: { text: '异议不成立', color: 'green' },
};

export const FLAG_TEXT: Record<string, string> = {
  IDENTICAL_AMOUNTS: '同项目多笔相同金额',
  SHARED_PERSON: '法定代表人与其他申请人相同',
  FAST_DELIVERY: '交付用时远短于承诺周期',
  VOLUME_SPIKE: '平台兑付申请量激增',
};

export const REASON_TEXT: Record<string, string> = {
  RELATED_PARTY: '关联方交易',
  CATEGORY_NOT_ELIGIBLE: '服务类别不在支持范围',
  PURPOSE_EXCLUDED: '用途不在支持范围',
  PLATFORM_NOT_IN_PROGRAM: '平台不在本券适用范围',
  RECOGNITION_TOO_LOW: '平台认定级别不足',
  VOUCHER_EXPIRED: '服务券已过期',
  VOUCHER_EMPTY: '服务券余额为零',
  SME_YEAR_CAP_REACHED: '已达企业年度上限',
  PLATFORM_YEAR_CAP_REACHED: '已达平台年度上限',
  PER_ORDER_CAP_REACHED: '已达单笔订单上限',
  PAIR_ALREADY_SUBSIDISED: '该企业与平台已享受过补贴',
};

export const SERVICE_CATEGORY_OPTIONS = options(SERVICE_CATEGORY);
export const MIN_RECOGNITION_OPTIONS = [
  { value: 'NONE', label: '不限（已上架即可）' },
  { value: 'CITY', label: '市级及以上' },
  { value: 'PROVINCE', label: '省级及以上' },
  { value: 'NATIONAL', label: '国家级' },
];

export const EXCLUDABLE_PURPOSE_OPTIONS = [{ value: 'STATUTORY_TESTING', label: '法定/强制性检测不予补贴' }];
export const REDEMPTION_OPTIONS = [
  { value: 'REIMBURSE', label: '通用（企业兑付：企业全额付款后申请补贴）' },
  { value: 'DEDUCT', label: '通兑（服务机构兑付：下单直接抵扣，平台向主管部门申请兑付）' },
];

/** Ledger accounts of a program (SPEC §6). */
export const LEDGER_ACCOUNT: Record<string, string> = {
  FUNDING: '资金来源',
  BUDGET: '未发放预算',
  VOUCHER: '券面余额',
  HOLD: '已冻结',
  PAYABLE: '待兑付',
  PAID: '已兑付',
};

/** Ledger transaction kinds. */
export const LEDGER_TX: Record<string, string> = {
  BUDGET_GRANT: '预算拨付',
  ISSUE: '发券',
  HOLD: '冻结',
  RELEASE: '解冻',
  APPROVE: '兑付审核通过',
  PAY: '兑付付款',
  EXPIRE_RETURN: '过期退回',
  REVOKE_RETURN: '撤销退回',
};
