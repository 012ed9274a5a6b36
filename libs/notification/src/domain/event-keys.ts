/**
 * Event keys name one logical event *for one recipient's inbox*: the inbox has a unique index on
 * (recipient_org_id, event_key) and notify jobs use the id `notify.<eventKey>.<orgId>`. A key is built
 * from the ids of what happened — never from the outbox row's id — so a duplicate outbox row, a
 * relay replay or a retried job for the same event maps to the same key and notifies nobody twice.
 *
 * - `demand.published.<demandId>` — a demand was published (a demand is published once).
 * - `demand.invited.<demandId>.<platformOrgId>` — an SME invited a platform (re-inviting is a no-op).
 * - `quote.<action>.<quoteId>.<revision>` — a quote was submitted, revised, answered… The revision
 *   makes each round of a negotiation its own event; a duplicate row for the same round is the same.
 * - `service.fit.<serviceId>.<demandId>` — a published service fits one of the SME's open demands;
 *   told once per service and demand, however often the service is edited afterwards.
 * - `service.fit.<serviceId>.subscription` — a published service fits the SME's subscriptions; once
 *   per service, however many of its subscriptions fit.
 * - `order.<action>.<orderId>.<historyId>` — a change to an order; the id of its line in the order's
 *   history names it, so each transition or payment is its own event and a duplicate row is the same.
 * - `voucher.<what>.<entityId>` — a decision on voucher money (`voucher.claim.approved.<claimId>`):
 *   each happens once to its object (an application is approved once, a hold released once).
 */
export const QUOTE_ACTIONS = [
  'submitted',
  'revision-requested',
  'revised',
  'accepted',
  'declined',
  'withdrawn',
  'expired',
] as const;
export type QuoteAction = (typeof QUOTE_ACTIONS)[number];

export type KeyedEvent =
  | { type: 'demand.published'; demandId: string }
  | { type: 'demand.invited'; demandId: string; platformOrgId: string }
  | { type: 'quote'; action: QuoteAction; quoteId: string; revision: number }
  | { type: 'service.fit'; serviceId: string; demandId: string }
  | { type: 'service.fit.subscription'; serviceId: string }
  | { type: 'order'; action: string; orderId: string; historyId: string }
  | { type: 'voucher'; eventType: string; entityId: string };

export function eventKey(event: KeyedEvent): string {
  switch (event.type) {
    case 'demand.published':
      return `demand.published.${event.demandId}`;
    case 'demand.invited':
      return `demand.invited.${event.demandId}.${event.platformOrgId}`;
    case 'quote':
      return `quote.${event.action}.${event.quoteId}.${event.revision}`;
    case 'service.fit':
      return `service.fit.${event.serviceId}.${event.demandId}`;
    case 'service.fit.subscription':
      return `service.fit.${event.serviceId}.subscription`;
    case 'order':
      return `order.${event.action}.${event.orderId}.${event.historyId}`;
    case 'voucher':
      return `${event.eventType}.${event.entityId}`;
  }
}

/** `order.payment_recorded` → `payment_recorded`; undefined for anything that is not an order event. */
export function orderActionOf(eventType: string): string | undefined {
  const action = eventType.startsWith('order.') ? eventType.slice('order.'.length) : '';
  return /^[a-z_]+$/.test(action) ? action : undefined;
}

/**
 * Who hears about an order change: the other party of whoever made it; both when nobody did (a
 * scheduled job). Nobody is told about their own action.
 */
export function orderRecipients(
  order: { smeOrgId: string; platformOrgId: string },
  actorOrgId: string | null,
): string[] {
  if (actorOrgId === order.smeOrgId) return [order.platformOrgId];
  if (actorOrgId === order.platformOrgId) return [order.smeOrgId];
  return [order.smeOrgId, order.platformOrgId];
}

/** `quote.declined` → `declined`; undefined for anything that is not a known quote event. */
export function quoteActionOf(eventType: string): QuoteAction | undefined {
  const action = eventType.startsWith('quote.') ? eventType.slice('quote.'.length) : '';
  return (QUOTE_ACTIONS as readonly string[]).includes(action) ? (action as QuoteAction) : undefined;
}

/**
 * Who hears about a quote event: the other party. What the platform does (submit, revise, withdraw)
 * and what time does (expiry) goes to the SME; what the SME decides goes to the platform.
 */
export function quoteRecipientSide(action: QuoteAction): 'SME' | 'PLATFORM' {
  switch (action) {
    case 'submitted':
    case 'revised':
    case 'withdrawn':
    case 'expired':
      return 'SME';
    case 'revision-requested':
    case 'accepted':
    case 'declined':
      return 'PLATFORM';
  }
}
