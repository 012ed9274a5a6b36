import type { IpOwnership } from '@pilotlink/booking';
import { BaseEntity } from '@pilotlink/database';
import { Column, Entity } from 'typeorm';
import type { ProposalStatus } from './result-proposal';

/** A platform's verification proposal to a research result (issue 21: "a quote, as for demands"). Money in fen. */
@Entity('research_result_proposals')
export class ResultProposal extends BaseEntity {
  @Column({ name: 'result_id', type: 'uuid' })
  resultId: string;

  @Column({ name: 'platform_id', type: 'uuid' })
  platformId: string;

  @Column({ name: 'platform_org_id', type: 'uuid' })
  platformOrgId: string;

  /** The platform's published service the verification is delivered under. */
  @Column({ name: 'service_id', type: 'uuid', nullable: true })
  serviceId: string | null;

  @Column({ name: 'price_fen', type: 'bigint' })
  priceFen: string;

  @Column({ name: 'timeline_days', type: 'integer' })
  timelineDays: number;

  @Column({ type: 'text' })
  scope: string;

  @Column({ name: 'valid_until', type: 'date' })
  validUntil: string;

  @Column({ name: 'ip_ownership', type: 'text', default: 'PER_CONTRACT' })
  ipOwnership: IpOwnership;

  @Column({ name: 'ip_buyer_share_bp', type: 'integer', nullable: true })
  ipBuyerShareBp: number | null;

  @Column({ name: 'benefit_sharing_note', type: 'text', nullable: true })
  benefitSharingNote: string | null;

  @Column({ type: 'text', default: 'SUBMITTED' })
  status: ProposalStatus;

  @Column({ name: 'decline_reason', type: 'text', nullable: true })
  declineReason: string | null;

  /** Set on accept: the SME adopter co-funding the pilot, if any. */
  @Column({ name: 'co_funder_org_id', type: 'uuid', nullable: true })
  coFunderOrgId: string | null;

  /** Set on accept: the order it created. */
  @Column({ name: 'order_id', type: 'uuid', nullable: true })
  orderId: string | null;
}
