import { DomainError, InvalidStateTransitionError, parseFen } from '@pilotlink/core';

/** SPEC §5 order states (服务订单 / 技术服务合同). */
export const ORDER_STATUSES = [
  'REQUESTED',
  'ACCEPTED',
  'REJECTED',
  'CONTRACTED',
  'IN_PROGRESS',
  'DELIVERED',
  'COMPLETED',
  'CANCELLED',
  'DISPUTED',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Chinese names of the order states, for text the server writes (notifications); the portal has its own. */
export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
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

export type OrderParty = 'SME' | 'PLATFORM';

export const ORDER_ACTIONS = [
  'accept',
  'reject',
  'contract',
  'start',
  'deliver',
  'complete',
  'cancel',
  'dispute',
] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

interface ActionRule {
  from: readonly OrderStatus[];
  to: OrderStatus;
  by: readonly OrderParty[];
}

/**
 * The transition table as data — the single source for the guard, the 409s and the docs.
 * `contract` is confirmed by each party; the order becomes CONTRACTED when both have (see
 * `contractOutcome`). A dispute is raised on a delivery; the platform reworks (back to IN_PROGRESS)
 * or the SME accepts after all.
 */
export const ORDER_ACTION_RULES: Readonly<Record<OrderAction, ActionRule>> = {
  accept: { from: ['REQUESTED'], to: 'ACCEPTED', by: ['PLATFORM'] },
  reject: { from: ['REQUESTED'], to: 'REJECTED', by: ['PLATFORM'] },
  contract: { from: ['ACCEPTED'], to: 'CONTRACTED', by: ['SME', 'PLATFORM'] },
  start: { from: ['CONTRACTED', 'DISPUTED'], to: 'IN_PROGRESS', by: ['PLATFORM'] },
  deliver: { from: ['IN_PROGRESS'], to: 'DELIVERED', by: ['PLATFORM'] },
  complete: { from: ['DELIVERED', 'DISPUTED'], to: 'COMPLETED', by: ['SME'] },
  cancel: { from: ['REQUESTED', 'ACCEPTED', 'CONTRACTED'], to: 'CANCELLED', by: ['SME', 'PLATFORM'] },
  dispute: { from: ['DELIVERED'], to: 'DISPUTED', by: ['SME'] },
};

/**
 * The actions `party` may take on an order now, from the same table the guard uses: its own confirmation
 * of the contract only once, and no `cancel` on a reservation's order (the reservation is cancelled).
 */
export function availableOrderActions(
  order: { status: OrderStatus; smeConfirmedAt: Date | null; platformConfirmedAt: Date | null },
  party: OrderParty | null,
  reservation: boolean,
): OrderAction[] {
  if (!party) return [];
  return ORDER_ACTIONS.filter((action) => {
    const rule = ORDER_ACTION_RULES[action];
    if (!rule.by.includes(party) || !rule.from.includes(order.status)) return false;
    if (action === 'contract') return !(party === 'SME' ? order.smeConfirmedAt : order.platformConfirmedAt);
    if (action === 'cancel') return !reservation;
    return true;
  });
}

/** Actions whose `note` (the reason) the API requires. */
export const NOTE_REQUIRED_ACTIONS: readonly OrderAction[] = ['dispute'];

/** Every state an order can reach from `from`, derived from the action table. */
export function reachableFrom(from: OrderStatus): OrderStatus[] {
  return [
    ...new Set(
      Object.values(ORDER_ACTION_RULES)
        .filter((r) => r.from.includes(from))
        .map((r) => r.to),
    ),
  ];
}

/**
 * Checks an action: the wrong party is refused (403) before the state is looked at, so the answer
 * does not depend on a state the caller may not act on; an illegal move is a 409 with the state.
 */
export function planOrderAction(action: OrderAction, current: OrderStatus, party: OrderParty): OrderStatus {
  const rule = ORDER_ACTION_RULES[action];
  if (!rule.by.includes(party)) {
    throw new DomainError('FORBIDDEN', `Only the ${rule.by.join(' or ').toLowerCase()} may ${action} an order`);
  }
  if (!rule.from.includes(current)) throw new InvalidStateTransitionError('Order', current, rule.to);
  return rule.to;
}

/** Contract confirmation: the order is CONTRACTED once both parties have confirmed. */
export function contractOutcome(confirmations: { sme: boolean; platform: boolean }): 'CONTRACTED' | 'ACCEPTED' {
  return confirmations.sme && confirmations.platform ? 'CONTRACTED' : 'ACCEPTED';
}

/** States in which the SME records payments: from the contract on (prepayment included), until closed. */
export const PAYABLE_STATUSES: readonly OrderStatus[] = [
  'CONTRACTED',
  'IN_PROGRESS',
  'DELIVERED',
  'DISPUTED',
  'COMPLETED',
];

/**
 * What the SME still owes on an order. The single place that knows it, so vouchers redeemed by
 * deduction (the vouchers issue) lower it here and nowhere else.
 */
export function owedFen(order: { agreedAmountFen: number; deductedFen?: number }, paidFen: number): number {
  return order.agreedAmountFen - (order.deductedFen ?? 0) - paidFen;
}

/** The amounts owedFen needs, read from an order row (bigint columns arrive as strings). */
export function owingTerms(order: { agreedAmountFen: string; voucherDeductionFen: string }): {
  agreedAmountFen: number;
  deductedFen: number;
} {
  return { agreedAmountFen: parseFen(order.agreedAmountFen), deductedFen: parseFen(order.voucherDeductionFen) };
}

/** A payment may not be zero, negative or more than is owed. */
export function paymentProblem(amountFen: number, owed: number): 'NOT_POSITIVE' | 'EXCEEDS_OWED' | null {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0) return 'NOT_POSITIVE';
  if (amountFen > owed) return 'EXCEEDS_OWED';
  return null;
}

/** The amount of an order placed straight from a priced service; QUOTE-priced services need a quote. */
export function serviceOrderAmountFen(
  service: { pricingKind: 'FIXED' | 'UNIT' | 'QUOTE'; priceFen: number | null },
  quantity: number,
): number | null {
  if (service.pricingKind === 'QUOTE' || service.priceFen === null) return null;
  return service.pricingKind === 'FIXED' ? service.priceFen : service.priceFen * quantity;
}

/** Overall score of one review: the mean of its three ratings. */
export function reviewScore(review: { quality: number; timeliness: number; communication: number }): number {
  return (review.quality + review.timeliness + review.communication) / 3;
}
