import { BaseEntity } from '@pilotlink/database';
import { Column, Entity } from 'typeorm';
import type { CorrectionStatus, RequestedFacts, Shareholder } from './org-facts';

/** A requested change to a verified org's eligibility facts; NULL columns are facts it leaves alone. */
@Entity('org_corrections')
export class OrgCorrection extends BaseEntity {
  @Column({ name: 'org_id', type: 'uuid' })
  orgId: string;

  @Column({ name: 'tech_sme', type: 'boolean', nullable: true })
  techSme: boolean | null;

  @Column({ name: 'legal_representative', type: 'text', nullable: true })
  legalRepresentative: string | null;

  @Column({ type: 'jsonb', nullable: true })
  shareholders: Shareholder[] | null;

  @Column({ type: 'text', default: 'PENDING' })
  status: CorrectionStatus;

  @Column({ name: 'requested_by_user_id', type: 'uuid' })
  requestedByUserId: string;

  @Column({ name: 'decided_by_user_id', type: 'uuid', nullable: true })
  decidedByUserId: string | null;

  @Column({ name: 'decided_by_org_id', type: 'uuid', nullable: true })
  decidedByOrgId: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'rejection_reason', type: 'text', nullable: true })
  rejectionReason: string | null;
}

export function requestedFactsOf(correction: OrgCorrection): RequestedFacts {
  const facts: RequestedFacts = {};
  if (correction.techSme !== null) facts.techSme = correction.techSme;
  if (correction.legalRepresentative !== null) facts.legalRepresentative = correction.legalRepresentative;
  if (correction.shareholders !== null) facts.shareholders = correction.shareholders;
  return facts;
}

export function setRequestedFacts(correction: OrgCorrection, facts: RequestedFacts): void {
  correction.techSme = facts.techSme ?? null;
  correction.legalRepresentative = facts.legalRepresentative ?? null;
  correction.shareholders = facts.shareholders ?? null;
}
