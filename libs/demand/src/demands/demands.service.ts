import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@pilotlink/audit';
import { PlatformDirectory } from '@pilotlink/catalogue';
import {
  assertTransition,
  chinaDate,
  Clock,
  DomainError,
  NotFoundError,
  Page,
  toPage,
  definedOnly,
  fieldInvalid,
  validationFailed,
} from '@pilotlink/core';
import { withTransaction } from '@pilotlink/database';
import { OrgDirectory } from '@pilotlink/identity';
import { Actor, RequestContext } from '@pilotlink/core';
import { OutboxService } from '@pilotlink/queue';
import { DataSource, EntityManager, In } from 'typeorm';
import { DEMAND_TRANSITIONS, DemandStatus } from '../domain/demand';
import { DemandInvitation, DemandNdaAcceptance } from '../domain/demand-access.entity';
import { Demand } from '../domain/demand.entity';
import { DemandAccessFacts, DemandView, demandViewFor, DemandViewer } from '../domain/demand-visibility';
import { CreateDemandDto, DemandListQueryDto, UpdateDemandDto } from '../dto/demand.request.dto';

export interface VisibleDemand {
  demand: Demand;
  view: Exclude<DemandView, 'NONE'>;
}

type DemandTerms = Pick<
  CreateDemandDto,
  'mode' | 'rewardFen' | 'challengeDeadline' | 'budgetMinFen' | 'budgetMaxFen' | 'awardWindowDays'
>;

/** Cross-field rules of a demand (mirroring the table's CHECKs), each naming its field. */
export function demandTermProblems(terms: DemandTerms): { field: string; errors: string[] }[] {
  const problems: { field: string; errors: string[] }[] = [];
  const isChallenge = terms.mode === 'CHALLENGE';
  if (isChallenge && terms.rewardFen == null)
    problems.push({ field: 'rewardFen', errors: ['a CHALLENGE states its reward'] });
  if (isChallenge && terms.challengeDeadline == null) {
    problems.push({ field: 'challengeDeadline', errors: ['a CHALLENGE states its deadline'] });
  }
  if (!isChallenge && terms.rewardFen != null)
    problems.push({ field: 'rewardFen', errors: ['only a CHALLENGE has a reward'] });
  if (!isChallenge && terms.challengeDeadline != null) {
    problems.push({ field: 'challengeDeadline', errors: ['only a CHALLENGE has a deadline'] });
  }
  if (!isChallenge && terms.awardWindowDays != null) {
    problems.push({ field: 'awardWindowDays', errors: ['only a CHALLENGE has an award window'] });
  }
  if (terms.budgetMinFen != null && terms.budgetMaxFen != null && terms.budgetMinFen > terms.budgetMaxFen) {
    problems.push({ field: 'budgetMaxFen', errors: ['budgetMaxFen must not be below budgetMinFen'] });
  }
  return problems;
}

function assertTerms(terms: DemandTerms): void {
  const problems = demandTermProblems(terms);
  if (problems.length) throw validationFailed(problems);
}

const fenString = (value: number | undefined | null) => (value == null ? null : String(value));

/** Outbox event per target status (the relay re-reads the demand; consumers decide from current state). */
const DEMAND_EVENTS: Record<DemandStatus, string> = {
  DRAFT: 'demand.updated',
  OPEN: 'demand.published',
  AWARDED: 'demand.awarded',
  CLOSED: 'demand.closed',
  CANCELLED: 'demand.cancelled',
  EXPIRED: 'demand.expired',
};

