import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@pilotlink/audit';
import { PlatformStanding } from '@pilotlink/catalogue';
import type { PlatformStandingFacts } from '@pilotlink/catalogue';
import type { RecognitionLevel } from '@pilotlink/core';
import { DomainError, fieldInvalid, NotFoundError, Page, PageQueryDto, parseFen, toPage } from '@pilotlink/core';
import { uniqueViolation, withTransaction } from '@pilotlink/database';
import { coversRegion } from '@pilotlink/identity';
import type { Actor, RequestContext } from '@pilotlink/core';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import { assessSubsidies, AssessmentInputs } from '../domain/assessment';
import { ruleInterpretation, SubsidyRule, unsetParameters, validateSubsidyRule } from '../domain/subsidy-rule';
import { CreateSubsidyRuleDto, DeclareEquipmentDto, UpdateSubsidyRuleDto } from '../dto/subsidy.request.dto';
import { EquipmentDeclarationResponseDto, SubsidyRuleResponseDto } from '../dto/subsidy.response.dto';
import { lockPlatformSubsidies, ownPlatform, platformInJurisdiction, visiblePlatform } from './platform-access';
import { RevenueDeclarationsService } from './revenue-declarations.service';
import { EquipmentDeclaration, ruleOf, SubsidyAssessment, SubsidyRuleRow, SubsidyWindow } from './subsidy.entities';

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
    private readonly standing: PlatformStanding,
    private readonly revenues: RevenueDeclarationsService,
  ) {}

  /** Subsidy policy is public to signed-in users; `regionCode` narrows to the rules covering that region. */
  async listRules(regionCode: string | undefined, page: PageQueryDto): Promise<Page<SubsidyRuleResponseDto>> {
    const rows = await this.dataSource.manager.find(SubsidyRuleRow, { order: { regionCode: 'ASC', code: 'ASC' } });
    // A handful per bureau region: the covering ones are picked here (coversRegion), then paged.
    const covering = rows.filter((r) => !regionCode || coversRegion(r.regionCode, regionCode));
    return toPage(covering.slice(page.offset, page.offset + page.limit).map(toRuleDto), covering.length, page);
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
            // A rule with a figure its policy does not name waits, inactive, for the bureau to set it.
            active: unsetParameters(rule).length === 0,
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
      const unset = unsetParameters(rule);
      if (row.active && unset.length > 0) {
        // 嘉兴 §6 "根据设备投入的一定比例" names no ratio: none is invented, so the rule waits for the bureau's.
        throw new DomainError('RULE_PARAMETER_UNSET', `Set ${unset.join(', ')} before activating the rule`, {
          fields: unset.map((field) => ({
            field: `params.${field}`,
            errors: ['must be set before the rule is active'],
          })),
        });
      }
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
      const platform = await ownPlatform(this.standing, manager, ctx.actor, platformId);
      await lockPlatformSubsidies(manager, platformId);
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
      return toDeclarationDto(await manager.findOneByOrFail(EquipmentDeclaration, { platformId, year }));
    });
  }

  /** What the platform declared, per year: its operator and bureaus covering its region. */
  async listDeclarations(
    actor: Actor,
    platformId: string,
    page: PageQueryDto,
  ): Promise<Page<EquipmentDeclarationResponseDto>> {
    const manager = this.dataSource.manager;
    await visiblePlatform(this.standing, manager, actor, platformId);
    const [rows, total] = await manager.findAndCount(EquipmentDeclaration, {
      where: { platformId },
      order: { year: 'DESC' },
      skip: page.offset,
      take: page.limit,
    });
    return toPage(rows.map(toDeclarationDto), total, page);
  }

  /**
   * A bureau covering the platform's region assesses its subsidies for a year. One current assessment
   * per platform and year (the rule set is every active rule covering the platform's region): a
   * re-assessment supersedes the earlier one, which stays as history. Everything that gates money — what
   * the rules already paid, the operating window — is read under the platform's subsidy lock, and the
   * partial unique index on current assessments backs it up, so racing assessments cannot both pay.
   */
  async assess(ctx: RequestContext, platformId: string, year: number): Promise<SubsidyAssessment> {
    return withTransaction(this.dataSource, async (manager) => {
      const platform = await platformInJurisdiction(this.standing, manager, ctx.actor, platformId);
      await lockPlatformSubsidies(manager, platformId);
      const rows = await manager.find(SubsidyRuleRow, { where: { active: true }, order: { code: 'ASC' } });
      const rules = rows.filter((r) => coversRegion(r.regionCode, platform.regionCode)).map(ruleOf);
      if (rules.length === 0) throw new DomainError('CONFLICT', 'No subsidy rule covers this platform’s region');
      const inputs = await this.inputsFor(manager, platform, year, rules);
      const result = assessSubsidies(rules, inputs);
      const previous = await manager.findOneBy(SubsidyAssessment, { platformId, year, supersededAt: IsNull() });
      if (previous) {
        previous.supersededAt = new Date();
        await manager.save(previous);
      }
      const assessment = await manager.save(
        manager.create(SubsidyAssessment, {
          platformId,
          year,
          bureauOrgId: ctx.actor.orgId,
          inputs,
          rules,
          result,
          totalFen: String(result.totalFen),
          supersededAt: null,
          supersededBy: null,
        }),
      );
      if (previous) await manager.update(SubsidyAssessment, { id: previous.id }, { supersededBy: assessment.id });
      await this.anchorOperatingWindow(manager, ctx, platform, assessment);
      await this.audit.record(manager, {
        actor: { userId: ctx.actor.userId, orgId: ctx.actor.orgId },
        action: 'platform.subsidy_assessed',
        entityType: 'platform',
        entityId: platformId,
        subjectOrgId: platform.operatorOrgId,
        before: previous ? { assessmentId: previous.id, year, totalFen: parseFen(previous.totalFen) } : null,
        after: { assessmentId: assessment.id, year, totalFen: result.totalFen, supersedes: previous?.id ?? null },
        requestId: ctx.requestId,
      });
      return assessment;
    });
  }

  /**
   * "连续 3 年累计最高 300 万元": the first assessment in which an operating rule pays the platform
   * anything opens its window at that year (stored, audited); later years count from it.
   */
  private async anchorOperatingWindow(
    manager: EntityManager,
    ctx: RequestContext,
    platform: PlatformStandingFacts,
    assessment: SubsidyAssessment,
  ): Promise<void> {
    for (const granted of assessment.result.rules) {
      if (granted.kind !== 'OPERATING_RATIO' || granted.amountFen <= 0) continue;
      const anchored = await manager.findOneBy(SubsidyWindow, { platformId: platform.id, ruleId: granted.ruleId });
      if (anchored) continue;
      await manager.insert(SubsidyWindow, {
        platformId: platform.id,
        ruleId: granted.ruleId,
        firstYear: assessment.year,
        assessmentId: assessment.id,
      });
      await this.audit.record(manager, {
        actor: { userId: ctx.actor.userId, orgId: ctx.actor.orgId },
        action: 'platform.operating_window_anchored',
        entityType: 'platform',
        entityId: platform.id,
        subjectOrgId: platform.operatorOrgId,
        before: null,
        after: { ruleId: granted.ruleId, code: granted.code, firstYear: assessment.year, assessmentId: assessment.id },
        requestId: ctx.requestId,
      });
    }
  }

  async listAssessments(actor: Actor, platformId: string, page: PageQueryDto): Promise<Page<SubsidyAssessment>> {
    const manager = this.dataSource.manager;
    await visiblePlatform(this.standing, manager, actor, platformId);
    const [items, total] = await manager.findAndCount(SubsidyAssessment, {
      where: { platformId },
      order: { year: 'DESC', createdAt: 'DESC', id: 'DESC' },
      skip: page.offset,
      take: page.limit,
    });
    return toPage(items, total, page);
  }

  /**
   * The year's figures: declared equipment, the accepted revenue declaration (else the marketplace's
   * completed-order revenue), the grade, a new recognition, and — from the current assessments of the
   * platform's other years, i.e. what was paid — each rule's paid total, the levels one-off awards paid
   * for, the last grade award, and the operating window's first year. Read under the subsidy lock.
   */
  private async inputsFor(
    manager: EntityManager,
    platform: PlatformStandingFacts,
    year: number,
    rules: SubsidyRule[],
  ): Promise<AssessmentInputs> {
    const declaration = await manager.findOneBy(EquipmentDeclaration, { platformId: platform.id, year });
    const revenue = await this.revenues.revenueFor(manager, platform.id, year);
    const [facts] = await manager.query<{ grade: string | null; new_level: string | null }[]>(
      `SELECT
         (SELECT grade FROM platform_evaluations WHERE platform_id = $1 AND year = $2) AS grade,
         (SELECT level FROM platform_recognitions
           WHERE platform_id = $1 AND status IN ('APPROVED', 'LAPSED')
             AND extract(year FROM decided_at AT TIME ZONE 'Asia/Shanghai') = $2
           ORDER BY CASE level WHEN 'NATIONAL' THEN 3 WHEN 'PROVINCE' THEN 2 ELSE 1 END DESC LIMIT 1) AS new_level`,
      [platform.id, year],
    );
    const paid = await manager.find(SubsidyAssessment, {
      where: { platformId: platform.id, year: Not(year), supersededAt: IsNull() },
    });
    const paidByRuleFen: Record<string, number> = {};
    const awardedLevelsByRule: Record<string, RecognitionLevel[]> = {};
    const gradeAwardYears: number[] = [];
    for (const earlier of paid) {
      for (const granted of earlier.result.rules) {
        if (granted.amountFen <= 0) continue;
        paidByRuleFen[granted.ruleId] = (paidByRuleFen[granted.ruleId] ?? 0) + granted.amountFen;
        const level = earlier.inputs.newlyRecognisedLevel;
        if ((granted.kind === 'RECOGNITION_AWARD' || granted.kind === 'INVESTMENT_TIER_AWARD') && level) {
          awardedLevelsByRule[granted.ruleId] = [...(awardedLevelsByRule[granted.ruleId] ?? []), level];
        }
        if (granted.kind === 'GRADE_AWARD' && earlier.year < year) gradeAwardYears.push(earlier.year);
      }
    }
    const operating = rules.find((r) => r.kind === 'OPERATING_RATIO');
    const window = operating
      ? await manager.findOneBy(SubsidyWindow, { platformId: platform.id, ruleId: operating.id })
      : null;
    return {
      year,
      platformLevel: platform.recognitionLevel,
      newlyRecognisedLevel: (facts.new_level as AssessmentInputs['newlyRecognisedLevel']) ?? null,
      nonFiscalEquipmentFen: declaration ? parseFen(declaration.nonFiscalEquipmentFen) : 0,
      newEquipmentFen: declaration ? parseFen(declaration.newEquipmentFen) : 0,
      serviceRevenueFen: revenue.serviceRevenueFen,
      serviceRevenueSource: revenue.source,
      marketplaceRevenueFen: revenue.marketplaceRevenueFen,
      revenueFlags: revenue.flags,
      operatingPaidInWindowFen: operating ? (paidByRuleFen[operating.id] ?? 0) : 0,
      operatingFirstYear: window?.firstYear ?? null,
      paidByRuleFen,
      awardedLevelsByRule,
      gradeThisYear: facts.grade,
      lastGradeAwardYear: gradeAwardYears.length ? Math.max(...gradeAwardYears) : null,
    };
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
    unsetParameters: unsetParameters(ruleOf(row)),
    interpretation: ruleInterpretation(ruleOf(row)),
  };
}

function toDeclarationDto(row: EquipmentDeclaration): EquipmentDeclarationResponseDto {
  return {
    platformId: row.platformId,
    year: row.year,
    nonFiscalEquipmentFen: parseFen(row.nonFiscalEquipmentFen),
    newEquipmentFen: parseFen(row.newEquipmentFen),
    evidence: row.evidence,
    updatedAt: row.updatedAt,
  };
}
