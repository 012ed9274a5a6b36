import type { FormInstance } from 'antd';
import dayjs from 'dayjs';
import { ApiError, FieldError } from './api';

/** Chinese labels of the request fields the portal sends (error messages name them). */
const FIELD_LABELS: Record<string, string> = {
  'org.name': '企业名称',
  'org.uscc': '统一社会信用代码',
  'org.regionCode': '所在地区',
  'org.kind': '机构类型',
  'user.email': '邮箱',
  'user.password': '密码',
  'user.displayName': '姓名',
  email: '邮箱',
  password: '密码',
  title: '标题',
  description: '详细描述',
  fieldCode: '行业领域',
  stage: '阶段',
  budgetMinFen: '最低预算',
  budgetMaxFen: '最高预算',
  confidentiality: '保密级别',
  mode: '需求方式',
  rewardFen: '揭榜奖励',
  challengeDeadline: '揭榜截止日期',
  awardWindowDays: '择优确定期',
  wantedBy: '期望完成日期',
  priceFen: '报价金额',
  timelineDays: '周期（天）',
  scope: '服务范围',
  validUntil: '有效期至',
  invoiceNumber: '发票号码',
  invoiceAmountFen: '发票金额',
  contractNumber: '合同编号',
  paymentReference: '付款凭证号',
  purpose: '用途',
  reason: '理由',
  contact: '联系方式',
  note: '处理意见',
  platformId: '平台',
  quality: '服务质量',
  timeliness: '及时性',
  communication: '沟通',
  comment: '评价内容',
  name: '名称',
  year: '年度',
  maxVoucherFen: '单券上限',
  applyFrom: '申报开始日期',
  applyUntil: '申报截止日期',
  validityDays: '有效天数',
  budgetFen: '预算',
  'rule.ratioBp': '补贴比例',
  amountFen: '金额',
  reference: '付款凭证号',
  url: 'Webhook 地址',
  keywords: '关键词',
  categories: '服务类别',
  regionCodes: '地区',
  type: '平台类型',
  operatingModel: '运营模式',
  fieldCodes: '行业领域',
  regionCode: '所在地区',
  address: '地址',
  contactName: '联系人',
  contactPhone: '联系电话',
  'qualifications.kind': '资质类型',
  'qualifications.certificateNo': '证书编号',
  'qualifications.accreditedScope': '认可范围',
  'qualifications.validUntil': '有效期',
  summary: '成果简介',
  stageReached: '已达阶段',
  readinessLevel: '技术成熟度',
  verificationCategories: '所需验证服务',
  targetStage: '验证目标阶段',
  transferModes: '转化方式',
  contactEmail: '联系邮箱',
  'ipItems.number': '专利号/登记号',
  'ipItems.title': '知识产权名称',
  subjectType: '对象类型',
  subjectId: '跟踪对象',
  officerUserId: '跟踪人',
  dueOn: '截止日期',
  doneOn: '完成日期',
};

/** Chinese text for the stable error codes the portal meets. */
export const CODE_MESSAGES: Record<string, string> = {
  VALIDATION_FAILED: '提交的内容有误，请检查标红的字段',
  INVALID_CREDENTIALS: '邮箱或密码错误',
  EMAIL_TAKEN: '该邮箱已注册',
  USCC_TAKEN: '该统一社会信用代码已注册',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '无权执行该操作',
  NOT_FOUND: '未找到，或您无权查看',
  INVALID_STATE_TRANSITION: '当前状态不允许该操作',
  SEARCH_UNAVAILABLE: '搜索服务暂时不可用，请稍后再试',
  HOLD_EXISTS: '该订单已使用服务券',
  ORDER_NOT_SETTLED: '订单需完成并付清后才能申请兑付',
  CLAIM_EXISTS: '该订单已提交兑付申请',
  RELATED_PARTY: '关联方交易不能使用服务券',
  BUDGET_EXHAUSTED: '预算不足',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  WEBHOOK_URL_FORBIDDEN: '该地址指向内网或本机，不能用作 Webhook 地址',
  WEBHOOK_NOT_CONFIGURED: '请先保存并启用 Webhook 地址，再发送测试推送',
  PROGRAM_NOT_OPEN: '该服务券项目未在申报期',
  APPLICATION_WINDOW_CLOSED: '不在申报时间内',
  AMOUNT_OVER_VOUCHER_MAX: '申请金额超过单张服务券上限',
  SME_NOT_TECH_SME: '该项目仅面向科技型中小企业',
  SME_IS_TEAM: '该项目不接受团队申报',
  SME_REGION: '企业所在地区不在该项目范围内',
  ORG_NOT_VERIFIED: '机构尚未通过认证',
  ALREADY_REVIEWED: '该订单已评价',
  PROGRAM_RULES_LOCKED: '已发券，项目规则不能再修改',
  IDEMPOTENCY_KEY_REUSED: '请求重复，请刷新后重试',
  DOWNLOAD_FAILED: '下载失败，请稍后再试',
  RULE_PARAMETER_UNSET: '该规则还有政策未规定、须由局方设定的参数（如嘉兴“一定比例”的比例），设定后方可启用',
  EVALUATION_OUTCOME_NOT_ALLOWED: '该评价等级不允许此处理结果：优秀、良好、合格只能保持，不合格须降级、暂停或下架',
  SLOT_TAKEN: '该时段刚刚已被预约，请选择其他空闲时段',
  SLOT_BLOCKED: '该时段仪器维护中，不可预约',
  OUTSIDE_OPENING_HOURS: '所选时间不在仪器开放时间内',
  CONFLICT: '当前状态不允许该操作，请刷新后重试',
  NOTICE_PERIOD: '公示期未满，公示期结束后方可拨付',
  MAKER_CHECKER: '审批与拨付须由不同人员办理：您批准的兑付须由其他拨付人员拨付',
  FORBIDDEN_ROLE: '您的角色无权执行该操作，请联系本单位负责人分配权限',
  NOTICE_CLOSED: '该笔兑付的公示期已结束，不再受理异议',
  CLAIM_WINDOW_CLOSED: '该订单的兑付申请期限已过（服务券到期后保留的金额须在订单完成后规定天数内申请）',
  SUBMISSIONS_CLOSED: '揭榜已截止，不再接收新方案',
  AWARD_WINDOW_CLOSED: '择优确定期已结束，不能再选定方案',
  APPLICATION_EXISTS: '您在该项目已有待审核的申请，请等待审核结果或先撤回',
};

