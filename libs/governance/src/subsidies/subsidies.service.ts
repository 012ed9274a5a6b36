import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@pilotlink/audit';
import { Platform } from '@pilotlink/catalogue';
import { DomainError, fieldInvalid, NotFoundError, parseFen } from '@pilotlink/core';
import { uniqueViolation, withTransaction } from '@pilotlink/database';
import { coversRegion } from '@pilotlink/identity';
import type { Actor, RequestContext } from '@pilotlink/identity';
import { DataSource, EntityManager } from 'typeorm';
import { assessSubsidies, AssessmentInputs } from '../domain/assessment';
import { SubsidyRule, validateSubsidyRule } from '../domain/subsidy-rule';
import {
  CreateSubsidyRuleDto,
  DeclareEquipmentDto,
  EquipmentDeclarationResponseDto,
  SubsidyRuleResponseDto,
  UpdateSubsidyRuleDto,
} from '../dto/subsidy.dto';
import { PlatformIndicatorsService } from '../recognition/platform-indicators.service';
import { EquipmentDeclaration, ruleOf, SubsidyAssessment, SubsidyRuleRow } from './subsidy.entities';

/**
 * Platform subsidies (SPEC §7): rules as data a bureau keeps for its region, equipment spend the
 * platform declares, and assessments that apply every rule covering the platform's region to the
 * year's figures — stored with the inputs and rules they used.
 */
