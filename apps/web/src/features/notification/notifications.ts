import type { Schema } from '../../shared/api';

export type Notification = Schema<'NotificationResponseDto'>;

export const CHANGED = 'pilotlink:notifications';
export const changed = () => window.dispatchEvent(new Event(CHANGED));
/** Where a notification leads in the portal, by its subject. */
export function linkOf(n: Notification, kind: string | undefined): string | undefined {
  if (n.subjectType === 'order') return `/orders/${n.subjectId}`;
  // A research digest lists several results (each linked in its data); the inbox leads to the first.
  if (n.subjectType === 'digest') return digestLink(n);
  if (n.subjectType === 'demand' && kind === 'SME') return `/sme/demands/${n.subjectId}`;
  const orderId = n.data.orderId;
  if (typeof orderId === 'string') return `/orders/${orderId}`;
  if (kind === 'SME' && n.eventType.startsWith('voucher.')) return '/sme';
  if ((kind === 'BUREAU' || kind === 'ADMIN') && n.eventType.startsWith('voucher.')) return '/bureau';
  return undefined;
}

function digestLink(n: Notification): string {
  const results: unknown[] = Array.isArray(n.data.results) ? n.data.results : [];
  const demands: unknown[] = Array.isArray(n.data.demands) ? n.data.demands : [];
  // Only new demands: the platform quotes on them from its workbench's 需求大厅.
  if (results.length === 0 && demands.length > 0) return '/platform';
  const link = results.length === 1 ? (results[0] as { link?: unknown }).link : undefined;
  return typeof link === 'string' ? link : '/results';
}
