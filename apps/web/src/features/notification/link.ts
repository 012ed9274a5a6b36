import type { Schema } from '../../shared/api';

/** What the inbox link needs of a notification (the whole NotificationResponseDto fits). */
export type LinkedNotification = Pick<
  Schema<'NotificationResponseDto'>,
  'eventType' | 'subjectType' | 'subjectId' | 'data'
>;

type OrgKind = Schema<'OrgResponseDto'>['kind'];

const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

/** The org's own home, where its lists are. */
const HOME: Record<OrgKind, string> = {
  SME: '/sme',
  PLATFORM_OPERATOR: '/platform',
  BUREAU: '/bureau',
  ADMIN: '/bureau',
  INSTITUTE: '/institute',
};

/**
 * Where a notification leads in the portal: the page of the object it is about, as the recipient's role sees
 * it. The event types and data are libs/notification's (domain/render.ts, event-keys.ts):
 *
 * - `order.*` → the order (`/orders/:id`).
 * - `demand.published|invited` → the SME's demand page; a platform's demand hall, opened at that demand.
 * - `quote.*` (data.demandId) → the SME's demand page (its quotes); for the platform, the demand in its hall.
 * - `service.fit*` → the service's page.
 * - `voucher.*` with data.orderId (holds, claims) → the order for its parties; a bureau's claims tab.
 *   Applications → the bureau's applications tab / the SME's home; other voucher events → the role's home
 *   (a bureau's claims tab for claim events).
 * - `research.digest` → the one result it lists, or the results page; a digest of new demands only → the hall.
 * - `program.*` → the bureau's programs tab; `platform.*` (data.platformId) → the platform's page;
 *   `result.*` / `policy.*` → the result / the policy notice. Anything else: the order in its data, or home.
 *
 * Undefined when there is nothing to open (the inbox then offers only 标为已读).
 */
export function notificationLink(n: LinkedNotification, kind: OrgKind | undefined): string | undefined {
  const data = n.data ?? {};
  const bureau = kind === 'BUREAU' || kind === 'ADMIN';
  const orderId = n.subjectType === 'order' ? n.subjectId : text(data.orderId);
  const demandId = n.subjectType === 'demand' ? n.subjectId : text(data.demandId);
  const home = kind ? HOME[kind] : undefined;
  const [area] = n.eventType.split('.');

  if (n.subjectType === 'digest') return digestLink(data);
  if (n.subjectType === 'service') return `/services/${n.subjectId}`;
  switch (area) {
    case 'voucher':
      return voucherLink(n, kind, orderId);
    case 'order':
      return orderId && !bureau ? `/orders/${orderId}` : home;
    case 'demand':
    case 'quote':
      if (demandId && kind === 'SME') return `/sme/demands/${demandId}`;
      if (demandId && kind === 'PLATFORM_OPERATOR') return `/platform?demand=${demandId}`;
      return home;
    case 'result':
      return text(data.resultId) ? `/results/${text(data.resultId)}` : '/results';
    case 'policy':
      return text(data.policyNoticeId) ? `/policies/${text(data.policyNoticeId)}` : '/policies';
    case 'platform':
      return text(data.platformId) ? `/platforms/${text(data.platformId)}` : home;
    case 'program':
      return bureau ? '/bureau?tab=programs' : home;
  }
  return orderId && !bureau ? `/orders/${orderId}` : home;
}

/** A decision on voucher money: the order it concerns for its parties, the bureau's matching tab for the bureau. */
function voucherLink(
  n: LinkedNotification,
  kind: OrgKind | undefined,
  orderId: string | undefined,
): string | undefined {
  const bureau = kind === 'BUREAU' || kind === 'ADMIN';
  const application = n.eventType.startsWith('voucher.application.');
  if (bureau) return application ? '/bureau?tab=applications' : '/bureau?tab=claims';
  if (orderId && (kind === 'SME' || kind === 'PLATFORM_OPERATOR')) return `/orders/${orderId}`;
  return kind ? HOME[kind] : undefined;
}

function digestLink(data: Record<string, unknown>): string {
  const results: unknown[] = Array.isArray(data.results) ? data.results : [];
  const demands: unknown[] = Array.isArray(data.demands) ? data.demands : [];
  // Only new demands: the platform quotes on them from its workbench's 需求大厅.
  if (results.length === 0 && demands.length > 0) return '/platform';
  const link = results.length === 1 ? (results[0] as { link?: unknown }).link : undefined;
  return typeof link === 'string' ? link : '/results';
}
