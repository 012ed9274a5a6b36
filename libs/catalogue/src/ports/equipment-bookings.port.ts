import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { EquipmentStatus } from '@pilotlink/core';
import type { PlatformSummary } from './platform-directory.port';

/** The platform's stated reservation rules of an instrument (set through the booking context). */
export interface BookingRules {
  /** Per weekday (MON…SUN) [start, end) local times "HH:MM" in Asia/Shanghai. */
  openingHours: Record<string, Array<[string, string]>>;
  /** Free cancellation until this many hours before the start… */
  freeCancellationHours: number;
  /** …then this share of the price (basis points). */
  lateCancellationFeeBp: number;
  /** A no-show's share of the price (basis points). */
  noShowFeeBp: number;
}

/** An instrument as the booking context reserves it. */
export interface BookableEquipment extends BookingRules {
  id: string;
  platformId: string;
  name: string;
  status: EquipmentStatus;
  /** fen per hour, as PostgreSQL's bigint text. */
  hourlyRateFen: string;
}

/** Row locks the booking context takes on an instrument: bookings queue on it, rule and block changes exclude them. */
export type EquipmentLock = 'for_no_key_update' | 'pessimistic_write';

const LOCK_CLAUSES: Record<EquipmentLock, string> = {
  for_no_key_update: 'FOR NO KEY UPDATE OF e',
  pessimistic_write: 'FOR UPDATE OF e',
};

interface EquipmentRow {
  id: string;
  platform_id: string;
  name: string;
  status: EquipmentStatus;
  hourly_rate_fen: string;
  opening_hours: Record<string, Array<[string, string]>>;
  free_cancellation_hours: number;
  late_cancellation_fee_bp: number;
  no_show_fee_bp: number;
}

interface EquipmentWithPlatformRow extends EquipmentRow {
  operator_org_id: string;
  platform_name: string;
  platform_status: PlatformSummary['status'];
  region_code: string;
}

const EQUIPMENT_COLUMNS = `e.id, e.platform_id, e.name, e.status, e.hourly_rate_fen, e.opening_hours,
  e.free_cancellation_hours, e.late_cancellation_fee_bp, e.no_show_fee_bp`;

/**
 * Instruments for the booking context (reservations, availability, maintenance blocks): an instrument with
 * its platform in one query, optionally locked in the caller's transaction, and its booking rules, which the
 * platform sets through booking's routes. Who may see or change what stays booking's call (platform-access).
 */
@Injectable()
export class EquipmentBookings {
  /** The instrument and its platform; null when unknown. `lock` locks the instrument's row only. */
  async withPlatform(
    manager: EntityManager,
    equipmentId: string,
    lock?: EquipmentLock,
  ): Promise<{ equipment: BookableEquipment; platform: PlatformSummary } | null> {
    const [row] = await manager.query<EquipmentWithPlatformRow[]>(
      `SELECT ${EQUIPMENT_COLUMNS},
              p.operator_org_id, p.name AS platform_name, p.status AS platform_status, p.region_code
         FROM equipment e JOIN platforms p ON p.id = e.platform_id
        WHERE e.id = $1 ${lock ? LOCK_CLAUSES[lock] : ''}`,
      [equipmentId],
    );
    if (!row) return null;
    return {
      equipment: bookableEquipment(row),
      platform: {
        id: row.platform_id,
        operatorOrgId: row.operator_org_id,
        name: row.platform_name,
        status: row.platform_status,
        regionCode: row.region_code,
      },
    };
  }

  /**
   * Sets the instrument's booking rules in the caller's transaction (which holds its row lock); rules equal
   * to the stored ones change nothing (updated_at stays).
   */
  async setRules(manager: EntityManager, equipmentId: string, rules: BookingRules): Promise<void> {
    await manager.query(
      `UPDATE equipment
          SET opening_hours = $2::jsonb, free_cancellation_hours = $3, late_cancellation_fee_bp = $4,
              no_show_fee_bp = $5, updated_at = now()
        WHERE id = $1
          AND (opening_hours IS DISTINCT FROM $2::jsonb OR free_cancellation_hours IS DISTINCT FROM $3
               OR late_cancellation_fee_bp IS DISTINCT FROM $4 OR no_show_fee_bp IS DISTINCT FROM $5)`,
      [
        equipmentId,
        JSON.stringify(rules.openingHours),
        rules.freeCancellationHours,
        rules.lateCancellationFeeBp,
        rules.noShowFeeBp,
      ],
    );
  }
}

function bookableEquipment(row: EquipmentRow): BookableEquipment {
  return {
    id: row.id,
    platformId: row.platform_id,
    name: row.name,
    status: row.status,
    hourlyRateFen: row.hourly_rate_fen,
    openingHours: row.opening_hours,
    freeCancellationHours: row.free_cancellation_hours,
    lateCancellationFeeBp: row.late_cancellation_fee_bp,
    noShowFeeBp: row.no_show_fee_bp,
  };
}
