import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@pilotlink/audit';
import { PlatformDirectory } from '@pilotlink/catalogue';
import { assertTransition, Clock, DomainError, NotFoundError, Page, toPage, validationFailed } from '@pilotlink/core';
import { withTransaction } from '@pilotlink/database';
import type { ConfidentialViewer } from '@pilotlink/demand';
import { OrgDirectory } from '@pilotlink/identity';
import { Actor, RequestContext } from '@pilotlink/core';
import { OutboxService } from '@pilotlink/queue';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { LIVE_RESULT_STATUSES, RESULT_TRANSITIONS, ResultStatus } from '../domain/result';
import { ResultInvitation, ResultNdaAcceptance } from '../domain/result-access.entity';
import { ResearchResult } from '../domain/result.entity';
import { RESULT_AUDIENCE, ResultView, resultViewFor } from '../domain/result-visibility';
import { CreateResultDto, ResultListQueryDto, UpdateResultDto } from '../dto/result.request.dto';

export interface VisibleResult {
  result: ResearchResult;
  view: Exclude<ResultView, 'NONE'>;
}

const fenString = (value: number | undefined | null) => (value == null ? null : String(value));

function assertBudget(min: number | null | undefined, max: number | null | undefined): void {
  if (min != null && max != null && min > max) {
    throw validationFailed([{ field: 'budgetMaxFen', errors: ['budgetMaxFen must not be below budgetMinFen'] }]);
  }
}

/**
 * 科技成果 (SPEC §4a): an institute's members draft, publish and withdraw their org's results; everyone else
 * sees a result by the demands' one visibility rule (resultViewFor) — in the API, in search and wherever a
 * result is shown. Another org's draft, or a result one may not see, answers 404.
 */
