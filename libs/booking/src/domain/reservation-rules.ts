import { applyBasisPoints } from '@pilotlink/core';

/** A platform's stated rules for instrument reservations (SPEC §3). */
export interface ReservationPolicy {
  /** Cancelling at least this many hours before the start is free. */
  freeCancellationHours: number;
  /** Share of the reservation's price charged for a later cancellation or a no-show, in basis points. */
  lateCancellationFeeBp: number;
  noShowFeeBp: number;
}

const HOUR_MS = 3_600_000;

/** The fee in fen for cancelling a reservation of `priceFen` starting at `startsAt`, at `cancelledAt`. */
export function cancellationFeeFen(
  policy: ReservationPolicy,
  priceFen: number,
  startsAt: Date,
  cancelledAt: Date,
): number {
  const hoursBefore = (startsAt.getTime() - cancelledAt.getTime()) / HOUR_MS;
  if (hoursBefore >= policy.freeCancellationHours) return 0;
  return applyBasisPoints(priceFen, policy.lateCancellationFeeBp);
}

export function noShowFeeFen(policy: ReservationPolicy, priceFen: number): number {
  return applyBasisPoints(priceFen, policy.noShowFeeBp);
}

/** Price of a reservation: the hourly rate for each started quarter hour (rates are per hour, in fen). */
export function reservationPriceFen(hourlyRateFen: number, startsAt: Date, endsAt: Date): number {
  const quarters = Math.ceil((endsAt.getTime() - startsAt.getTime()) / (HOUR_MS / 4));
  return Math.floor((hourlyRateFen * quarters) / 4);
}

export interface UsageRecord {
  scheduledMinutes: number;
  /** Null while not checked in / completed; a no-show counts as 0 used. */
  actualMinutes: number | null;
  /** Booked by an org other than the platform's own host org. */
  external: boolean;
}

export interface Utilisation {
  scheduledHours: number;
  usedHours: number;
  externalHours: number;
  /** External hours / used hours, in basis points (0 when nothing was used). */
  sharingRateBp: number;
}

/** Per instrument over a period: scheduled vs actually used hours and the sharing rate. */
export function utilisation(records: readonly UsageRecord[]): Utilisation {
  const scheduled = records.reduce((sum, r) => sum + r.scheduledMinutes, 0);
  const used = records.reduce((sum, r) => sum + (r.actualMinutes ?? 0), 0);
  const external = records.filter((r) => r.external).reduce((sum, r) => sum + (r.actualMinutes ?? 0), 0);
  return {
    scheduledHours: scheduled / 60,
    usedHours: used / 60,
    externalHours: external / 60,
    sharingRateBp: used === 0 ? 0 : Math.floor((external * 10_000) / used),
  };
}