@Injectable()
export class SubsidiesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly indicators: PlatformIndicatorsService,
  ) {}

  /** Subsidy policy is public to signed-in users; `regionCode` narrows to the rules covering that region. */
  async listRules(regionCode?: string): Promise<SubsidyRuleResponseDto[]> {
    const rows = await this.dataSource.manager.find(SubsidyRuleRow, { order: { regionCode: 'ASC', code: 'ASC' } });
    return rows.filter((r) => !regionCode || coversRegion(r.regionCode, regionCode)).map(toRuleDto);
  }

  async createRule(ctx: RequestContext, input: CreateSubsidyRuleDto): Promise<SubsidyRuleResponseDto> {
    const rule = checkedRule({
      ...input.params,
      id: 'new',
      code: input.code,
      name: input.name,
      kind: input.kind,
      region: ctx.actor.regionCode,
      overlapGroup: input.overlapGroup ?? null,
      funders: input.funders,
      ...(input.source && { source: input.source }),
    });
    return withTransaction(this.dataSource, async (manager) => {
      try {
        const row = await manager.save(
          manager.create(SubsidyRuleRow, {
            bureauOrgId: ctx.actor.orgId,
            regionCode: ctx.actor.regionCode,
            code: input.code,
            kind: input.kind,
            name: input.name,
            definition: definitionOf(rule),
          }),
        );
        await this.record(manager, ctx, 'subsidy_rule.created', row, null);
        return toRuleDto(row);
      } catch (error) {
        if (uniqueViolation(error))
          throw new DomainError('CONFLICT', `Rule ${input.code} already exists in your region`);
        throw error;
      }
    });
  }

  /** A bureau changes its own region's rules; assessments already made keep the rules they used. */
  async updateRule(ctx: RequestContext, id: string, patch: UpdateSubsidyRuleDto): Promise<SubsidyRuleResponseDto> {
    return withTransaction(this.dataSource, async (manager) => {
      const row = await manager.findOne(SubsidyRuleRow, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row || row.bureauOrgId !== ctx.actor.orgId) throw new NotFoundError('Subsidy rule');
      const before = toRuleDto(row);
      const current = ruleOf(row);
      const rule = checkedRule({
        ...current,
        ...(patch.params ?? {}),
        ...(patch.funders && { funders: patch.funders }),
        ...(patch.overlapGroup !== undefined && { overlapGroup: patch.overlapGroup }),
        id: row.id,
        code: row.code,
        name: row.name,
        kind: row.kind,
        region: row.regionCode,
      });
      row.definition = definitionOf(rule);
      if (patch.active !== undefined) row.active = patch.active;
      await manager.save(row);
      await this.record(manager, ctx, 'subsidy_rule.updated', row, before as unknown as Record<string, unknown>);
      return toRuleDto(row);
    });
  }

  /** The platform's operator declares a year's equipment spend (replacing an earlier declaration). */
  async declareEquipment(ctx: RequestContext, platformId: string, year: number, input: DeclareEquipmentDto) {
    if (input.newEquipmentFen > input.nonFiscalEquipmentFen) {
      throw fieldInvalid('newEquipmentFen', 'cannot exceed nonFiscalEquipmentFen (it is a part of it)');
    }
    return withTransaction(this.dataSource, async (manager) => {
      const platform = await manager.findOneBy(Platform, { id: platformId });
      if (!platform || platform.operatorOrgId !== ctx.actor.orgId) throw new NotFoundError('Platform');
      const row = manager.create(EquipmentDeclaration, {
        platformId,
        year,
        nonFiscalEquipmentFen: String(input.nonFiscalEquipmentFen),
        newEquipmentFen: String(input.newEquipmentFen),
        evidence: input.evidence,
        declaredByOrgId: ctx.actor.orgId,
      });
      await manager.upsert(EquipmentDeclaration, row, ['platformId', 'year']);
      await this.audit.record(manager, {
        actor: { userId: ctx.actor.userId, orgId: ctx.actor.orgId },
        action: 'platform.equipment_declared',
        entityType: 'platform',
        entityId: platformId,
        subjectOrgId: platform.operatorOrgId,
        before: null,
        after: { year, ...input },
        requestId: ctx.requestId,
      });
      return { platformId, year, ...input };
    });
  }

  /** What the platform declared, per year: its operator and bureaus covering its region. */
  async listDeclarations(actor: Actor, platformId: string): Promise<EquipmentDeclarationResponseDto[]> {
    const manager = this.dataSource.manager;
    await this.visiblePlatform(manager, actor, platformId);
    const rows = await manager.find(EquipmentDeclaration, { where: { platformId }, order: { year: 'DESC' } });
    return rows.map((row) => ({
      platformId: row.platformId,
      year: row.year,
      nonFiscalEquipmentFen: parseFen(row.nonFiscalEquipmentFen),
      newEquipmentFen: parseFen(row.newEquipmentFen),
      evidence: row.evidence,
      updatedAt: row.updatedAt,
    }));
  }

  /** A bureau covering the platform's region assesses its subsidies for a year. */
  async assess(ctx: RequestContext, platformId: string, year: number): Promise<SubsidyAssessment> {
    return withTransaction(this.dataSource, async (manager) => {
      const platform = await this.platformInJurisdiction(manager, ctx.actor, platformId);
      const rows = await manager.find(SubsidyRuleRow, { where: { active: true }, order: { code: 'ASC' } });
      const rules = rows.filter((r) => coversRegion(r.regionCode, platform.regionCode)).map(ruleOf);
      if (rules.length === 0) throw new DomainError('CONFLICT', 'No subsidy rule covers this platform’s region');
      const inputs = await this.inputsFor(manager, platform, year, rules);
      const result = assessSubsidies(rules, inputs);
      const assessment = await manager.save(
        manager.create(SubsidyAssessment, {
          platformId,
          year,
          bureauOrgId: ctx.actor.orgId,
          inputs,
          rules,
          result,
          totalFen: String(result.totalFen),
        }),
      );
      await this.audit.record(manager, {
        actor: { userId: ctx.actor.userId, orgId: ctx.actor.orgId },
        action: 'platform.subsidy_assessed',
        entityType: 'platform',
        entityId: platformId,
        subjectOrgId: platform.operatorOrgId,
        before: null,
        after: { assessmentId: assessment.id, year, totalFen: result.totalFen },
        requestId: ctx.requestId,
      });
      return assessment;
    });
  }

  async listAssessments(actor: Actor, platformId: string): Promise<SubsidyAssessment[]> {
    const manager = this.dataSource.manager;
    await this.visiblePlatform(manager, actor, platformId);
    return manager.find(SubsidyAssessment, { where: { platformId }, order: { year: 'DESC', createdAt: 'DESC' } });
  }

  /**
   * The year's figures: declared equipment, revenue from completed orders' payments, the grade, a new
   * recognition, and — from earlier assessments (the latest per year) — what the operating rule and
   * the grade award already granted.
   */
  private async inputsFor(
    manager: EntityManager,
    platform: Platform,
    year: number,
    rules: SubsidyRule[],
  ): Promise<AssessmentInputs> {
    const declaration = await manager.findOneBy(EquipmentDeclaration, { platformId: platform.id, year });
    // Service revenue as the evaluation counts it: payments on the orders completed in the year.
    const indicators = await this.indicators.forPlatforms([platform.id], year, manager);
    const [facts] = await manager.query<{ grade: string | null; new_level: string | null }[]>(
      `SELECT
         (SELECT grade FROM platform_evaluations WHERE platform_id = $1 AND year = $2) AS grade,
         (SELECT level FROM platform_recognitions
           WHERE platform_id = $1 AND status IN ('APPROVED', 'LAPSED')
             AND extract(year FROM decided_at AT TIME ZONE 'Asia/Shanghai') = $2
           ORDER BY CASE level WHEN 'NATIONAL' THEN 3 WHEN 'PROVINCE' THEN 2 ELSE 1 END DESC LIMIT 1) AS new_level`,
      [platform.id, year],
    );
    const earlier = await manager.query<{ year: number; result: SubsidyAssessment['result'] }[]>(
      `SELECT DISTINCT ON (year) year, result FROM subsidy_assessments
        WHERE platform_id = $1 AND year < $2 ORDER BY year DESC, created_at DESC`,
      [platform.id, year],
    );
    const operating = rules.find((r) => r.kind === 'OPERATING_RATIO');
    const windowYears = operating && 'windowYears' in operating ? Number(operating.windowYears) : 3;
    const granted = (kind: SubsidyRule['kind'], a: SubsidyAssessment['result']) =>
      a.rules.filter((r) => r.kind === kind).reduce((sum, r) => sum + r.amountFen, 0);
    const gradeAwardYears = earlier.filter((e) => granted('GRADE_AWARD', e.result) > 0).map((e) => e.year);
    return {
      year,
      platformLevel: platform.recognitionLevel,
      newlyRecognisedLevel: (facts.new_level as AssessmentInputs['newlyRecognisedLevel']) ?? null,
      nonFiscalEquipmentFen: declaration ? parseFen(declaration.nonFiscalEquipmentFen) : 0,
      newEquipmentFen: declaration ? parseFen(declaration.newEquipmentFen) : 0,
      serviceRevenueFen: indicators.get(platform.id)?.serviceRevenueFen ?? 0,
      operatingPaidInWindowFen: earlier
        .filter((e) => e.year > year - windowYears)
        .reduce((sum, e) => sum + granted('OPERATING_RATIO', e.result), 0),
      gradeThisYear: facts.grade,
      lastGradeAwardYear: gradeAwardYears.length ? Math.max(...gradeAwardYears) : null,
    };
  }

  /** The platform for its own operator or a bureau covering its region; anyone else gets 404. */
  private async visiblePlatform(manager: EntityManager, actor: Actor, id: string): Promise<Platform> {
    const platform = await manager.findOneBy(Platform, { id });
    const own = platform && platform.operatorOrgId === actor.orgId;
    if (!platform || (!own && !mayAssess(actor, platform))) throw new NotFoundError('Platform');
    return platform;
  }

  private async platformInJurisdiction(manager: EntityManager, actor: Actor, id: string): Promise<Platform> {
    const platform = await manager.findOneBy(Platform, { id });
    if (!platform || !mayAssess(actor, platform)) throw new NotFoundError('Platform');
    return platform;
  }

  private record(
    manager: EntityManager,
    ctx: RequestContext,
    action: string,
    row: SubsidyRuleRow,
    before: Record<string, unknown> | null,
  ) {
    return this.audit.record(manager, {
      actor: { userId: ctx.actor.userId, orgId: ctx.actor.orgId },
      action,
      entityType: 'subsidy_rule',
      entityId: row.id,
      subjectOrgId: ctx.actor.orgId,
      before,
      after: toRuleDto(row) as unknown as Record<string, unknown>,
      requestId: ctx.requestId,
    });
  }
}

function mayAssess(actor: Actor, platform: Platform): boolean {
  return actor.orgKind === 'BUREAU' && coversRegion(actor.regionCode, platform.regionCode);
}

function checkedRule(candidate: Record<string, unknown>): SubsidyRule {
  const problem = validateSubsidyRule(candidate);
  if (problem) throw fieldInvalid('params', problem);
  return candidate as unknown as SubsidyRule;
}

/** What the row keeps in `definition`: the rule minus the columns it has of its own. */
function definitionOf(rule: SubsidyRule): Record<string, unknown> {
  const { id: _id, code: _code, name: _name, kind: _kind, region: _region, ...definition } = rule;
  return definition;
}

function toRuleDto(row: SubsidyRuleRow): SubsidyRuleResponseDto {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    regionCode: row.regionCode,
    active: row.active,
    rule: ruleOf(row),
  };
}