@Injectable()
export class DemandsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly orgs: OrgDirectory,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly platforms: PlatformDirectory,
  ) {}

  async create(ctx: RequestContext, input: CreateDemandDto): Promise<Demand> {
    assertTerms(input);
    return withTransaction(this.dataSource, async (manager) => {
      const demand = await manager.save(
        manager.create(Demand, {
          ...input,
          smeOrgId: ctx.actor.orgId,
          description: input.description ?? '',
          categories: input.categories ?? [],
          budgetMinFen: fenString(input.budgetMinFen),
          budgetMaxFen: fenString(input.budgetMaxFen),
          rewardFen: fenString(input.rewardFen),
          wantedBy: input.wantedBy ?? null,
          regionCode: input.regionCode ?? null,
          challengeDeadline: input.challengeDeadline ?? null,
          status: 'DRAFT',
        }),
      );
      await this.record(manager, ctx, demand, 'demand.created', null);
      return demand;
    });
  }

  /**
   * SMEs list their own demands; verified platforms the open demands they may see (each projected
   * for them); admins everything. Visibility is the same rule as for a single demand.
   */
  async list(actor: Actor, query: DemandListQueryDto): Promise<Page<VisibleDemand>> {
    const qb = this.dataSource.getRepository(Demand).createQueryBuilder('d');
    if (actor.orgKind === 'SME') {
      qb.where('d.sme_org_id = :org', { org: actor.orgId });
      if (query.status) qb.andWhere('d.status = :status', { status: query.status });
    } else if (actor.orgKind === 'ADMIN') {
      if (query.status) qb.where('d.status = :status', { status: query.status });
    } else {
      if (!(await this.orgs.isVerified(actor.orgId))) return toPage([], 0, query);
      qb.where(`d.status = 'OPEN'`).andWhere(
        `(d.confidentiality <> 'PRIVATE' OR EXISTS (
           SELECT 1 FROM demand_invitations i WHERE i.demand_id = d.id AND i.platform_org_id = :org))`,
        { org: actor.orgId },
      );
    }
    const [rows, total] = await qb
      .orderBy('d.createdAt', 'DESC')
      .addOrderBy('d.id')
      .skip(query.offset)
      .take(query.limit)
      .getManyAndCount();
    return toPage(await this.visibleTo(actor, rows), total, query);
  }

  async get(actor: Actor | undefined, id: string): Promise<VisibleDemand> {
    const demand = await this.dataSource.getRepository(Demand).findOneBy({ id });
    if (!demand || !actor) throw new NotFoundError('Demand');
    const [visible] = await this.visibleTo(actor, [demand]);
    if (!visible) throw new NotFoundError('Demand');
    return visible;
  }

  /**
   * The demands with these ids that the actor may see, each with its view, in the given order (search and
   * matching results: the index finds them, this decides what each viewer sees). Unknown ids drop out.
   */
  /**
   * How each of several orgs may see one demand, by the same rule as every other read (used to pick
   * and render notification recipients). Unknown orgs see nothing.
   */
  async viewsOf(demand: Demand, orgIds: readonly string[]): Promise<Map<string, DemandView>> {
    const ids = [...new Set(orgIds)];
    const views = new Map<string, DemandView>(ids.map((id) => [id, 'NONE']));
    if (ids.length === 0) return views;
    // Who the orgs are (identity) and what each did about this demand (here): side by side, one round trip.
    const [profiles, rows] = await Promise.all([
      this.orgs.profilesOf(ids),
      this.dataSource.query<{ org_id: string; kind: 'invited' | 'nda' }[]>(
        `SELECT platform_org_id AS org_id, 'invited' AS kind FROM demand_invitations
          WHERE demand_id = $1 AND platform_org_id = ANY($2::uuid[])
         UNION ALL
         SELECT platform_org_id AS org_id, 'nda' AS kind FROM demand_nda_acceptances
          WHERE demand_id = $1 AND platform_org_id = ANY($2::uuid[])`,
        [demand.id, ids],
      ),
    ]);
    const invited = new Set(rows.filter((r) => r.kind === 'invited').map((r) => r.org_id));
    const nda = new Set(rows.filter((r) => r.kind === 'nda').map((r) => r.org_id));
    for (const [id, org] of profiles) {
      const viewer = { orgId: id, orgKind: org.kind, orgVerified: org.verified };
      views.set(id, demandViewFor(viewer, accessFacts(demand, invited.has(id), nda.has(id))));
    }
    return views;
  }

  async visibleMany(actor: Actor, ids: readonly string[]): Promise<VisibleDemand[]> {
    if (ids.length === 0) return [];
    const rows = await this.dataSource.getRepository(Demand).findBy({ id: In([...ids]) });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return this.visibleTo(
      actor,
      ids.map((id) => byId.get(id)).filter((demand): demand is Demand => !!demand),
    );
  }

  /** Demands published in [start, end) and still OPEN (the research digest pushes them to fitting platforms). */
  async openPublishedBetween(start: Date, end: Date): Promise<Demand[]> {
    return this.dataSource
      .getRepository(Demand)
      .createQueryBuilder('d')
      .where('d.published_at >= :start AND d.published_at < :end', { start, end })
      .andWhere(`d.status = 'OPEN'`)
      .orderBy('d.published_at', 'ASC')
      .getMany();
  }

  /** Only drafts are edited: platforms may already have quoted on what an open demand says. */
  async update(ctx: RequestContext, id: string, patch: UpdateDemandDto): Promise<Demand> {
    return withTransaction(this.dataSource, async (manager) => {
      const demand = await this.lockOwn(manager, ctx.actor, id);
      if (demand.status !== 'DRAFT') {
        throw new DomainError('CONFLICT', 'Only a draft demand can be edited', { currentState: demand.status });
      }
      const before = { ...demand };
      const { budgetMinFen, budgetMaxFen, rewardFen, ...rest } = patch;
      Object.assign(demand, definedOnly(rest));
      if (budgetMinFen !== undefined) demand.budgetMinFen = String(budgetMinFen);
      if (budgetMaxFen !== undefined) demand.budgetMaxFen = String(budgetMaxFen);
      if (rewardFen !== undefined) demand.rewardFen = String(rewardFen);
      if (patch.mode === 'OPEN') {
        demand.rewardFen = rewardFen === undefined ? null : demand.rewardFen;
        demand.challengeDeadline = patch.challengeDeadline ?? null;
      }
      assertTerms({
        mode: demand.mode,
        rewardFen: demand.rewardFen === null ? undefined : Number(demand.rewardFen),
        challengeDeadline: demand.challengeDeadline ?? undefined,
        budgetMinFen: demand.budgetMinFen === null ? undefined : Number(demand.budgetMinFen),
        budgetMaxFen: demand.budgetMaxFen === null ? undefined : Number(demand.budgetMaxFen),
      });
      await manager.save(demand);
      await this.record(manager, ctx, demand, 'demand.updated', before);
      return demand;
    });
  }

  async transition(ctx: RequestContext, id: string, to: DemandStatus, reason: string | null = null): Promise<Demand> {
    return withTransaction(this.dataSource, async (manager) => {
      const demand = await this.lockOwn(manager, ctx.actor, id);
      assertTransition('Demand', DEMAND_TRANSITIONS, demand.status, to);
      if (to === 'OPEN') this.assertStillTimely(demand);
      const before = { ...demand };
      demand.status = to;
      demand.statusReason = reason;
      if (to === 'OPEN') demand.publishedAt = this.clock.now();
      await manager.save(demand);
      await this.record(manager, ctx, demand, `demand.${to.toLowerCase()}`, before);
      // Publishing enters the search index and notifies; leaving OPEN removes it. A draft's
      // cancellation changes nothing anyone else could see.
      if (to === 'OPEN' || before.status === 'OPEN') {
        await this.outbox.add(manager, {
          aggregateType: 'demand',
          aggregateId: demand.id,
          eventType: DEMAND_EVENTS[to],
        });
      }
      return demand;
    });
  }

  /** The SME invites a listed platform; its operator org then sees the demand in full. Idempotent. */
  async invite(ctx: RequestContext, id: string, platformId: string): Promise<void> {
    await withTransaction(this.dataSource, async (manager) => {
      const demand = await this.lockOwn(manager, ctx.actor, id);
      if (!['DRAFT', 'OPEN'].includes(demand.status)) {
        throw new DomainError('CONFLICT', 'Invitations are for draft or open demands', { currentState: demand.status });
      }
      const platform = (await this.platforms.ofIds([platformId], manager)).get(platformId);
      if (!platform || platform.status !== 'LISTED') throw new NotFoundError('Platform');
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(DemandInvitation)
        .values({ demandId: demand.id, platformOrgId: platform.operatorOrgId })
        .orIgnore()
        .returning('demand_id')
        .execute();
      if ((inserted.raw as unknown[]).length === 0) return; // invited before: nothing changes, nobody is told twice
      const invitation = { platformId, platformOrgId: platform.operatorOrgId };
      await this.record(manager, ctx, demand, 'demand.invited', null, invitation);
      await this.outbox.add(manager, {
        aggregateType: 'demand',
        aggregateId: demand.id,
        eventType: 'demand.invited',
        payload: invitation,
      });
    });
  }

  /** A platform that sees only the summary accepts the NDA and then sees the whole demand. */
  async acceptNda(ctx: RequestContext, id: string): Promise<VisibleDemand> {
    const { demand, view } = await this.get(ctx.actor, id);
    if (view === 'SUMMARY') {
      await withTransaction(this.dataSource, async (manager) => {
        await manager
          .createQueryBuilder()
          .insert()
          .into(DemandNdaAcceptance)
          .values({ demandId: demand.id, platformOrgId: ctx.actor.orgId, acceptedByUserId: ctx.actor.userId })
          .orIgnore()
          .execute();
        await this.record(manager, ctx, demand, 'demand.nda_accepted', null, { platformOrgId: ctx.actor.orgId });
      });
    }
    return this.get(ctx.actor, id);
  }

  private assertStillTimely(demand: Demand): void {
    const today = chinaDate(this.clock.now());
    for (const [field, date] of [
      ['wantedBy', demand.wantedBy],
      ['challengeDeadline', demand.challengeDeadline],
    ] as const) {
      if (date !== null && date < today) {
        throw fieldInvalid(field, `${field} has passed; set a future date before publishing`);
      }
    }
  }

  private async lockOwn(manager: EntityManager, actor: Actor, id: string): Promise<Demand> {
    const demand = await manager.findOne(Demand, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!demand || demand.smeOrgId !== actor.orgId) throw new NotFoundError('Demand');
    return demand;
  }

  /** Each demand with the actor's view of it, in order; the ones it may not see drop out. */
  private async visibleTo(actor: Actor, demands: Demand[]): Promise<VisibleDemand[]> {
    const viewer = await this.viewerOf(actor);
    const access = await this.accessOf(
      actor.orgId,
      demands.map((demand) => demand.id),
    );
    return demands
      .map((demand) => ({ demand, view: this.viewOf(viewer, demand, access) }))
      .filter((item): item is VisibleDemand => item.view !== 'NONE');
  }

  private async viewerOf(actor: Actor): Promise<DemandViewer> {
    const orgVerified = actor.orgKind === 'PLATFORM_OPERATOR' ? await this.orgs.isVerified(actor.orgId) : true;
    return { orgId: actor.orgId, orgKind: actor.orgKind, orgVerified };
  }

  private async accessOf(orgId: string, demandIds: string[]) {
    if (demandIds.length === 0) return { invited: new Set<string>(), nda: new Set<string>() };
    const rows = await this.dataSource.query<{ demand_id: string; kind: 'invited' | 'nda' }[]>(
      `SELECT demand_id, 'invited' AS kind FROM demand_invitations WHERE platform_org_id = $1 AND demand_id = ANY($2)
       UNION ALL
       SELECT demand_id, 'nda' AS kind FROM demand_nda_acceptances WHERE platform_org_id = $1 AND demand_id = ANY($2)`,
      [orgId, demandIds],
    );
    return {
      invited: new Set(rows.filter((r) => r.kind === 'invited').map((r) => r.demand_id)),
      nda: new Set(rows.filter((r) => r.kind === 'nda').map((r) => r.demand_id)),
    };
  }

  private viewOf(viewer: DemandViewer, demand: Demand, access: { invited: Set<string>; nda: Set<string> }): DemandView {
    return demandViewFor(viewer, accessFacts(demand, access.invited.has(demand.id), access.nda.has(demand.id)));
  }

  private async record(
    manager: EntityManager,
    ctx: RequestContext,
    demand: Demand,
    action: string,
    before: Record<string, unknown> | null,
    extra?: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.record(manager, {
      actor: { userId: ctx.actor.userId, orgId: ctx.actor.orgId },
      action,
      entityType: 'demand',
      entityId: demand.id,
      subjectOrgId: demand.smeOrgId,
      before,
      after: extra ?? { ...demand },
      requestId: ctx.requestId,
    });
  }
}

/** The facts demandViewFor needs about a demand, given what one viewer's org did (invited, NDA). */
export function accessFacts(demand: Demand, invited: boolean, ndaAccepted: boolean): DemandAccessFacts {
  return {
    ownerOrgId: demand.smeOrgId,
    status: demand.status,
    confidentiality: demand.confidentiality,
    invited,
    ndaAccepted,
  };
}
