import { INDUSTRY_FIELD_INDEX, SERVICE_CATEGORY_LABELS, SERVICE_STAGE_LABELS } from '@pilotlink/core';
import type { ServiceCategory, ServiceStage } from '@pilotlink/core';
import { ORDER_STATUS_LABELS } from '@pilotlink/booking';
import type { OrderStatus } from '@pilotlink/booking';
import { BUDGET_BANDS, budgetBandOf } from '@pilotlink/demand';
import type { DeclineReason, DemandNotice } from '@pilotlink/demand';
import type { QuoteAction } from './event-keys';

/** What goes into the inbox row (and the webhook body): Chinese text plus structured data. */
export interface Rendered {
  title: string;
  body: string;
  data: Record<string, unknown>;
}

/** The demand as the recipient may see it (its description is null in the SUMMARY view). */
export type DemandFacts = Pick<
  DemandNotice,
  | 'id'
  | 'title'
  | 'description'
  | 'fieldCode'
  | 'stage'
  | 'categories'
  | 'budgetMinFen'
  | 'budgetMaxFen'
  | 'mode'
  | 'confidentiality'
  | 'rewardFen'
  | 'challengeDeadline'
>;

/** Why an org got a demand: it ranked among the best matches and/or a subscription of it fits. */
export interface DemandReason {
  matched?: { rank: number; score: number };
  subscriptionIds?: string[];
}

const DESCRIPTION_EXCERPT = 200;

const DECLINE_REASON_LABELS: Record<DeclineReason, string> = {
  PRICE_TOO_HIGH: '报价过高',
  TIMELINE_TOO_LONG: '周期过长',
  SCOPE_MISMATCH: '服务范围不符',
  CHOSE_ANOTHER: '已选择其他报价',
  NO_LONGER_NEEDED: '需求已取消',
  OTHER: '其他原因',
};

/**
 * A demand as one recipient may see it. SUMMARY: title, field, stage, categories, budget band — the
 * description and exact amounts are neither in the text nor in the data. FULL adds an excerpt of the
 * description. The caller decides the view with demandViewFor; NONE never reaches rendering.
 */
export function renderDemand(
  kind: 'published' | 'invited',
  demand: DemandFacts,
  view: 'FULL' | 'SUMMARY',
  reason: DemandReason = {},
): Rendered {
  const challenge = demand.mode === 'CHALLENGE';
  const title =
    kind === 'invited'
      ? `您被邀请参与${challenge ? '揭榜挂帅' : '中试需求'}：${demand.title}`
      : `新的${challenge ? '揭榜挂帅需求' : '中试需求'}：${demand.title}`;
  const budgetBand = budgetBandCode(demand);
  const lines = [
    `领域：${fieldName(demand.fieldCode)}`,
    `阶段：${SERVICE_STAGE_LABELS[demand.stage as ServiceStage] ?? demand.stage}`,
  ];
  if (demand.categories.length) lines.push(`服务类别：${demand.categories.map(categoryLabel).join('、')}`);
  if (budgetBand) lines.push(`预算：${BUDGET_BANDS.find((b) => b.code === budgetBand)!.label}`);
  if (reason.matched) lines.push(`推荐理由：您的服务与该需求匹配（第 ${reason.matched.rank} 位）`);
  else if (reason.subscriptionIds?.length) lines.push('推荐理由：符合您的订阅条件');
  if (view === 'FULL' && demand.description) lines.push(`需求描述：${excerpt(demand.description)}`);
  else if (view === 'SUMMARY') lines.push('该需求仅公开摘要；接受保密协议（NDA）后可查看全文。');

  return {
    title,
    body: lines.join('\n'),
    data: {
      demandId: demand.id,
      view,
      fieldCode: demand.fieldCode,
      stage: demand.stage,
      categories: demand.categories,
      budgetBand,
      mode: demand.mode,
      confidentiality: demand.confidentiality,
      ...(reason.matched ? { matched: reason.matched } : {}),
      ...(reason.subscriptionIds?.length ? { subscriptionIds: reason.subscriptionIds } : {}),
    },
  };
}

