import type { RecognitionLevel } from '@pilotlink/core';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { EvaluationOutcome, Grade, PlatformIndicators } from '../domain/evaluation';

/** 绩效评价: one bureau decision per platform and year, stored with the indicators it was based on. */
@Entity('platform_evaluations')
export class PlatformEvaluation {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'platform_id', type: 'uuid' }) platformId: string;
  @Column({ type: 'integer' }) year: number;
  @Column({ name: 'bureau_org_id', type: 'uuid' }) bureauOrgId: string;
  @Column({ type: 'jsonb' }) indicators: PlatformIndicators;
  @Column({ name: 'suggested_grade', type: 'text' }) suggestedGrade: Grade;
  @Column({ type: 'text' }) grade: Grade;
  @Column({ type: 'text' }) outcome: EvaluationOutcome;
  @Column({ name: 'level_before', type: 'text' }) levelBefore: RecognitionLevel;
  @Column({ name: 'level_after', type: 'text' }) levelAfter: RecognitionLevel;
  @Column({ type: 'text', default: '' }) remarks: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
