/**
 * Instrument schedules as the API answers them (libs/booking/src/reservations/dto), and the China-time
 * calendar arithmetic the week views need. Instruments keep Asia/Shanghai hours (UTC+8, no daylight
 * saving), so days and times are shown in China time whatever the browser's zone. What is free is
 * never worked out here: it is the API's availability answer.
 */

import type { Schema } from '../../shared/api';
import { WEEKDAY_LABEL } from '../../shared/labels/booking';

export type TimeSlot = Schema<'TimeSlotDto'>;

export type Weekday = 'MON' | 'TUE' | 'WED' | 'THU' | 'FRI' | 'SAT' | 'SUN';

/** Opening hours per weekday (`openingHours.MON`: [from, to] windows, HH:mm), cancellation fees. */
export type BookingRules = Schema<'BookingRulesResponseDto'>;

export type Availability = Schema<'AvailabilityResponseDto'>;

export type MaintenanceBlock = Schema<'BlockResponseDto'>;

export type ReservationStatus = Reservation['status'];

export type Reservation = Schema<'ReservationResponseDto'>;

/** An instrument as the catalogue lists it. */
export type Instrument = Schema<'EquipmentResponseDto'>;

/** Reservation states that hold the instrument's time (the calendar shows them). */
export const HOLDING: readonly ReservationStatus[] = ['CONFIRMED', 'CHECKED_IN', 'COMPLETED'];

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
export const QUARTER_MS = HOUR_MS / 4;
const CHINA_OFFSET_MS = 8 * HOUR_MS;

export const WEEKDAYS: Weekday[] = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];
/** The China date (YYYY-MM-DD) of an instant. */
export function chinaDay(ms: number): string {
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Midnight China time of a date, as epoch ms. */
export function dayStart(date: string): number {
  return Date.parse(`${date}T00:00:00+08:00`);
}

export function addDays(date: string, days: number): string {
  return chinaDay(dayStart(date) + days * DAY_MS);
}

export function weekdayOf(date: string): Weekday {
  // Noon China time falls on the same UTC date, so getUTCDay names the Chinese weekday (0 = Sunday).
  return WEEKDAYS[(new Date(`${date}T12:00:00+08:00`).getUTCDay() + 6) % 7];
}

/** The Monday of the (China) week holding `date`. */
export function mondayOf(date: string): string {
  return addDays(date, -WEEKDAYS.indexOf(weekdayOf(date)));
}

/** HH:MM China time of an instant; the next midnight of `date` reads 24:00. */
export function clock(ms: number, date?: string): string {
  if (date && ms >= dayStart(date) + DAY_MS) return '24:00';
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(11, 16);
}

/** An instant as the API wants it: ISO 8601 with the China offset. */
export function instant(ms: number): string {
  return `${new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** Epoch ms of a China date and an HH:MM time ("24:00" is the next midnight). */
export function at(date: string, time: string): number {
  const [h, m] = time.split(':').map(Number);
  return dayStart(date) + (h * 60 + m) * 60_000;
}

/** "11月23日 周一 09:00–10:30" (the end's day is named when it differs). */
export function span(s: TimeSlot): string {
  const start = Date.parse(s.startsAt);
  const end = Date.parse(s.endsAt);
  const date = chinaDay(start);
  const endDate = chinaDay(end - 1);
  const [, mm, dd] = date.split('-');
  const head = `${Number(mm)}月${Number(dd)}日 ${WEEKDAY_LABEL[weekdayOf(date)]} ${clock(start)}`;
  if (endDate === date) return `${head}–${clock(end, date)}`;
  const [, em, ed] = endDate.split('-');
  return `${head}–${Number(em)}月${Number(ed)}日 ${clock(end, endDate)}`;
}

/** The part of a time range inside one China day, or null. */
export function clip(s: TimeSlot, date: string): { start: number; end: number } | null {
  const from = dayStart(date);
  const start = Math.max(Date.parse(s.startsAt), from);
  const end = Math.min(Date.parse(s.endsAt), from + DAY_MS);
  return end > start ? { start, end } : null;
}

/** The quarter hours of a day as HH:MM, 00:00 … 24:00. */
export const QUARTERS: string[] = Array.from({ length: 97 }, (_, i) =>
  i === 96 ? '24:00' : `${String(Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}`,
);

/** A basis-point ratio as a percentage ("30%"). */
export const percent = (bp: number): string => `${(bp / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}%`;

/** The platform's cancellation rule in words. */
export function cancellationRule(rules: Pick<BookingRules, 'freeCancellationHours' | 'lateCancellationFeeBp'>): string {
  if (rules.lateCancellationFeeBp === 0) return '随时可免费取消';
  return `开始前 ${rules.freeCancellationHours} 小时以上取消免费，之后取消收取预约费用的 ${percent(rules.lateCancellationFeeBp)}`;
}
