import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@pilotlink/audit';
import { PlatformStanding } from '@pilotlink/catalogue';
import type { PlatformStandingFacts, StandingChange } from '@pilotlink/catalogue';
import type { PlatformStatus } from '@pilotlink/core';
import {
  chinaDate,
  Clock,
  DomainError,
  fieldInvalid,
  NotFoundError,
  Page,
  PageQueryDto,
  toPage,
} from '@pilotlink/core';
import { uniqueViolation, withTransaction } from '@pilotlink/database';
import type { Actor, RequestContext } from '@pilotlink/core';
import { DataSource, EntityManager } from 'typeorm';
import { allowedOutcomes, isOutcomeAllowed, levelAfterOutcome, suggestGrade } from '../domain/evaluation';
import type { EvaluationOutcome, PlatformIndicators } from '../domain/evaluation';
import { CreateEvaluationDto } from '../dto/evaluation.request.dto';
import { PlatformEvaluation } from './platform-evaluation.entity';
import { PlatformIndicatorsService } from './platform-indicators.service';
import { evaluatesPlatform, seesGovernanceOf } from './recognition-access';
import { RecognitionsService } from './recognitions.service';

/** The platform status an outcome moves to (有进有出); KEEP and DOWNGRADE leave the status alone. */
const STATUS_AFTER: Partial<Record<EvaluationOutcome, PlatformStatus>> = {
  SUSPEND: 'SUSPENDED',
  DELIST: 'DELISTED',
};

/**
 * Annual evaluation (绩效评价, SPEC §7): a bureau over the platform's region records one grade per
 * platform and year. The system computes the indicators and suggests a grade; the bureau decides the
 * grade and an outcome the grade allows. DOWNGRADE lowers the level one step, DELIST ends it, and
 * SUSPEND / DELIST move the platform's status by the catalogue's transition table — all in the same
 * transaction as the evaluation, with the platform's outbox row so search follows.
 */
@Injectable()
export class EvaluationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly indicators: PlatformIndicatorsService,
    private readonly recognitions: RecognitionsService,
    private readonly standing: PlatformStanding,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async record(ctx: RequestContext, platformId: string, input: CreateEvaluationDto): Promise<PlatformEvaluation> {
    const currentYear = Number(chinaDate(this.clock.now()).slice(0, 4));
    try {
      return await withTransaction(this.dataSource, async (manager) => {
        const locked = await this.standing.lock(manager, platformId);
        if (!evaluatesPlatform(ctx.actor, locked)) throw new NotFoundError('Platform');
        if (input.year > currentYear) throw fieldInvalid('year', `must not be after ${currentYear}`);
        const existing = await manager.findOneBy(PlatformEvaluation, { platformId, year: input.year });
        if (existing) throw alreadyEvaluated(input.year, existing.id);

        const indicators = await this.indicatorsOf(manager, platformId, input.year);
        const suggestedGrade = suggestGrade(indicators);
        const grade = input.grade ?? suggestedGrade;
        if (!isOutcomeAllowed(grade, input.outcome)) {
          const allowed = allowedOutcomes(grade);
          throw new DomainError(
            'EVALUATION_OUTCOME_NOT_ALLOWED',
            `A ${grade} grade allows ${allowed.join(', ')}, not ${input.outcome}`,
            { fields: [{ field: 'outcome', errors: [`must be one of ${allowed.join(', ')}`] }], grade, allowed },
          );
        }
        const levelBefore = locked.recognitionLevel;
        const levelAfter = levelAfterOutcome(levelBefore, input.outcome);

        const evaluation = await manager.save(
          manager.create(PlatformEvaluation, {
            platformId,
            year: input.year,
            bureauOrgId: ctx.actor.orgId,
            indicators,
            suggestedGrade,
            grade,
            outcome: input.outcome,
            levelBefore,
            levelAfter,
            remarks: input.remarks,
          }),
        );
        await this.audit.record(manager, {
          actor: { userId: ctx.actor.userId, orgId: ctx.actor.orgId },
          action: 'platform_evaluation.recorded',
          entityType: 'platform_evaluation',
          entityId: evaluation.id,
          subjectOrgId: locked.operatorOrgId,
          after: {
            year: input.year,
            indicators,
            suggestedGrade,
            grade,
            outcome: input.outcome,
            levelBefore,
            levelAfter,
          },
          requestId: ctx.requestId,
        });
        await this.applyOutcome(manager, ctx, locked, evaluation);
        return evaluation;
      });
    } catch (error) {
      if (uniqueViolation(error) === 'platform_evaluations_platform_id_year_key') throw alreadyEvaluated(input.year);
      throw error;
    }
  }

  async listForPlatform(actor: Actor, platformId: string, page: PageQueryDto): Promise<Page<PlatformEvaluation>> {
    await this.visiblePlatform(actor, platformId);
    const [items, total] = await this.dataSource.manager.findAndCount(PlatformEvaluation, {
      where: { platformId },
      order: { year: 'DESC' },
      skip: page.offset,
      take: page.limit,
    });
    return toPage(items, total, page);
  }

  /** What an evaluation of `year` would start from, before the bureau records it. */
  async preview(actor: Actor, platformId: string, year: number): Promise<PlatformIndicators> {
    await this.visiblePlatform(actor, platformId);
    return this.indicatorsOf(this.dataSource.manager, platformId, year);
  }

  private async applyOutcome(
    manager: EntityManager,
    ctx: RequestContext,
    locked: PlatformStandingFacts,
    evaluation: PlatformEvaluation,
  ): Promise<void> {
    const change: StandingChange = {};
    const status = STATUS_AFTER[evaluation.outcome];
    // Already there (a platform suspended earlier in the year) is not a move.
    if (status && status !== locked.status) {
      change.status = status;
      change.statusReason = `${evaluation.year} 年度绩效评价：${evaluation.remarks}`.slice(0, 500);
    }
    if (evaluation.levelAfter !== evaluation.levelBefore) {
      // The recognitions above the new level end now, so a later lapse cannot bring them back.
      await this.recognitions.endAbove(
        manager,
        ctx,
        locked,
        evaluation.levelAfter,
        `${evaluation.outcome === 'DELIST' ? 'Delisted' : 'Downgraded'} by the ${evaluation.year} evaluation`,
      );
      change.recognitionLevel = evaluation.levelAfter;
      if (evaluation.levelAfter === 'NONE') change.recognitionValidUntil = null;
    }
    // The catalogue's own event names for status moves (platform.suspended, platform.delisted).
    const action = change.status ? `platform.${change.status.toLowerCase()}` : 'platform.downgraded';
    await this.standing.change(manager, ctx, locked, change, action);
  }

  private async indicatorsOf(manager: EntityManager, platformId: string, year: number): Promise<PlatformIndicators> {
    const indicators = (await this.indicators.forPlatforms([platformId], year, manager)).get(platformId);
    if (!indicators) throw new NotFoundError('Platform');
    return indicators;
  }

  private async visiblePlatform(actor: Actor, platformId: string): Promise<PlatformStandingFacts> {
    const platform = await this.standing.ofId(platformId);
    if (!platform || !seesGovernanceOf(actor, platform)) throw new NotFoundError('Platform');
    return platform;
  }
}

function alreadyEvaluated(year: number, evaluationId?: string): DomainError {
  return new DomainError('CONFLICT', `This platform has already been evaluated for ${year}`, {
    year,
    ...(evaluationId && { evaluationId }),
  });
}
