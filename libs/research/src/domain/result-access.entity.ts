import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An org the institute invited: it sees a SUMMARY or PRIVATE result in full. */
@Entity('research_result_invitations')
export class ResultInvitation {
  @PrimaryColumn({ name: 'result_id', type: 'uuid' })
  resultId: string;

  @PrimaryColumn({ name: 'org_id', type: 'uuid' })
  orgId: string;

  @Column({ name: 'invited_at', type: 'timestamptz', default: () => 'now()' })
  invitedAt: Date;
}

/** An org that accepted the result's NDA: it sees a SUMMARY result in full. */
@Entity('research_result_nda_acceptances')
export class ResultNdaAcceptance {
  @PrimaryColumn({ name: 'result_id', type: 'uuid' })
  resultId: string;

  @PrimaryColumn({ name: 'org_id', type: 'uuid' })
  orgId: string;

  @Column({ name: 'accepted_by_user_id', type: 'uuid' })
  acceptedByUserId: string;

  @Column({ name: 'accepted_at', type: 'timestamptz', default: () => 'now()' })
  acceptedAt: Date;
}