export interface QuoteFacts {
  id: string;
  demandId: string;
  platformId: string;
  priceFen: string;
  timelineDays: number;
  revision: number;
  revisionNote: string | null;
  declineReason: DeclineReason | null;
  declineComment: string | null;
}

/** A quote event for the other party; both parties see the demand's title (it is in every view). */
export function renderQuote(
  action: QuoteAction,
  quote: QuoteFacts,
  context: { demandTitle: string; platformName: string },
): Rendered {
  const terms = `报价 ${formatYuan(quote.priceFen)}，周期 ${quote.timelineDays} 天`;
  const on = `「${context.demandTitle}」`;
  const texts: Record<QuoteAction, { title: string; body: string }> = {
    submitted: { title: `${context.platformName} 对${on}提交了报价`, body: terms },
    revised: { title: `${context.platformName} 修改了对${on}的报价（第 ${quote.revision} 版）`, body: terms },
    withdrawn: { title: `${context.platformName} 撤回了对${on}的报价`, body: terms },
    expired: { title: `${context.platformName} 对${on}的报价已过期`, body: terms },
    'revision-requested': {
      title: `需求方请您修改对${on}的报价`,
      body: quote.revisionNote ? `修改意见：${quote.revisionNote}` : terms,
    },
    accepted: { title: `您对${on}的报价已被接受`, body: `${terms}。订单已创建。` },
    declined: {
      title: `您对${on}的报价未被接受`,
      body: [
        `原因：${quote.declineReason ? DECLINE_REASON_LABELS[quote.declineReason] : '未说明'}`,
        ...(quote.declineComment ? [`说明：${quote.declineComment}`] : []),
      ].join('\n'),
    },
  };
  return {
    ...texts[action],
    data: {
      quoteId: quote.id,
      demandId: quote.demandId,
      platformId: quote.platformId,
      revision: quote.revision,
      priceFen: Number(quote.priceFen),
      timelineDays: quote.timelineDays,
      ...(action === 'declined' ? { declineReason: quote.declineReason, declineComment: quote.declineComment } : {}),
      ...(action === 'revision-requested' ? { revisionNote: quote.revisionNote } : {}),
    },
  };
}

export interface ServiceFacts {
  id: string;
  title: string;
  category: string;
  platformId: string;
  platformName: string;
}

/** A published service that fits one of the SME's open demands, or its subscriptions. */
export function renderServiceFit(service: ServiceFacts, demand?: { id: string; title: string }): Rendered {
  return {
    title: demand
      ? `新服务可能满足您的需求「${demand.title}」：${service.title}`
      : `符合您订阅条件的服务：${service.title}`,
    body: [`平台：${service.platformName}`, `服务类别：${categoryLabel(service.category)}`].join('\n'),
    data: {
      serviceId: service.id,
      platformId: service.platformId,
      category: service.category,
      ...(demand ? { demandId: demand.id } : { subscription: true }),
    },
  };
}

export interface OrderFacts {
  id: string;
  contractNumber: string;
  status: string;
  agreedAmountFen: string;
}

const ORDER_ACTION_TEXT: Record<string, string> = {
  requested: '收到新的服务订单',
  reserved: '收到新的仪器预约',
  accept: '平台已接单',
  reject: '平台已拒绝订单',
  contract: '对方已确认合同',
  start: '服务已开始',
  deliver: '平台已交付成果，请验收',
  complete: '企业已验收，订单完成',
  cancel: '订单已取消',
  dispute: '企业对交付提出异议',
  payment_recorded: '企业登记了一笔付款',
  reviewed: '企业发表了服务评价',
  review_replied: '平台回复了评价',
};

