import type { Schema } from '../../shared/api';

export type Notification = Schema<'NotificationResponseDto'>;

export const CHANGED = 'pilotlink:notifications';
export const changed = () => window.dispatchEvent(new Event(CHANGED));
