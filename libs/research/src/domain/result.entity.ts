import { BaseEntity } from '@pilotlink/database';
import type { Confidentiality } from '@pilotlink/demand';
import type { ServiceCategory } from '@pilotlink/core';
import { Column, Entity } from 'typeorm';
import type { IpItem, ResultStage, ResultStatus, ResultTargetStage, TransferMode } from './result';

/** 科技成果: a research result an institute offers for pilot verification and transfer. Money in fen. */
@Entity('research_results')
export class ResearchResult extends BaseEntity {
  @Column({ name: 'institute_org_id', type: 'uuid' })
  instituteOrgId: string;

  @Column({ type: 'text' })
  title: string;

  /** 成果简介: shown in the SUMMARY view too. */
  @Column({ type: 'text' })
  summary: string;

  /** 技术详情: FULL view only. */
  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ name: 'field_code', type: 'text' })
  fieldCode: string;

  @Column({ name: 'stage_reached', type: 'text' })
  stageReached: ResultStage;

  /** Technology readiness level 1–9 (TRL). */
  @Column({ name: 'readiness_level', type: 'integer' })
  readinessLevel: number;

  @Column({ name: 'ip_items', type: 'jsonb', default: () => "'[]'" })
  ipItems: IpItem[];

  @Column({ name: 'verification_categories', type: 'text', array: true, default: () => "'{}'" })
  verificationCategories: ServiceCategory[];

  @Column({ name: 'target_stage', type: 'text' })
  targetStage: ResultTargetStage;

  @Column({ name: 'budget_min_fen', type: 'bigint', nullable: true })
  budgetMinFen: string | null;

  @Column({ name: 'budget_max_fen', type: 'bigint', nullable: true })
  budgetMaxFen: string | null;

  @Column({ name: 'transfer_modes', type: 'text', array: true })
  transferModes: TransferMode[];

  @Column({ name: 'contact_name', type: 'text' })
  contactName: string;

  @Column({ name: 'contact_phone', type: 'text', nullable: true })
  contactPhone: string | null;

  @Column({ name: 'contact_email', type: 'text', nullable: true })
  contactEmail: string | null;

  @Column({ type: 'text' })
  confidentiality: Confidentiality;

  @Column({ type: 'text', default: 'DRAFT' })
  status: ResultStatus;

  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}
