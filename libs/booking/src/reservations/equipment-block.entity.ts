import { BaseEntity } from '@pilotlink/database';
import { Column, Entity } from 'typeorm';

/** Time an instrument is out of service (maintenance, calibration): not bookable. */
@Entity('equipment_blocks')
export class EquipmentBlock extends BaseEntity {
  @Column({ name: 'equipment_id', type: 'uuid' })
  equipmentId: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;
}
