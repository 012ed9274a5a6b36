import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Assessment, AssessmentInputs } from '../domain/assessment';
import type { SubsidyRule } from '../domain/subsidy-rule';

/** A subsidy rule as data (the bureau changes it without a deploy). `definition` holds the kind's fields. */
@Entity('subsidy_rules')
export class SubsidyRuleRow {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'bureau_org_id', type: 'uuid', nullable: true }) bureauOrgId: string | null;
  @Column({ name: 'region_code', type: 'char', length: 6 }) regionCode: string;
  @Column({ type: 'text' }) code: string;
  @Column({ type: 'text' }) kind: SubsidyRule['kind'];
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'jsonb' }) definition: Record<string, unknown>;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** Equipment spend the platform declares for a year, with its evidence. */
@Entity('platform_equipment_declarations')
export class EquipmentDeclaration {
  @PrimaryColumn({ name: 'platform_id', type: 'uuid' }) platformId: string;
  @PrimaryColumn({ type: 'integer' }) year: number;
  @Column({ name: 'non_fiscal_equipment_fen', type: 'bigint' }) nonFiscalEquipmentFen: string;
  @Column({ name: 'new_equipment_fen', type: 'bigint' }) newEquipmentFen: string;
  @Column({ type: 'text' }) evidence: string;
  @Column({ name: 'declared_by_org_id', type: 'uuid' }) declaredByOrgId: string;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** An assessment, stored with the inputs and the rules it used, so it can be explained later. */
@Entity('subsidy_assessments')
export class SubsidyAssessment {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'platform_id', type: 'uuid' }) platformId: string;
  @Column({ type: 'integer' }) year: number;
  @Column({ name: 'bureau_org_id', type: 'uuid' }) bureauOrgId: string;
  @Column({ type: 'jsonb' }) inputs: AssessmentInputs;
  @Column({ type: 'jsonb' }) rules: SubsidyRule[];
  @Column({ type: 'jsonb' }) result: Assessment;
  @Column({ name: 'total_fen', type: 'bigint' }) totalFen: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  /** Null while current; set when a re-assessment of the same platform and year replaced it. */
  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true }) supersededAt: Date | null;
  @Column({ name: 'superseded_by', type: 'uuid', nullable: true }) supersededBy: string | null;
}

/** The operating subsidy's window (连续 3 年): anchored at the first year the rule paid the platform. */
@Entity('platform_subsidy_windows')
export class SubsidyWindow {
  @PrimaryColumn({ name: 'platform_id', type: 'uuid' }) platformId: string;
  @PrimaryColumn({ name: 'rule_id', type: 'uuid' }) ruleId: string;
  @Column({ name: 'first_year', type: 'integer' }) firstYear: number;
  @Column({ name: 'assessment_id', type: 'uuid', nullable: true }) assessmentId: string | null;
  @CreateDateColumn({ name: 'anchored_at', type: 'timestamptz' }) anchoredAt: Date;
}

export const REVENUE_DECLARATION_STATUSES = ['DECLARED', 'ACCEPTED', 'RETURNED'] as const;
export type RevenueDeclarationStatus = (typeof REVENUE_DECLARATION_STATUSES)[number];

/** A year's 服务性收入 as the operator declares it, with evidence; a bureau accepts or returns it. */
@Entity('platform_revenue_declarations')
export class RevenueDeclaration {
  @PrimaryColumn({ name: 'platform_id', type: 'uuid' }) platformId: string;
  @PrimaryColumn({ type: 'integer' }) year: number;
  @Column({ name: 'service_revenue_fen', type: 'bigint' }) serviceRevenueFen: string;
  @Column({ type: 'text' }) evidence: string;
  @Column({ type: 'text' }) status: RevenueDeclarationStatus;
  @Column({ name: 'declared_by_org_id', type: 'uuid' }) declaredByOrgId: string;
  @Column({ name: 'declared_at', type: 'timestamptz' }) declaredAt: Date;
  @Column({ name: 'decided_by_org_id', type: 'uuid', nullable: true }) decidedByOrgId: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ name: 'decision_note', type: 'text', nullable: true }) decisionNote: string | null;
}

/** The rule object the pure assessment reads, from its row. */
export function ruleOf(row: SubsidyRuleRow): SubsidyRule {
  return {
    ...row.definition,
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    region: row.regionCode,
  } as SubsidyRule;
}
