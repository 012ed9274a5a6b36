import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { QualificationKind } from './catalogue';
import { Platform } from './platform.entity';

/** CMA, CNAS, ISO 17025 …: certificate, accredited scope and expiry. An expired one stops showing. */
@Entity('platform_qualifications')
export class PlatformQualification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'platform_id', type: 'uuid' })
  platformId: string;

  @ManyToOne(() => Platform, (p) => p.qualifications, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'platform_id' })
  platform?: Relation<Platform>;

  @Column({ type: 'text' })
  kind: QualificationKind;

  @Column({ name: 'certificate_no', type: 'text' })
  certificateNo: string;

  @Column({ name: 'accredited_scope', type: 'text', default: '' })
  accreditedScope: string;

  @Column({ name: 'valid_until', type: 'date' })
  validUntil: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
