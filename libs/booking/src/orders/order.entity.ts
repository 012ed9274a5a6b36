import { BaseEntity } from '@pilotlink/database';
import { Column, Entity } from 'typeorm';
import { OrderStatus } from '../domain/order';

/** 服务订单 / 技术服务合同. Created from an accepted quote for now; the orders issue adds the rest. */
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

  @Column({ name: 'quote_id', type: 'uuid', nullable: true })
  quoteId: string | null;

  @Column({ name: 'agreed_amount_fen', type: 'bigint' })
  agreedAmountFen: string;

  @Column({ name: 'contract_number', type: 'text' })
  contractNumber: string;

  @Column({ type: 'text' })
  status: OrderStatus;
}
