import { chinaDate } from '@pilotlink/core';
import type { FieldError } from '@pilotlink/core';

/**
 * Instrument availability (SPEC §3): opening hours in Asia/Shanghai, minus active reservations,
 * minus maintenance blocks, minus the past, at quarter-hour granularity. A reservation request is
 * decided by the same computation (`reservationRefusal`), so what a user is shown as free is
 * exactly what can be booked.
 */

export const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Per weekday, [start, end) local times "HH:MM" on quarter hours; an end may be "24:00". */
export type OpeningHours = Record<Weekday, Array<[string, string]>>;

export const SLOT_MS = 15 * 60_000;
const MINUTE_MS = 60_000;
export const DAY_MS = 24 * 60 * MINUTE_MS;

/** Half-open time range [start, end) in epoch milliseconds. */
export interface Interval {
  start: number;
  end: number;
}

export interface Schedule {
  openingHours: OpeningHours;
  /** Active reservations and maintenance blocks of the instrument (any that may touch the range). */
  reservations: readonly Interval[];
  blocks: readonly Interval[];
  now: Date;
}

const TIME = /^([01]\d|2[0-3]):(00|15|30|45)$|^24:00$/;

function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
}

/**
 * Problems with a weekly opening-hours object, one per field under `field` (e.g. `openingHours.MON.0`);
 * empty when it is valid.
 */
export function openingHoursProblems(value: unknown, field = 'openingHours'): FieldError[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [{ field, errors: ['must be an object by weekday'] }];
  }
  const problems: FieldError[] = [];
  const problem = (path: string, message: string) => problems.push({ field: `${field}.${path}`, errors: [message] });
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!(WEEKDAYS as readonly string[]).includes(key)) problem(key, `not a weekday (${WEEKDAYS.join(', ')})`);
  }
  for (const day of WEEKDAYS) {
    const windows = record[day];
    if (!Array.isArray(windows)) {
      problem(day, 'must be a list of ["HH:MM", "HH:MM"] windows');
      continue;
    }
    let previousEnd = -1;
    windows.forEach((window: unknown, i) => {
      const ok =
        Array.isArray(window) &&
        window.length === 2 &&
        window.every((t) => typeof t === 'string' && TIME.test(t)) &&
        (window as string[])[0] !== '24:00';
      if (!ok) {
        problem(`${day}.${i}`, 'must be ["HH:MM", "HH:MM"] on quarter hours');
        return;
      }
      const [start, end] = (window as [string, string]).map(minutesOf);
      if (end <= start) problem(`${day}.${i}`, 'must end after it starts');
      else if (start < previousEnd) problem(`${day}.${i}`, 'windows must be in order and not overlap');
      previousEnd = Math.max(previousEnd, end);
    });
  }
  return problems;
}

export const DEFAULT_OPENING_HOURS: OpeningHours = {
  MON: [['08:30', '17:30']],
  TUE: [['08:30', '17:30']],
  WED: [['08:30', '17:30']],
  THU: [['08:30', '17:30']],
  FRI: [['08:30', '17:30']],
  SAT: [],
  SUN: [],
};

/** Midnight in China (Asia/Shanghai has kept UTC+8 without daylight saving since 1991). */
function chinaMidnight(date: string): number {
  return Date.parse(`${date}T00:00:00+08:00`);
}

function weekdayOf(date: string): Weekday {
  // Noon China time falls on the same UTC date, so getUTCDay names the Chinese weekday (0 = Sunday).
  const utcDay = new Date(`${date}T12:00:00+08:00`).getUTCDay();
  return WEEKDAYS[(utcDay + 6) % 7];
}

/** The opening windows overlapping [from, to), clipped to it. */
export function openIntervals(hours: OpeningHours, from: number, to: number): Interval[] {
  const result: Interval[] = [];
  for (let midnight = chinaMidnight(chinaDate(new Date(from))); midnight < to; midnight += DAY_MS) {
    const date = chinaDate(new Date(midnight));
    for (const [open, close] of hours[weekdayOf(date)] ?? []) {
      const start = Math.max(from, midnight + minutesOf(open) * MINUTE_MS);
      const end = Math.min(to, midnight + minutesOf(close) * MINUTE_MS);
      if (start < end) result.push({ start, end });
    }
  }
  return merge(result);
}

