import { BaseEntity } from '@pilotlink/database';
import { Column, Entity } from 'typeorm';
import { EquipmentStatus } from './catalogue';

/** 仪器设备共享: a shareable instrument. Reservations come with the orders issue. */
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
}
