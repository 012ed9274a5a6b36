import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * `digest`: a periodic digest (issue 21); its subject id is the recipient org. `webhook`: a test ping of the org's
 * webhook (issue 18); its subject id is the endpoint.
 */
export const SUBJECT_TYPES = ['demand', 'quote', 'service', 'order', 'voucher', 'digest', 'webhook'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

/** One inbox entry of an org: unique per (recipient, event key), so an event never lands twice. */
@Entity('notifications')
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'recipient_org_id', type: 'uuid' })
  recipientOrgId: string;

  @Column({ name: 'event_key', type: 'text' })
  eventKey: string;

  @Column({ name: 'event_type', type: 'text' })
  eventType: string;

  @Column({ name: 'subject_type', type: 'text' })
  subjectType: SubjectType;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  body: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
