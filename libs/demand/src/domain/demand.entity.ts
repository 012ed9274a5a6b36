import { BaseEntity } from '@pilotlink/database';
import { Column, Entity } from 'typeorm';
import type { ServiceCategory, ServiceStage } from '@pilotlink/core';
import { Confidentiality, DemandMode, DemandStatus } from './demand';

/** 中试需求: what an SME needs scaled up or verified. Money in fen (bigint strings from pg). */
@Entity('demands')
export class Demand extends BaseEntity {
  @Column({ name: 'sme_org_id', type: 'uuid' })
  smeOrgId: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ name: 'field_code', type: 'text' })
  fieldCode: string;

  @Column({ type: 'text' })
  stage: ServiceStage;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  categories: ServiceCategory[];

  @Column({ name: 'budget_min_fen', type: 'bigint', nullable: true })
  budgetMinFen: string | null;

  @Column({ name: 'budget_max_fen', type: 'bigint', nullable: true })
  budgetMaxFen: string | null;

  @Column({ name: 'wanted_by', type: 'date', nullable: true })
  wantedBy: string | null;

  @Column({ name: 'region_code', type: 'char', length: 6, nullable: true })
  regionCode: string | null;

  @Column({ type: 'text' })
  mode: DemandMode;

  @Column({ name: 'reward_fen', type: 'bigint', nullable: true })
  rewardFen: string | null;

  @Column({ name: 'challenge_deadline', type: 'date', nullable: true })
  challengeDeadline: string | null;

  /** 揭榜挂帅: days after the deadline the SME has to accept a proposal (SPEC §4, default 30). */
  @Column({ name: 'award_window_days', type: 'integer', default: 30 })
  awardWindowDays: number;

  @Column({ type: 'text' })
  confidentiality: Confidentiality;

  @Column({ type: 'text', default: 'DRAFT' })
  status: DemandStatus;

  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}
