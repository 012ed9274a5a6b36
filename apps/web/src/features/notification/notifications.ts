import type { Schema } from '../../shared/api';

export type Notification = Schema<'NotificationResponseDto'>;

export const CHANGED = 'pilotlink:notifications';
export const changed = () => window.dispatchEvent(new Event(CHANGED));
/** Where a notification leads in the portal, by its subject. */
export function linkOf(n: Notification, kind: string | undefined): string | undefined {
  if (n.subjectType === 'order') return `/orders/${n.subjectId}`;
  if (n.subjectType === 'demand' && kind === 'SME') return `/sme/demands/${n.subjectId}`;
  const orderId = n.data.orderId;
  if (typeof orderId === 'string') return `/orders/${orderId}`;
  if (kind === 'SME' && n.eventType.startsWith('voucher.')) return '/sme';
  if ((kind === 'BUREAU' || kind === 'ADMIN') && n.eventType.startsWith('voucher.')) return '/bureau';
  return undefined;
}
