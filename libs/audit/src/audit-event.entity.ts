import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One row per state change or money movement; the table refuses UPDATE/DELETE (see migration). */
@Entity('audit_events')
export class AuditEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  seq: string;

  @Column({ type: 'uuid', insert: false })
  id: string;

  @Column({ name: 'occurred_at', type: 'timestamptz', insert: false })
  occurredAt: Date;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ name: 'actor_org_id', type: 'uuid', nullable: true })
  actorOrgId: string | null;

  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'entity_type', type: 'text' })
  entityType: string;

  @Column({ name: 'entity_id', type: 'text' })
  entityId: string;

  @Column({ name: 'subject_org_id', type: 'uuid', nullable: true })
  subjectOrgId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId: string | null;
}
