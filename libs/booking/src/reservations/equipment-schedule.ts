import { canViewPlatform, seesWholeCatalogue } from '@pilotlink/catalogue';
import type { BookableEquipment, EquipmentBookings, EquipmentLock, PlatformSummary } from '@pilotlink/catalogue';
import { DomainError, NotFoundError, fieldInvalid } from '@pilotlink/core';
import type { Actor } from '@pilotlink/core';
import { EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { DAY_MS, OpeningHours, Schedule, openingHoursProblems, reservationRefusal } from '../domain/availability';
import { ACTIVE_RESERVATION_STATUSES } from '../domain/reservation';
import { EquipmentBlock } from './equipment-block.entity';
import { Reservation } from './reservation.entity';

/**
 * An instrument and its platform as the caller may see them, like the catalogue's reads: ACTIVE
 * instruments of LISTED platforms for everyone; the rest for the operator and its supervisors.
 */
export async function visibleEquipment(
  bookings: EquipmentBookings,
  manager: EntityManager,
  actor: Actor | undefined,
  id: string,
  lock?: EquipmentLock,
): Promise<{ equipment: BookableEquipment; platform: PlatformSummary }> {
  const found = await bookings.withPlatform(manager, id, lock);
  if (!found || !canViewPlatform(actor, found.platform)) throw new NotFoundError('Equipment');
  if (found.equipment.status !== 'ACTIVE' && !seesWholeCatalogue(actor, found.platform)) {
    throw new NotFoundError('Equipment');
  }
  return found;
}

/** The stored opening hours, checked (a row written around the API must not break availability). */
export function openingHoursOf(equipment: BookableEquipment): OpeningHours {
  if (openingHoursProblems(equipment.openingHours).length > 0) {
    throw new DomainError('CONFLICT', 'This instrument has no valid opening hours: the platform must set them');
  }
  return equipment.openingHours as OpeningHours;
}

/** Active reservations of an instrument overlapping [from, to): the time they hold. */
export function activeReservationsOverlapping(
  manager: EntityManager,
  equipmentId: string,
  from: number,
  to: number,
): SelectQueryBuilder<Reservation> {
  return manager
    .createQueryBuilder(Reservation, 'r')
    .where('r.equipment_id = :id', { id: equipmentId })
    .andWhere({ status: In([...ACTIVE_RESERVATION_STATUSES]) })
    .andWhere(`r.during && tstzrange(:from, :to, '[)')`, { from: new Date(from), to: new Date(to) });
}

/** Everything that decides availability of `equipment` in [from, to), read in the caller's transaction. */
export async function readSchedule(
  manager: EntityManager,
  equipment: BookableEquipment,
  from: number,
  to: number,
  now: Date,
): Promise<Schedule> {
  const reservations = await activeReservationsOverlapping(manager, equipment.id, from, to)
    .select(['r.id', 'r.startsAt', 'r.endsAt'])
    .getMany();
  const blocks = await manager
    .createQueryBuilder(EquipmentBlock, 'b')
    .select(['b.id', 'b.startsAt', 'b.endsAt'])
    .where('b.equipment_id = :id', { id: equipment.id })
    .andWhere(`b.during && tstzrange(:from, :to, '[)')`, { from: new Date(from), to: new Date(to) })
    .getMany();
  const interval = (x: { startsAt: Date; endsAt: Date }) => ({ start: x.startsAt.getTime(), end: x.endsAt.getTime() });
  return {
    openingHours: openingHoursOf(equipment),
    reservations: reservations.map(interval),
    blocks: blocks.map(interval),
    now,
  };
}

/** Throws the refusal of [start, end) as the API error: 400 naming the field, or 409 with a stable code. */
export function assertReservable(schedule: Schedule, start: number, end: number): void {
  const refusal = reservationRefusal(schedule, start, end);
  if (!refusal) return;
  if (refusal.kind === 'invalid') throw fieldInvalid(refusal.field, refusal.message);
  throw new DomainError(refusal.code, refusal.message, {
    fields: ['startsAt', 'endsAt'],
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(end).toISOString(),
  });
}

/** A [from, to) query range: both instants, `to` after `from`, at most `maxDays` long. */
export function parseRange(query: { from: string; to: string }, maxDays: number): { from: number; to: number } {
  const from = Date.parse(query.from);
  const to = Date.parse(query.to);
  if (to <= from) throw fieldInvalid('to', 'to must be after from');
  if (to - from > maxDays * DAY_MS) throw fieldInvalid('to', `the range may span at most ${maxDays} days`);
  return { from, to };
}

/** Start and end of a request body's range, on quarter hours, end after start. */
export function parseSpan(body: { startsAt: string; endsAt: string }, maxDays: number): { start: number; end: number } {
  const start = Date.parse(body.startsAt);
  const end = Date.parse(body.endsAt);
  if (end <= start) throw fieldInvalid('endsAt', 'endsAt must be after startsAt');
  if (end - start > maxDays * DAY_MS) throw fieldInvalid('endsAt', `a range may span at most ${maxDays} days`);
  return { start, end };
}
