import { BaseEntity } from '@pilotlink/database';
import { Column, Entity } from 'typeorm';
import { PricingKind, ServiceCategory, ServiceStage, ServiceStatus } from '@pilotlink/core';

/** 服务项目: one service of a platform's catalogue. Amounts are integer fen. */
@Entity('services')
export class PilotService extends BaseEntity {
  @Column({ name: 'platform_id', type: 'uuid' })
  platformId: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'text' })
  category: ServiceCategory;

  @Column({ name: 'field_codes', type: 'text', array: true })
  fieldCodes: string[];

  @Column({ type: 'text', array: true })
  stages: ServiceStage[];

  @Column({ name: 'pricing_kind', type: 'text' })
  pricingKind: PricingKind;

  /** pg returns bigint as a string; read it with parseFen. */
  @Column({ name: 'price_fen', type: 'bigint', nullable: true })
  priceFen: string | null;

  @Column({ name: 'unit_name', type: 'text', nullable: true })
  unitName: string | null;

  @Column({ name: 'lead_time_days', type: 'integer' })
  leadTimeDays: number;

  @Column({ name: 'voucher_eligible', type: 'boolean', default: false })
  voucherEligible: boolean;

  @Column({ type: 'text', default: 'DRAFT' })
  status: ServiceStatus;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}
