import { BaseEntity } from '@pilotlink/database';
import type { RecognitionLevel } from '@pilotlink/core';
import { Column, Entity } from 'typeorm';
import type { ProgramKind, ProgramStatus, RedemptionMode } from '../domain/program';
import type { ReimbursementRule } from '../domain/rule';

export interface Cofunder {
  key: string;
  name: string;
  shareBp: number;
}

/** 券种: a bureau's voucher program with its rule, caps, eligibility and money settings (SPEC §6). */
@Entity('voucher_programs')
export class VoucherProgram extends BaseEntity {
  @Column({ name: 'bureau_org_id', type: 'uuid' }) bureauOrgId: string;
  @Column({ type: 'text' }) kind: ProgramKind;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'integer' }) year: number;
  @Column({ type: 'text', default: 'DRAFT' }) status: ProgramStatus;
  @Column({ type: 'jsonb' }) rule: ReimbursementRule;
  @Column({ name: 'max_voucher_fen', type: 'bigint' }) maxVoucherFen: string;
  @Column({ name: 'cap_per_sme_year_fen', type: 'bigint', nullable: true }) capPerSmeYearFen: string | null;
  @Column({ name: 'cap_per_order_fen', type: 'bigint', nullable: true }) capPerOrderFen: string | null;
  @Column({ name: 'cap_per_platform_year_fen', type: 'bigint', nullable: true }) capPerPlatformYearFen: string | null;
  @Column({ name: 'one_per_pair', type: 'boolean', default: false }) onePerPair: boolean;
  @Column({ name: 'sme_tech_only', type: 'boolean', default: false }) smeTechOnly: boolean;
  @Column({ name: 'sme_teams_allowed', type: 'boolean', default: true }) smeTeamsAllowed: boolean;
  @Column({ name: 'sme_region_codes', type: 'text', array: true, default: '{}' }) smeRegionCodes: string[];
  @Column({ name: 'sme_field_codes', type: 'text', array: true, default: '{}' }) smeFieldCodes: string[];
  @Column({ name: 'eligible_categories', type: 'text', array: true, default: '{}' }) eligibleCategories: string[];
  @Column({ name: 'excluded_purposes', type: 'text', array: true, default: '{}' }) excludedPurposes: string[];
  @Column({ name: 'platform_ids', type: 'uuid', array: true, default: '{}' }) platformIds: string[];
  @Column({ name: 'min_recognition_level', type: 'text', default: 'NONE' }) minRecognitionLevel: RecognitionLevel;
  @Column({ name: 'apply_from', type: 'date' }) applyFrom: string;
  @Column({ name: 'apply_until', type: 'date' }) applyUntil: string;
  @Column({ name: 'validity_days', type: 'integer' }) validityDays: number;
  @Column({ name: 'redemption_mode', type: 'text' }) redemptionMode: RedemptionMode;
  @Column({ type: 'jsonb' }) cofunders: Cofunder[];
  @Column({ name: 'notice_days', type: 'integer', default: 7 }) noticeDays: number;
  @Column({ name: 'spot_check_bp', type: 'integer', default: 500 }) spotCheckBp: number;
  /** Days after completion to claim a hold that survived the voucher's expiry (SPEC §6, default 90). */
  @Column({ name: 'claim_window_days', type: 'integer', default: 90 }) claimWindowDays: number;
  /** Maker-checker (SPEC §6, on by default): whoever approved a claim may not record its payment. */
  @Column({ name: 'maker_checker', type: 'boolean', default: true }) makerChecker: boolean;
  /** Everything ever granted to the program (top-ups add); what is left to issue is the BUDGET account. */
  @Column({ name: 'budget_fen', type: 'bigint', default: '0' }) budgetFen: string;
  /** Set when the first voucher is issued: from then on only budget top-ups and closing. */
  @Column({ name: 'rules_locked_at', type: 'timestamptz', nullable: true }) rulesLockedAt: Date | null;
}