/** Sorted, with touching or overlapping intervals joined. */
export function merge(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].filter((i) => i.start < i.end).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ ...i });
  }
  return out;
}

/** `from` minus every interval of `busy`. */
export function subtract(from: readonly Interval[], busy: readonly Interval[]): Interval[] {
  let result = merge(from);
  for (const b of merge(busy)) {
    result = result.flatMap((i) => {
      if (b.end <= i.start || b.start >= i.end) return [i];
      const parts: Interval[] = [];
      if (i.start < b.start) parts.push({ start: i.start, end: b.start });
      if (b.end < i.end) parts.push({ start: b.end, end: i.end });
      return parts;
    });
  }
  return result;
}

export function ceilToSlot(ms: number): number {
  return Math.ceil(ms / SLOT_MS) * SLOT_MS;
}

export function isOnSlot(ms: number): boolean {
  return ms % SLOT_MS === 0;
}

/**
 * Free time in [from, to): opening hours minus reservations and blocks, from the next quarter hour
 * after `now` on. Every interval starts and ends on a quarter hour.
 */
export function freeIntervals(schedule: Schedule, from: number, to: number): Interval[] {
  const start = Math.max(from, ceilToSlot(schedule.now.getTime()));
  if (start >= to) return [];
  const open = openIntervals(schedule.openingHours, start, to);
  return subtract(open, [...schedule.reservations, ...schedule.blocks])
    .map((i) => ({ start: ceilToSlot(i.start), end: Math.floor(i.end / SLOT_MS) * SLOT_MS }))
    .filter((i) => i.start < i.end);
}

export type RefusalCode = 'OUTSIDE_OPENING_HOURS' | 'SLOT_BLOCKED' | 'SLOT_TAKEN';

export type Refusal =
  | { kind: 'invalid'; field: 'startsAt' | 'endsAt'; message: string }
  | { kind: 'conflict'; code: RefusalCode; message: string };

/**
 * Why [start, end) cannot be reserved, or null when it can. Accepted exactly when `freeIntervals`
 * over the same range is that one whole range — the availability shown and the check that books are
 * one computation; the rest only names the reason.
 */
export function reservationRefusal(schedule: Schedule, start: number, end: number): Refusal | null {
  if (!isOnSlot(start)) return { kind: 'invalid', field: 'startsAt', message: 'startsAt must be on a quarter hour' };
  if (!isOnSlot(end)) return { kind: 'invalid', field: 'endsAt', message: 'endsAt must be on a quarter hour' };
  if (end <= start) return { kind: 'invalid', field: 'endsAt', message: 'endsAt must be after startsAt' };
  if (start < schedule.now.getTime()) {
    return { kind: 'invalid', field: 'startsAt', message: 'startsAt must not be in the past' };
  }
  const free = freeIntervals(schedule, start, end);
  if (free.length === 1 && free[0].start === start && free[0].end === end) return null;

  const open = openIntervals(schedule.openingHours, start, end);
  if (!(open.length === 1 && open[0].start === start && open[0].end === end)) {
    return {
      kind: 'conflict',
      code: 'OUTSIDE_OPENING_HOURS',
      message: 'The instrument is not open for all of that time',
    };
  }
  if (schedule.blocks.some((b) => overlaps(b, { start, end }))) {
    return { kind: 'conflict', code: 'SLOT_BLOCKED', message: 'The instrument is under maintenance in that time' };
  }
  return { kind: 'conflict', code: 'SLOT_TAKEN', message: 'That time is already reserved' };
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Minutes the instrument is open in [from, to) — the denominator of its utilisation rate. */
export function openMinutes(hours: OpeningHours, from: number, to: number): number {
  return openIntervals(hours, from, to).reduce((sum, i) => sum + (i.end - i.start) / MINUTE_MS, 0);
}