/** An order change for the other party: both parties see the whole order, so nothing is held back. */
export function renderOrder(action: string, order: OrderFacts, context: { platformName: string }): Rendered {
  return {
    title: `订单 ${order.contractNumber}：${ORDER_ACTION_TEXT[action] ?? '订单有更新'}`,
    body: [
      `平台：${context.platformName}`,
      `金额：${formatYuan(order.agreedAmountFen)}`,
      `当前状态：${ORDER_STATUS_LABELS[order.status as OrderStatus] ?? order.status}`,
    ].join('\n'),
    data: { orderId: order.id, contractNumber: order.contractNumber, action, status: order.status },
  };
}

function budgetBandCode(demand: DemandFacts) {
  const max = demand.budgetMaxFen ?? demand.budgetMinFen;
  return max === null ? null : budgetBandOf(Number(max));
}

function fieldName(code: string): string {
  return INDUSTRY_FIELD_INDEX.get(code)?.name ?? code;
}

function categoryLabel(category: string): string {
  return SERVICE_CATEGORY_LABELS[category as ServiceCategory] ?? category;
}

function excerpt(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > DESCRIPTION_EXCERPT ? `${trimmed.slice(0, DESCRIPTION_EXCERPT)}…` : trimmed;
}

/** 12000000 fen → "12万元"; 1234567 → "12,345.67元". */
export function formatYuan(fen: string | number): string {
  const value = Number(fen);
  if (value >= 1_000_000 && value % 1_000_000 === 0) return `${value / 1_000_000}万元`;
  const yuan = Math.floor(value / 100);
  const cents = value % 100;
  return `${yuan.toLocaleString('en-US')}${cents ? `.${String(cents).padStart(2, '0')}` : ''}元`;
}

const VOUCHER_EVENT_TEXT: Record<string, string> = {
  'voucher.application.submitted': '收到新的中试服务券申请',
  'voucher.application.approved': '您的服务券申请已获批准',
  'voucher.application.rejected': '您的服务券申请未获批准',
  'voucher.hold.placed': '订单已使用服务券',
  'voucher.hold.released': '服务券已从订单释放',
  'voucher.claim.filed': '收到新的兑付申请',
  'voucher.claim.approved': '兑付申请已审核通过',
  'voucher.claim.rejected': '兑付申请未通过审核',
  'voucher.claim.paid': '兑付资金已拨付',
  'voucher.claim.objected': '公示期内收到异议，兑付暂停',
  'voucher.claim.objection_upheld': '异议成立，兑付申请被驳回',
  'voucher.claim.objection_dismissed': '异议不成立，公示继续',
  'voucher.expired': '服务券已过期',
};

/** A decision on voucher money, for the orgs it concerns; the facts come from the event itself. */
export function renderVoucher(eventType: string, facts: Record<string, unknown>): Rendered {
  const lines: string[] = [];
  for (const [label, key] of [
    ['金额', 'amountFen'],
    ['批准面额', 'approvedFen'],
    ['申请面额', 'requestedFen'],
    ['退回预算', 'returnedFen'],
  ] as const) {
    if (typeof facts[key] === 'number') lines.push(`${label}：${formatYuan(facts[key] as number)}`);
  }
  if (typeof facts.code === 'string') lines.push(`券号：${facts.code}`);
  // Expiry: the holds kept for orders contracted before it, and until when they may be claimed (SPEC §6).
  if (Array.isArray(facts.survivingHolds) && facts.survivingHolds.length) {
    const window = typeof facts.claimWindowDays === 'number' ? facts.claimWindowDays : 90;
    for (const h of facts.survivingHolds as { amountFen: number; claimBy: string | null }[]) {
      lines.push(
        `保留占用：${formatYuan(h.amountFen)}（到期前已签约的订单），` +
          (h.claimBy ? `请于 ${h.claimBy} 前申请兑付` : `请于订单完成后 ${window} 天内申请兑付`),
      );
    }
  }
  if (typeof facts.reason === 'string') lines.push(`原因：${facts.reason}`);
  return {
    title: VOUCHER_EVENT_TEXT[eventType] ?? '服务券有更新',
    body: lines.join('\n'),
    data: { eventType, ...facts },
  };
}
