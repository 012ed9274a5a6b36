import { BaseEntity } from '@pilotlink/database';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { ClaimCheck } from '../domain/claim-checks';
import type { IntegrityFlag } from '../domain/integrity';
import type { ClaimStatus } from '../domain/voucher-state';

/** 兑付申请: the payee's claim for a completed, paid order's hold (SPEC §6). */
@Entity('voucher_claims')
export class VoucherClaim extends BaseEntity {
  @Column({ name: 'hold_id', type: 'uuid' }) holdId: string;
  @Column({ name: 'order_id', type: 'uuid' }) orderId: string;
  @Column({ name: 'voucher_id', type: 'uuid' }) voucherId: string;
  @Column({ name: 'program_id', type: 'uuid' }) programId: string;
  @Column({ name: 'platform_id', type: 'uuid' }) platformId: string;
  @Column({ name: 'sme_org_id', type: 'uuid' }) smeOrgId: string;
  @Column({ name: 'payee_org_id', type: 'uuid' }) payeeOrgId: string;
  @Column({ name: 'amount_fen', type: 'bigint' }) amountFen: string;
  @Column({ name: 'contract_number', type: 'text' }) contractNumber: string;
  @Column({ name: 'invoice_number', type: 'text' }) invoiceNumber: string;
  @Column({ name: 'invoice_amount_fen', type: 'bigint' }) invoiceAmountFen: string;
  @Column({ name: 'payment_reference', type: 'text' }) paymentReference: string;
  @Column({ name: 'acceptance_file_id', type: 'uuid', nullable: true }) acceptanceFileId: string | null;
  @Column({ type: 'jsonb' }) checks: ClaimCheck[];
  @Column({ type: 'text', array: true, default: '{}' }) flags: IntegrityFlag[];
  @Column({ name: 'spot_check', type: 'boolean', default: false }) spotCheck: boolean;
  @Column({ type: 'text', default: 'SUBMITTED' }) status: ClaimStatus;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  /** The bureau user who approved or rejected it: under maker-checker, not the one who pays it. */
  @Column({ name: 'decided_by_user_id', type: 'uuid', nullable: true }) decidedByUserId: string | null;
  @Column({ name: 'notice_until', type: 'date', nullable: true }) noticeUntil: string | null;
  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true }) paidAt: Date | null;
  @Column({ name: 'batch_id', type: 'uuid', nullable: true }) batchId: string | null;
}

@Entity('claim_payouts')
export class ClaimPayout {
  @PrimaryColumn({ name: 'claim_id', type: 'uuid' }) claimId: string;
  @PrimaryColumn({ name: 'cofunder_key', type: 'text' }) cofunderKey: string;
  @Column({ name: 'amount_fen', type: 'bigint' }) amountFen: string;
}

/** One disbursement (拨付) of approved claims of a program. */
@Entity('disbursement_batches')
export class DisbursementBatch {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'program_id', type: 'uuid' }) programId: string;
  @Column({ name: 'bureau_org_id', type: 'uuid' }) bureauOrgId: string;
  @Column({ type: 'text' }) reference: string;
  @Column({ name: 'total_fen', type: 'bigint' }) totalFen: string;
  @Column({ name: 'claim_count', type: 'integer' }) claimCount: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

export type ObjectionStatus = 'OPEN' | 'UPHELD' | 'DISMISSED';

/** 异议: anyone's objection to a claim on public notice (公示), decided by the bureau running the program. */
@Entity('claim_objections')
export class ClaimObjection extends BaseEntity {
  @Column({ name: 'claim_id', type: 'uuid' }) claimId: string;
  @Column({ name: 'program_id', type: 'uuid' }) programId: string;
  @Column({ type: 'text' }) contact: string;
  @Column({ type: 'text' }) reason: string;
  @Column({ type: 'text', default: 'OPEN' }) status: ObjectionStatus;
  @Column({ name: 'decision_note', type: 'text', nullable: true }) decisionNote: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ name: 'decided_by_user_id', type: 'uuid', nullable: true }) decidedByUserId: string | null;
}

/** 抽查记录: the bureau's check of a claim sampled for spot checks (SPEC §6). */
@Entity('spot_check_records')
export class SpotCheckRecord extends BaseEntity {
  @Column({ name: 'claim_id', type: 'uuid' }) claimId: string;
  @Column({ name: 'program_id', type: 'uuid' }) programId: string;
  @Column({ name: 'sme_org_id', type: 'uuid' }) smeOrgId: string;
  @Column({ type: 'text' }) result: 'PASS' | 'FAIL';
  @Column({ type: 'text' }) note: string;
  @Column({ type: 'text', default: '' }) evidence: string;
  @Column({ name: 'voucher_revoked', type: 'boolean', default: false }) voucherRevoked: boolean;
  @Column({ name: 'checked_by_user_id', type: 'uuid' }) checkedByUserId: string;
  @Column({ name: 'checked_by_org_id', type: 'uuid' }) checkedByOrgId: string;
}
