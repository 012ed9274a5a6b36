import { BaseEntity } from '@pilotlink/database';
import { Column, Entity } from 'typeorm';
import { OrgSize, VerificationStatus } from './org';
import { OrgKind } from '@pilotlink/core';

@Entity('orgs')
export class Org extends BaseEntity {
  @Column({ type: 'text' })
  kind: OrgKind;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'char', length: 18, nullable: true })
  uscc: string | null;

  @Column({ name: 'is_team', type: 'boolean', default: false })
  isTeam: boolean;

  @Column({ name: 'team_leader_name', type: 'text', nullable: true })
  teamLeaderName: string | null;

  @Column({ name: 'team_leader_id_masked', type: 'text', nullable: true })
  teamLeaderIdMasked: string | null;

  @Column({ name: 'team_leader_id_hash', type: 'text', nullable: true, select: false })
  teamLeaderIdHash: string | null;

  @Column({ name: 'region_code', type: 'char', length: 6 })
  regionCode: string;

  @Column({ name: 'legal_representative', type: 'text', nullable: true })
  legalRepresentative: string | null;

  @Column({ name: 'tech_sme', type: 'boolean', default: false })
  techSme: boolean;

  @Column({ type: 'text', nullable: true })
  size: OrgSize | null;

  @Column({ name: 'contact_phone', type: 'text', nullable: true })
  contactPhone: string | null;

  @Column({ type: 'text', nullable: true })
  address: string | null;

  @Column({ name: 'verification_status', type: 'text', default: 'PENDING' })
  verificationStatus: VerificationStatus;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt: Date | null;

  @Column({ name: 'verified_by_org_id', type: 'uuid', nullable: true })
  verifiedByOrgId: string | null;

  @Column({ name: 'rejection_reason', type: 'text', nullable: true })
  rejectionReason: string | null;
}
