import { BaseEntity } from '@pilotlink/database';
import { Column, Entity } from 'typeorm';
import type { IpOwnership } from '../domain/ip-terms';
import { OrderStatus } from '../domain/order';

/** 服务订单 / 技术服务合同: from an accepted quote, a priced service, or an equipment reservation. */
@Entity('orders')
export class Order extends BaseEntity {
  @Column({ name: 'sme_org_id', type: 'uuid' })
  smeOrgId: string;

  @Column({ name: 'platform_id', type: 'uuid' })
  platformId: string;

  @Column({ name: 'platform_org_id', type: 'uuid' })
  platformOrgId: string;

  @Column({ name: 'service_id', type: 'uuid', nullable: true })
  serviceId: string | null;

  @Column({ name: 'demand_id', type: 'uuid', nullable: true })
  demandId: string | null;

  /** A verification of a research result (issue 21): the SME adopting it that co-funds the pilot; it reads the order. */
  @Column({ name: 'co_funder_org_id', type: 'uuid', nullable: true })
  coFunderOrgId: string | null;

  /** 揭榜挂帅: the reward the challenge stated, when the order came from an awarded challenge. */
  /** IP terms (issue 21): who owns what the pilot produces. */
  @Column({ name: 'ip_ownership', type: 'text', default: 'PER_CONTRACT' })
  ipOwnership: IpOwnership;

  /** SHARED only: the buyer's share in basis points. */
  @Column({ name: 'ip_buyer_share_bp', type: 'integer', nullable: true })
  ipBuyerShareBp: number | null;

  /** 收益分配 (谁投入谁获益). */
  @Column({ name: 'benefit_sharing_note', type: 'text', nullable: true })
  benefitSharingNote: string | null;

  @Column({ name: 'challenge_reward_fen', type: 'bigint', nullable: true })
  challengeRewardFen: string | null;

  @Column({ name: 'quote_id', type: 'uuid', nullable: true })
  quoteId: string | null;

  @Column({ name: 'agreed_amount_fen', type: 'bigint' })
  agreedAmountFen: string;

  @Column({ name: 'contract_number', type: 'text' })
  contractNumber: string;

  @Column({ type: 'text' })
  status: OrderStatus;

  /** Units ordered for a UNIT-priced service; 1 otherwise. */
  @Column({ type: 'integer', default: 1 })
  quantity: number;

  @Column({ name: 'request_note', type: 'text', nullable: true })
  requestNote: string | null;

  /** Each party confirms the contract; the order is CONTRACTED once both have. */
  @Column({ name: 'sme_confirmed_at', type: 'timestamptz', nullable: true })
  smeConfirmedAt: Date | null;

  @Column({ name: 'platform_confirmed_at', type: 'timestamptz', nullable: true })
  platformConfirmedAt: Date | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  /** What a DEDUCT (通兑) voucher hold pays of the order: the SME owes that much less. Set by the voucher context. */
  @Column({ name: 'voucher_deduction_fen', type: 'bigint', default: '0' })
  voucherDeductionFen: string;
}
