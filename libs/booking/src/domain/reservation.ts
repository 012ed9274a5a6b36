import { TransitionTable } from '@pilotlink/core';

/**
 * Reservation states. A request that passes the availability check is CONFIRMED at once (the slot
 * is the platform's published offer); the platform checks the booker in and completes the use with
 * the actual minutes, or marks a no-show after the start; the booker (or the platform) cancels
 * before the start.
 */
export const RESERVATION_STATUSES = ['CONFIRMED', 'CHECKED_IN', 'COMPLETED', 'CANCELLED', 'NO_SHOW'] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];

export const RESERVATION_TRANSITIONS: TransitionTable<ReservationStatus> = {
  CONFIRMED: ['CHECKED_IN', 'CANCELLED', 'NO_SHOW'],
  CHECKED_IN: ['COMPLETED'],
  COMPLETED: [],
  CANCELLED: [],
  NO_SHOW: [],
};

/**
 * States that hold the instrument's time: the database's exclusion constraint covers exactly these
 * (keep in step with the migration). A no-show frees the rest of its slot.
 */
export const ACTIVE_RESERVATION_STATUSES: readonly ReservationStatus[] = ['CONFIRMED', 'CHECKED_IN', 'COMPLETED'];

/** States counted as scheduled use in utilisation (a cancellation never was). */
export const SCHEDULED_RESERVATION_STATUSES: readonly ReservationStatus[] = [
  'CONFIRMED',
  'CHECKED_IN',
  'COMPLETED',
  'NO_SHOW',
];

/** Check-in opens this long before the start, so an early arrival can be recorded. */
export const CHECK_IN_OPENS_BEFORE_MS = 60 * 60_000;
