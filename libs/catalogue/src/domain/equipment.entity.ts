import { BaseEntity } from '@pilotlink/database';
import { Column, Entity } from 'typeorm';
import { EquipmentStatus } from '@pilotlink/core';

/** 仪器设备共享: a shareable instrument, reserved by the hour (libs/booking/src/reservations). */
@Entity('equipment')
export class Equipment extends BaseEntity {
  @Column({ name: 'platform_id', type: 'uuid' })
  platformId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  model: string | null;

  @Column({ type: 'text', nullable: true })
  maker: string | null;

  @Column({ type: 'text' })
  category: string;

  @Column({ name: 'key_specs', type: 'text', default: '' })
  keySpecs: string;

  @Column({ name: 'hourly_rate_fen', type: 'bigint' })
  hourlyRateFen: string;

  @Column({ type: 'text', default: 'ACTIVE' })
  status: EquipmentStatus;

  /**
   * Bookable time: per weekday (MON…SUN) [start, end) local times "HH:MM" in Asia/Shanghai. Set and
   * validated through the booking context's booking-rules route.
   */
  @Column({ name: 'opening_hours', type: 'jsonb' })
  openingHours: Record<string, Array<[string, string]>>;

  /** The platform's stated reservation rules: free cancellation until N hours before the start… */
  @Column({ name: 'free_cancellation_hours', type: 'integer', default: 24 })
  freeCancellationHours: number;

  /** …then this share of the price (basis points); a no-show costs `noShowFeeBp`. */
  @Column({ name: 'late_cancellation_fee_bp', type: 'integer', default: 3000 })
  lateCancellationFeeBp: number;

  @Column({ name: 'no_show_fee_bp', type: 'integer', default: 5000 })
  noShowFeeBp: number;
}
