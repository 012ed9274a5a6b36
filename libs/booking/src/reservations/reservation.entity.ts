import { BaseEntity } from '@pilotlink/database';
import { Column, Entity } from 'typeorm';
import type { ReservationStatus } from '../domain/reservation';

/**
 * A reservation of an instrument for [startsAt, endsAt) — an order line (SPEC §5). The table's
 * generated `during` range carries the exclusion constraint that refuses overlaps.
 */
@Entity('reservations')
export class Reservation extends BaseEntity {
  @Column({ name: 'equipment_id', type: 'uuid' })
  equipmentId: string;

  @Column({ name: 'platform_id', type: 'uuid' })
  platformId: string;

  /** The org that booked: an SME, another platform's org, or (internal use) the platform's own. */
  @Column({ name: 'booker_org_id', type: 'uuid' })
  bookerOrgId: string;

  @Column({ name: 'booked_by', type: 'uuid', nullable: true })
  bookedBy: string | null;

  /** The order it created; null for internal use and free instruments. */
  @Column({ name: 'order_id', type: 'uuid', nullable: true })
  orderId: string | null;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'text', default: 'CONFIRMED' })
  status: ReservationStatus;

  /** Booked by the platform's own operator org for its own use. */
  @Column({ type: 'boolean', default: false })
  internal: boolean;

  @Column({ name: 'price_fen', type: 'bigint' })
  priceFen: string;

  /** What a late cancellation or a no-show costs under the policy at the time. */
  @Column({ name: 'fee_fen', type: 'bigint', default: '0' })
  feeFen: string;

  @Column({ type: 'text', default: '' })
  purpose: string;

  @Column({ name: 'checked_in_at', type: 'timestamptz', nullable: true })
  checkedInAt: Date | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ name: 'actual_minutes', type: 'integer', nullable: true })
  actualMinutes: number | null;
}
