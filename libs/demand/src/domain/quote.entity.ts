import { BaseEntity } from '@pilotlink/database';
import { Column, Entity } from 'typeorm';
import type { IpOwnership } from '@pilotlink/booking';
import { DeclineReason, QuoteStatus } from './demand';

/** A platform's quote on an open demand (a proposal, for a 揭榜挂帅 challenge). */
@Entity('quotes')
export class Quote extends BaseEntity {
  @Column({ name: 'demand_id', type: 'uuid' })
  demandId: string;

  @Column({ name: 'platform_id', type: 'uuid' })
  platformId: string;

  /** The platform's published service the proposal is delivered under (voucher eligibility is judged by it). */
  @Column({ name: 'service_id', type: 'uuid', nullable: true })
  serviceId: string | null;

  @Column({ name: 'platform_org_id', type: 'uuid' })
  platformOrgId: string;

  @Column({ name: 'price_fen', type: 'bigint' })
  priceFen: string;

  @Column({ name: 'timeline_days', type: 'integer' })
  timelineDays: number;

  @Column({ type: 'text' })
  scope: string;

  @Column({ name: 'valid_until', type: 'date' })
  validUntil: string;

  /** IP terms (issue 21): who owns what the pilot produces. */
  @Column({ name: 'ip_ownership', type: 'text', default: 'PER_CONTRACT' })
  ipOwnership: IpOwnership;

  /** SHARED only: the buyer's share in basis points. */
  @Column({ name: 'ip_buyer_share_bp', type: 'integer', nullable: true })
  ipBuyerShareBp: number | null;

  /** 收益分配 (谁投入谁获益). */
  @Column({ name: 'benefit_sharing_note', type: 'text', nullable: true })
  benefitSharingNote: string | null;

  @Column({ type: 'text', default: 'SUBMITTED' })
  status: QuoteStatus;

  @Column({ type: 'integer', default: 1 })
  revision: number;

  @Column({ name: 'revision_note', type: 'text', nullable: true })
  revisionNote: string | null;

  @Column({ name: 'decline_reason', type: 'text', nullable: true })
  declineReason: DeclineReason | null;

  @Column({ name: 'decline_comment', type: 'text', nullable: true })
  declineComment: string | null;
}
