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
