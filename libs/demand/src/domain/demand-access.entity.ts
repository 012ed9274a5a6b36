import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A platform org the SME invited: it sees a SUMMARY or PRIVATE demand in full. */
@Entity('demand_invitations')
export class DemandInvitation {
  @PrimaryColumn({ name: 'demand_id', type: 'uuid' })
  demandId: string;

  @PrimaryColumn({ name: 'platform_org_id', type: 'uuid' })
  platformOrgId: string;

  @Column({ name: 'invited_at', type: 'timestamptz', default: () => 'now()' })
  invitedAt: Date;
}

/** A platform org that accepted the demand's NDA: it sees a SUMMARY demand in full. */
@Entity('demand_nda_acceptances')
export class DemandNdaAcceptance {
  @PrimaryColumn({ name: 'demand_id', type: 'uuid' })
  demandId: string;

  @PrimaryColumn({ name: 'platform_org_id', type: 'uuid' })
  platformOrgId: string;

  @Column({ name: 'accepted_by_user_id', type: 'uuid' })
  acceptedByUserId: string;

  @Column({ name: 'accepted_at', type: 'timestamptz', default: () => 'now()' })
  acceptedAt: Date;
}
