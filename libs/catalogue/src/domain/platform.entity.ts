import { BaseEntity } from '@pilotlink/database';
import { Column, Entity, OneToMany } from 'typeorm';
import type { Relation } from 'typeorm';
import { OperatingModel, PlatformStatus, PlatformType, RecognitionLevel } from '@pilotlink/core';
import { PlatformQualification } from './platform-qualification.entity';

/** 中试平台: operated (and edited) only by its host org, listed and supervised by a bureau. */
@Entity('platforms')
export class Platform extends BaseEntity {
  /** The host org (依托单位), a PLATFORM_OPERATOR org; the only org that edits the platform. */
  @Column({ name: 'operator_org_id', type: 'uuid' })
  operatorOrgId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  type: PlatformType;

  @Column({ name: 'operating_model', type: 'text' })
  operatingModel: OperatingModel;

  @Column({ name: 'field_codes', type: 'text', array: true })
  fieldCodes: string[];

  @Column({ name: 'region_code', type: 'char', length: 6 })
  regionCode: string;

  @Column({ type: 'text', nullable: true })
  address: string | null;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ name: 'contact_name', type: 'text', nullable: true })
  contactName: string | null;

  @Column({ name: 'contact_phone', type: 'text', nullable: true })
  contactPhone: string | null;

  @Column({ name: 'recognition_level', type: 'text', default: 'NONE' })
  recognitionLevel: RecognitionLevel;

  @Column({ type: 'text', default: 'DRAFT' })
  status: PlatformStatus;

  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason: string | null;

  @Column({ name: 'listed_at', type: 'timestamptz', nullable: true })
  listedAt: Date | null;

  /** Aggregates fed by reviews (orders issue); null until the first review. */
  @Column({ name: 'rating_avg', type: 'numeric', precision: 3, scale: 2, nullable: true })
  ratingAvg: string | null;

  @Column({ name: 'review_count', type: 'integer', default: 0 })
  reviewCount: number;

  /** Median minutes from seeing a demand to quoting on it (quotes context); null before the first quote. */
  @Column({ name: 'median_first_quote_minutes', type: 'integer', nullable: true })
  medianFirstQuoteMinutes: number | null;

  @Column({ name: 'quoted_demand_count', type: 'integer', default: 0 })
  quotedDemandCount: number;

  @OneToMany(() => PlatformQualification, (q) => q.platform, { cascade: false })
  qualifications?: Relation<PlatformQualification[]>;
}
