import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { QualificationKind } from '@pilotlink/core';
import { Platform } from './platform.entity';

/**
 * CMA, CNAS, ISO 17025 …: certificate, accredited scope and expiry, and a scan of the certificate. An
 * expired one stops showing.
 */
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

  /** The certificate scan in the file store (null until one is uploaded); the other columns describe it. */
  @Column({ name: 'certificate_storage_key', type: 'text', nullable: true })
  certificateStorageKey: string | null;

  @Column({ name: 'certificate_file_name', type: 'text', nullable: true })
  certificateFileName: string | null;

  @Column({ name: 'certificate_content_type', type: 'text', nullable: true })
  certificateContentType: string | null;

  @Column({ name: 'certificate_size_bytes', type: 'integer', nullable: true })
  certificateSizeBytes: number | null;

  @Column({ name: 'certificate_sha256', type: 'text', nullable: true })
  certificateSha256: string | null;

  @Column({ name: 'certificate_uploaded_by', type: 'uuid', nullable: true })
  certificateUploadedBy: string | null;

  @Column({ name: 'certificate_uploaded_at', type: 'timestamptz', nullable: true })
  certificateUploadedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
