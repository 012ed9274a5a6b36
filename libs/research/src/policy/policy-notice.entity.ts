import { BaseEntity } from '@pilotlink/database';
import { Column, Entity } from 'typeorm';
import type { PolicyLink, PolicyStatus } from './policy';

/** 政策资讯: a policy notice a bureau publishes, linked to the voucher programs it establishes. */
@Entity('policy_notices')
export class PolicyNotice extends BaseEntity {
  @Column({ name: 'bureau_org_id', type: 'uuid' })
  bureauOrgId: string;

  /** The bureau's region when it was written: lists filter by it. */
  @Column({ name: 'region_code', type: 'char', length: 6 })
  regionCode: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ name: 'issuing_body', type: 'text' })
  issuingBody: string;

  @Column({ name: 'document_number', type: 'text', nullable: true })
  documentNumber: string | null;

  @Column({ name: 'issued_on', type: 'date' })
  issuedOn: string;

  /** The text as issued (Traditional stays Traditional here; search converts it). */
  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  links: PolicyLink[];

  @Column({ name: 'program_ids', type: 'uuid', array: true, default: () => "'{}'" })
  programIds: string[];

  @Column({ type: 'text', default: 'DRAFT' })
  status: PolicyStatus;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}
