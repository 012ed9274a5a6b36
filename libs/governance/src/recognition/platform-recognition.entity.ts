import { BaseEntity } from '@pilotlink/database';
import { Column, Entity } from 'typeorm';
import type { RecognitionStatus } from '../domain/recognition';

export type RecognisedLevel = 'CITY' | 'PROVINCE' | 'NATIONAL';

/** 认定申请: a platform's application for a recognition level and the bureau's decision on it. */
@Entity('platform_recognitions')
export class PlatformRecognition extends BaseEntity {
  @Column({ name: 'platform_id', type: 'uuid' }) platformId: string;
  @Column({ type: 'text' }) level: RecognisedLevel;
  @Column({ type: 'text', default: 'PENDING' }) status: RecognitionStatus;
  @Column({ type: 'text' }) evidence: string;
  @Column({ name: 'evidence_urls', type: 'text', array: true, default: '{}' }) evidenceUrls: string[];
  @Column({ name: 'requested_by_org_id', type: 'uuid' }) requestedByOrgId: string;
  @Column({ name: 'decided_by_org_id', type: 'uuid', nullable: true }) decidedByOrgId: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  /** Calendar dates (China), inclusive. */
  @Column({ name: 'valid_from', type: 'date', nullable: true }) validFrom: string | null;
  @Column({ name: 'valid_until', type: 'date', nullable: true }) validUntil: string | null;
  /** Why it was rejected, or why it stopped counting before its date (a downgrade or delisting). */
  @Column({ type: 'text', nullable: true }) reason: string | null;
}