@Injectable()
export class ResultsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly orgs: OrgDirectory,
    private readonly platforms: PlatformDirectory,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async create(ctx: RequestContext, input: CreateResultDto): Promise<ResearchResult> {
    assertBudget(input.budgetMinFen, input.budgetMaxFen);
    return withTransaction(this.dataSource, async (manager) => {
      const result = await manager.save(
        manager.create(ResearchResult, {
          ...input,
          instituteOrgId: ctx.actor.orgId,
          description: input.description ?? '',
          ipItems: (input.ipItems ?? []).map((item) => ({ ...item })),
          budgetMinFen: fenString(input.budgetMinFen),
          budgetMaxFen: fenString(input.budgetMaxFen),
          contactPhone: input.contactPhone ?? null,
          contactEmail: input.contactEmail ?? null,
          status: 'DRAFT',
        }),
      );
      await this.record(manager, ctx, result, 'result.created', null);
      return result;
    });
  }

  /**
   * Institutes list their own results; admins all; platforms, SMEs and bureaus the published results they
   * may see (PRIVATE ones only where invited), each projected for them.
   */
  async list(actor: Actor, query: ResultListQueryDto): Promise<Page<VisibleResult>> {
    const qb = this.dataSource.getRepository(ResearchResult).createQueryBuilder('r');
    if (actor.orgKind === 'INSTITUTE' || actor.orgKind === 'ADMIN') {
      if (actor.orgKind === 'INSTITUTE') qb.where('r.institute_org_id = :org', { org: actor.orgId });
      if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    } else {
      if (!(await this.orgs.isVerified(actor.orgId))) return toPage([], 0, query);
      qb.where('r.status IN (:...live)', { live: LIVE_RESULT_STATUSES }).andWhere(
        `(r.confidentiality <> 'PRIVATE' OR EXISTS (
           SELECT 1 FROM research_result_invitations i WHERE i.result_id = r.id AND i.org_id = :org))`,
        { org: actor.orgId },
      );
    }
    return this.page(actor, qb, query);
  }

  /** The public 科技成果 list: published PUBLIC results, for anyone. */
  async listPublic(query: ResultListQueryDto): Promise<Page<VisibleResult>> {
    const qb = this.dataSource
      .getRepository(ResearchResult)
      .createQueryBuilder('r')
      .where('r.status IN (:...live)', { live: LIVE_RESULT_STATUSES })
      .andWhere(`r.confidentiality = 'PUBLIC'`);
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    return this.page(undefined, qb, query);
  }

  async get(actor: Actor | undefined, id: string): Promise<VisibleResult> {
    const result = await this.dataSource.getRepository(ResearchResult).findOneBy({ id });
    if (!result) throw new NotFoundError('Result');
    const [visible] = await this.visibleTo(actor, [result]);
    if (!visible) throw new NotFoundError('Result');
    return visible;
  }

  /** The results with these ids the actor may see, each with its view, in the given order (search hits). */
  async visibleMany(actor: Actor | undefined, ids: readonly string[]): Promise<VisibleResult[]> {
    if (ids.length === 0) return [];
    const rows = await this.dataSource.getRepository(ResearchResult).findBy({ id: In([...ids]) });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return this.visibleTo(
      actor,
      ids.map((id) => byId.get(id)).filter((result): result is ResearchResult => !!result),
    );
  }

  /**
   * The results with these ids an org (not a signed-in user: a digest's recipient) may see, with its view.
   * Its kind and region are read from the org row; an unknown org sees nothing.
   */
  async visibleToOrg(orgId: string, ids: readonly string[]): Promise<VisibleResult[]> {
    const org = (await this.orgs.profilesOf([orgId])).get(orgId);
    if (!org) return [];
    // No user acts here; the view depends only on the org (its kind, verification, invitations and NDAs).
    const actor: Actor = { userId: orgId, orgId, orgKind: org.kind, role: 'MEMBER', regionCode: org.regionCode };
    return this.visibleMany(actor, ids);
  }

  /** Institute names of results shown in full (the summary view hides who published it). */
  async instituteNames(items: readonly VisibleResult[]): Promise<Map<string, string>> {
    return this.orgs.namesOf(items.filter((item) => item.view === 'FULL').map((item) => item.result.instituteOrgId));
  }

  /**
   * Drafts and published results are edited (a published one is re-indexed); one in pilot, transferred or
   * withdrawn is a record.
   */
  async update(ctx: RequestContext, id: string, patch: UpdateResultDto): Promise<ResearchResult> {
    return withTransaction(this.dataSource, async (manager) => {
      const result = await this.lockOwn(manager, ctx.actor, id);
      if (result.status !== 'DRAFT' && result.status !== 'PUBLISHED') {
        throw new DomainError('CONFLICT', 'Only a draft or published result can be edited', {
          currentState: result.status,
        });
      }
      const before = { ...result };
      const { budgetMinFen, budgetMaxFen, ipItems, ...rest } = patch;
      for (const [key, value] of Object.entries(rest)) {
        if (value !== undefined) Object.assign(result, { [key]: value });
      }
      if (ipItems !== undefined) result.ipItems = ipItems.map((item) => ({ ...item }));
      if (budgetMinFen !== undefined) result.budgetMinFen = String(budgetMinFen);
      if (budgetMaxFen !== undefined) result.budgetMaxFen = String(budgetMaxFen);
      assertBudget(
        result.budgetMinFen === null ? null : Number(result.budgetMinFen),
        result.budgetMaxFen === null ? null : Number(result.budgetMaxFen),
      );
      await manager.save(result);
      await this.record(manager, ctx, result, 'result.updated', before);
      if (result.status !== 'DRAFT') await this.reindex(manager, result, 'result.updated');
      return result;
    });
  }

  async transition(ctx: RequestContext, id: string, to: ResultStatus, reason: string | null = null) {
    return withTransaction(this.dataSource, async (manager) => {
      const result = await this.lockOwn(manager, ctx.actor, id);
      assertTransition('Result', RESULT_TRANSITIONS, result.status, to);
      const before = { ...result };
      result.status = to;
      result.statusReason = reason;
      if (to === 'PUBLISHED') result.publishedAt = this.clock.now();
      await manager.save(result);
      await this.record(manager, ctx, result, `result.${to.toLowerCase()}`, before);
      // Publishing enters the search index; any later move changes what it shows, or removes it.
      if (before.status !== 'DRAFT' || to === 'PUBLISHED') {
        await this.reindex(manager, result, `result.${to.toLowerCase()}`);
      }
      return result;
    });
  }

  /** The institute invites a listed platform; its operator org then sees the result in full. Idempotent. */
  async invite(ctx: RequestContext, id: string, platformId: string): Promise<void> {
    const platform = (await this.platforms.ofIds([platformId])).get(platformId);
    if (!platform || platform.status !== 'LISTED') throw new NotFoundError('Platform');
    await withTransaction(this.dataSource, async (manager) => {
      const result = await this.lockOwn(manager, ctx.actor, id);
      if (result.status !== 'DRAFT' && result.status !== 'PUBLISHED' && result.status !== 'IN_PILOT') {
        throw new DomainError('CONFLICT', 'Invitations are for current results', { currentState: result.status });
      }
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(ResultInvitation)
        .values({ resultId: result.id, orgId: platform.operatorOrgId })
        .orIgnore()
        .returning('result_id')
        .execute();
      if ((inserted.raw as unknown[]).length === 0) return;
      await this.record(manager, ctx, result, 'result.invited', null, { platformId, orgId: platform.operatorOrgId });
    });
  }

  /** A viewer who sees only the summary accepts the NDA and then sees the whole result. */
  async acceptNda(ctx: RequestContext, id: string): Promise<VisibleResult> {
    const { result, view } = await this.get(ctx.actor, id);
    if (view === 'SUMMARY') {
      await withTransaction(this.dataSource, async (manager) => {
        await manager
          .createQueryBuilder()
          .insert()
          .into(ResultNdaAcceptance)
          .values({ resultId: result.id, orgId: ctx.actor.orgId, acceptedByUserId: ctx.actor.userId })
          .orIgnore()
          .execute();
        await this.record(manager, ctx, result, 'result.nda_accepted', null, { orgId: ctx.actor.orgId });
      });
    }
    return this.get(ctx.actor, id);
  }

  private async page(
    actor: Actor | undefined,
    qb: SelectQueryBuilder<ResearchResult>,
    query: ResultListQueryDto,
  ): Promise<Page<VisibleResult>> {
    const [rows, total] = await qb
      .orderBy('r.createdAt', 'DESC')
      .addOrderBy('r.id')
      .skip(query.offset)
      .take(query.limit)
      .getManyAndCount();
    return toPage(await this.visibleTo(actor, rows), total, query);
  }

  private async reindex(manager: EntityManager, result: ResearchResult, eventType: string): Promise<void> {
    await this.outbox.add(manager, { aggregateType: 'result', aggregateId: result.id, eventType });
  }

  private async lockOwn(manager: EntityManager, actor: Actor, id: string): Promise<ResearchResult> {
    const result = await manager.findOne(ResearchResult, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!result || result.instituteOrgId !== actor.orgId) throw new NotFoundError('Result');
    return result;
  }

  /** Each result with the actor's view of it, in order; the ones it may not see drop out. */
  private async visibleTo(actor: Actor | undefined, results: ResearchResult[]): Promise<VisibleResult[]> {
    if (results.length === 0) return [];
    const viewer = actor && (await this.viewerOf(actor));
    const access = await this.accessOf(
      actor?.orgId,
      results.map((result) => result.id),
    );
    return results
      .map((result) => ({
        result,
        view: resultViewFor(viewer, {
          instituteOrgId: result.instituteOrgId,
          status: result.status,
          confidentiality: result.confidentiality,
          invited: access.invited.has(result.id),
          ndaAccepted: access.nda.has(result.id),
        }),
      }))
      .filter((item): item is VisibleResult => item.view !== 'NONE');
  }

  private async viewerOf(actor: Actor): Promise<ConfidentialViewer> {
    const audience = RESULT_AUDIENCE.kinds.includes(actor.orgKind);
    return {
      orgId: actor.orgId,
      orgKind: actor.orgKind,
      orgVerified: audience && (await this.orgs.isVerified(actor.orgId)),
    };
  }

  private async accessOf(orgId: string | undefined, resultIds: string[]) {
    if (!orgId) return { invited: new Set<string>(), nda: new Set<string>() };
    const rows = await this.dataSource.query<{ result_id: string; kind: 'invited' | 'nda' }[]>(
      `SELECT result_id, 'invited' AS kind FROM research_result_invitations WHERE org_id = $1 AND result_id = ANY($2)
       UNION ALL
       SELECT result_id, 'nda' AS kind FROM research_result_nda_acceptances WHERE org_id = $1 AND result_id = ANY($2)`,
      [orgId, resultIds],
    );
    return {
      invited: new Set(rows.filter((r) => r.kind === 'invited').map((r) => r.result_id)),
      nda: new Set(rows.filter((r) => r.kind === 'nda').map((r) => r.result_id)),
    };
  }

  private async record(
    manager: EntityManager,
    ctx: RequestContext,
    result: ResearchResult,
    action: string,
    before: Record<string, unknown> | null,
    extra?: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.record(manager, {
      actor: { userId: ctx.actor.userId, orgId: ctx.actor.orgId },
      action,
      entityType: 'research_result',
      entityId: result.id,
      subjectOrgId: result.instituteOrgId,
      before,
      after: extra ?? { ...result },
      requestId: ctx.requestId,
    });
  }
}
