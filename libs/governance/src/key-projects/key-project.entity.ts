import { BaseEntity } from '@pilotlink/database';
import { Column, Entity } from 'typeorm';
import type { KeyProjectStage, KeyProjectStatus, KeyProjectSubjectType } from '../domain/key-project';

/** 重点项目: a bureau's tracked result, demand or order, its officer (专人跟踪) and current stage. */
@Entity('key_projects')
export class KeyProject extends BaseEntity {
  @Column({ name: 'bureau_org_id', type: 'uuid' }) bureauOrgId: string;
  @Column({ name: 'subject_type', type: 'text' }) subjectType: KeyProjectSubjectType;
  @Column({ name: 'subject_id', type: 'uuid' }) subjectId: string;
  /** Copied from the owning context at marking. */
  @Column({ name: 'subject_title', type: 'text' }) subjectTitle: string;
  /** The subject's parties (institute; SME; SME and platform operator), who may see that it is tracked. */
  @Column({ name: 'party_org_ids', type: 'uuid', array: true }) partyOrgIds: string[];
  @Column({ type: 'text' }) stage: KeyProjectStage;
  @Column({ name: 'officer_user_id', type: 'uuid' }) officerUserId: string;
  /** The bureau's own note: never shown to the parties. */
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ type: 'text', default: 'ACTIVE' }) status: KeyProjectStatus;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ name: 'close_reason', type: 'text', nullable: true }) closeReason: string | null;
}

/** One milestone of a key project: what should happen in which stage by when, and when it did. */
@Entity('key_project_milestones')
export class KeyProjectMilestone extends BaseEntity {
  @Column({ name: 'key_project_id', type: 'uuid' }) keyProjectId: string;
  @Column({ type: 'text' }) stage: KeyProjectStage;
  @Column({ type: 'text' }) title: string;
  /** Calendar dates (China). */
  @Column({ name: 'due_on', type: 'date' }) dueOn: string;
  @Column({ name: 'done_on', type: 'date', nullable: true }) doneOn: string | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
}
