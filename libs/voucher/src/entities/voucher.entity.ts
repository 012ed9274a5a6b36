import { BaseEntity } from '@pilotlink/database';
import { Column, Entity } from 'typeorm';
import type { ApplicationStatus, HoldStatus, VoucherStatus } from '../domain/voucher-state';

/** An issued voucher; its balance lives in the ledger (VOUCHER = not held, HOLD = held on orders). */
@Entity('vouchers')
export class Voucher extends BaseEntity {
  @Column({ type: 'text' }) code: string;
  @Column({ name: 'program_id', type: 'uuid' }) programId: string;
  @Column({ name: 'sme_org_id', type: 'uuid' }) smeOrgId: string;
  @Column({ name: 'face_value_fen', type: 'bigint' }) faceValueFen: string;
  @Column({ type: 'text', default: 'ACTIVE' }) status: VoucherStatus;
  @Column({ name: 'valid_from', type: 'date' }) validFrom: string;
  @Column({ name: 'valid_until', type: 'date' }) validUntil: string;
  @Column({ name: 'expired_at', type: 'timestamptz', nullable: true }) expiredAt: Date | null;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
}

@Entity('voucher_applications')
export class VoucherApplication extends BaseEntity {
  @Column({ name: 'program_id', type: 'uuid' }) programId: string;
  @Column({ name: 'sme_org_id', type: 'uuid' }) smeOrgId: string;
  @Column({ name: 'requested_fen', type: 'bigint' }) requestedFen: string;
  @Column({ name: 'approved_fen', type: 'bigint', nullable: true }) approvedFen: string | null;
  @Column({ type: 'text' }) purpose: string;
  @Column({ type: 'text', default: 'PENDING' }) status: ApplicationStatus;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ name: 'decided_by_org_id', type: 'uuid', nullable: true }) decidedByOrgId: string | null;
  @Column({ name: 'voucher_id', type: 'uuid', nullable: true }) voucherId: string | null;
}

/** A voucher's amount set aside for one order until a claim converts it or something releases it. */
@Entity('voucher_holds')
export class VoucherHold extends BaseEntity {
  @Column({ name: 'voucher_id', type: 'uuid' }) voucherId: string;
  @Column({ name: 'order_id', type: 'uuid' }) orderId: string;
  @Column({ name: 'program_id', type: 'uuid' }) programId: string;
  @Column({ name: 'sme_org_id', type: 'uuid' }) smeOrgId: string;
  @Column({ name: 'platform_id', type: 'uuid' }) platformId: string;
  @Column({ name: 'amount_fen', type: 'bigint' }) amountFen: string;
  @Column({ type: 'text', default: 'HELD' }) status: HoldStatus;
  @Column({ name: 'release_reason', type: 'text', nullable: true }) releaseReason: string | null;
  @Column({ name: 'released_at', type: 'timestamptz', nullable: true }) releasedAt: Date | null;
  /** Kept when its voucher expired: the order was contracted before valid_until (SPEC §6 releases). */
  @Column({ name: 'survives_expiry', type: 'boolean', default: false }) survivesExpiry: boolean;
}