const EN_PATTERNS: [RegExp, string][] = [
  [/must be an? (valid )?email/i, '邮箱格式不正确'],
  [/valid USCC/i, '统一社会信用代码无效（校验位不符）'],
  // class-validator's Length(1, n): "longer than or equal to 1 and shorter than or equal to n".
  [/longer than or equal to 1 and shorter than or equal to (\d+)/i, '长度须为 1–$1 个字符'],
  [/longer than or equal to (\d+)/i, '长度不能少于 $1 个字符'],
  [/shorter than or equal to (\d+)/i, '长度不能超过 $1 个字符'],
  [/must not be less than (\d+)/i, '不能小于 $1'],
  [/must not be greater than (\d+)/i, '不能大于 $1'],
  [/should not be empty|must be a string/i, '必填'],
  [/already (registered|taken|exists)/i, '已被注册'],
  [/must not be below/i, '不能低于下限'],
  [/must be a date|ISO 8601 date/i, '请填写日期（YYYY-MM-DD）'],
  [/must not be after today/i, '不能晚于今天'],
  [/active member of your bureau/i, '须为本单位在职人员'],
  [/has passed|must not be in the past/i, '日期已过，请选择今天或以后的日期'],
  [/give at least one of/i, '请至少填写一项条件'],
  [/must be an http\(s\) URL/i, '请填写以 http:// 或 https:// 开头的地址'],
];

/** One API validation message in Chinese: a known pattern, else a generic "does not meet the rules". */
export function fieldMessage(field: string, message: string): string {
  // A list item's field (qualifications.0.certificateNo) reads as the list's (qualifications.certificateNo).
  const label = FIELD_LABELS[field] ?? FIELD_LABELS[field.replace(/\.\d+(?=\.|$)/g, '')] ?? field;
  for (const [pattern, text] of EN_PATTERNS) {
    const m = message.match(pattern);
    if (m) return `${label}：${text.replace('$1', m[1] ?? '')}`;
  }
  return `${label}不符合要求`;
}

export function errorText(error: unknown): string {
  // A rate limit or a locked account says until when (details.retryAt): the user's local time.
  if (error instanceof ApiError && error.code === 'RATE_LIMITED' && typeof error.details.retryAt === 'string') {
    return `操作过于频繁，请于 ${dayjs(error.details.retryAt).format('HH:mm:ss')} 后再试`;
  }
  if (error instanceof ApiError) return CODE_MESSAGES[error.code] ?? `操作失败（${error.code}）`;
  return '网络错误，请稍后再试';
}

/**
 * Puts the API's field errors (details.fields[].field, e.g. `org.uscc`) next to the matching form
 * items, whose names are the same paths (or `rename[field]`, e.g. amountFen → amountYuan); returns the general message for the rest.
 */
export function applyApiErrors(form: FormInstance, error: unknown, rename: Record<string, string> = {}): string {
  if (error instanceof ApiError) {
    // Only the validation shape ({ field, errors[] }): some 409s name their fields as plain strings.
    const fields = ((error.details.fields ?? []) as unknown[]).filter(
      (f): f is FieldError =>
        typeof f === 'object' &&
        f !== null &&
        typeof (f as FieldError).field === 'string' &&
        Array.isArray((f as FieldError).errors),
    );
    form.setFields(
      fields.map((f) => ({
        // A list index is a number in the form's name path (Form.List): qualifications.0.validUntil.
        name: (rename[f.field] ?? f.field).split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
        errors: f.errors.map((e) => fieldMessage(f.field, e)),
      })),
    );
  }
  return errorText(error);
}
