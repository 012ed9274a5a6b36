import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@pilotlink/audit';
import { assertTransition, Clock, DomainError, NotFoundError, Page, toPage } from '@pilotlink/core';
import { withTransaction } from '@pilotlink/database';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, RequestContext } from '@pilotlink/core';
import { canReviewOrg } from '../access/org-access';
import { OrgCorrection, requestedFactsOf, setRequestedFacts } from '../domain/org-correction.entity';
import {
  amendRequest,
  CORRECTION_TRANSITIONS,
  CorrectionStatus,
  isEmptyRequest,
  RequestedFacts,
} from '../domain/org-facts';
import { SELF_REGISTERING_KINDS } from '@pilotlink/core';
import { Org } from '../domain/org.entity';
import { jurisdictionPrefix } from '../domain/region';
import { OrgCorrectionListQueryDto } from '../dto/org-corrections.request.dto';
import { OrgCorrectionResponseDto } from '../dto/org-corrections.response.dto';
import { OrgDirectory } from './org-directory.service';
import { currentFacts, writeShareholders } from './org-shareholders';

/**
 * Corrections of a verified org's eligibility facts (SPEC §2: "a later change is a correction request a
 * bureau approves; until then the verified values apply"). The requested values live only here: every
 * rule reads the org and its shareholders, which change when — and only when — a bureau approves.
 */
@Injectable()
export class OrgCorrectionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: OrgDirectory,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * The owner's change to a verified org's facts, inside the caller's transaction (the org row locked):
   * opens the org's pending request or amends it. A change back to the verified values withdraws it.
   */
  async file(manager: EntityManager, ctx: RequestContext, org: Org, requested: RequestedFacts): Promise<void> {
    const pending = await this.pendingOf(manager, org.id, true);
    const current = await currentFacts(manager, org);
    const facts = amendRequest(current, pending ? requestedFactsOf(pending) : {}, requested);
    if (!pending && isEmptyRequest(facts)) return;
    const before = pending ? requestedFactsOf(pending) : null;
    let correction: OrgCorrection;
    if (pending && isEmptyRequest(facts)) {
      assertTransition('Correction', CORRECTION_TRANSITIONS, pending.status, 'CANCELLED');
      pending.status = 'CANCELLED';
      correction = await manager.save(pending);
    } else {
      correction = pending ?? manager.create(OrgCorrection, { orgId: org.id, status: 'PENDING' });
      correction.requestedByUserId = ctx.actor.userId;
      setRequestedFacts(correction, facts);
      correction = await manager.save(correction);
    }
    const action = !pending ? 'requested' : correction.status === 'CANCELLED' ? 'cancelled' : 'amended';
    await this.record(manager, ctx, correction, `org.correction_${action}`, before, requestedFactsOf(correction));
  }

  /** The org's pending request as the portal shows it, or null. */
  async pendingView(manager: EntityManager, org: Org): Promise<OrgCorrectionResponseDto | null> {
    const pending = await this.pendingOf(manager, org.id);
    return pending ? OrgCorrectionResponseDto.from(pending, org, await currentFacts(manager, org)) : null;
  }

  /**
   * A bureau's queue (orgs in its jurisdiction) or an admin's (all): PENDING unless another status is
   * asked for. An SME or platform operator sees its own org's requests, decided ones included.
   */
  async list(actor: Actor, query: OrgCorrectionListQueryDto): Promise<Page<OrgCorrectionResponseDto>> {
    const reviewer = actor.orgKind === 'BUREAU' || actor.orgKind === 'ADMIN';
    const qb = this.dataSource.manager
      .createQueryBuilder(OrgCorrection, 'c')
      .innerJoin(Org, 'o', 'o.id = c.org_id')
      .orderBy('c.createdAt', reviewer ? 'ASC' : 'DESC')
      .addOrderBy('c.id')
      .skip(query.offset)
      .take(query.limit);
    if (actor.orgKind === 'BUREAU') {
      qb.andWhere('o.region_code LIKE :prefix', { prefix: `${jurisdictionPrefix(actor.regionCode)}%` });
      qb.andWhere('o.kind IN (:...kinds)', { kinds: SELF_REGISTERING_KINDS });
    } else if (!reviewer) {
      qb.andWhere('c.org_id = :orgId', { orgId: actor.orgId });
    }
    const status = query.status ?? (reviewer ? 'PENDING' : undefined);
    if (status) qb.andWhere('c.status = :status', { status });
    const [rows, total] = await qb.getManyAndCount();
    const items: OrgCorrectionResponseDto[] = [];
    for (const row of rows) {
      const org = await this.dataSource.manager.findOneByOrFail(Org, { id: row.orgId });
      items.push(OrgCorrectionResponseDto.from(row, org, await currentFacts(this.dataSource.manager, org)));
    }
    return toPage(items, total, query);
  }

  /** Bureau in jurisdiction or admin: the requested facts become the org's facts. */
  approve(ctx: RequestContext, id: string): Promise<OrgCorrectionResponseDto> {
    return this.decide(ctx, id, 'APPROVED', null);
  }

  reject(ctx: RequestContext, id: string, reason: string): Promise<OrgCorrectionResponseDto> {
    return this.decide(ctx, id, 'REJECTED', reason);
  }

  /** The owner withdraws the org's pending request. */
  async cancel(ctx: RequestContext, id: string): Promise<OrgCorrectionResponseDto> {
    return withTransaction(this.dataSource, async (manager) => {
      const { correction, org } = await this.load(manager, ctx.actor, id);
      if (ctx.actor.orgId !== org.id || ctx.actor.role !== 'OWNER') {
        throw new DomainError('FORBIDDEN', "Only the organisation's owner may withdraw its correction request");
      }
      assertTransition('Correction', CORRECTION_TRANSITIONS, correction.status, 'CANCELLED');
      correction.status = 'CANCELLED';
      const saved = await manager.save(correction);
      await this.record(manager, ctx, saved, 'org.correction_cancelled', null, null);
      return OrgCorrectionResponseDto.from(saved, org, await currentFacts(manager, org));
    });
  }

  private decide(
    ctx: RequestContext,
    id: string,
    to: CorrectionStatus,
    reason: string | null,
  ): Promise<OrgCorrectionResponseDto> {
    return withTransaction(this.dataSource, async (manager) => {
      const { correction, org } = await this.load(manager, ctx.actor, id);
      if (!canReviewOrg(ctx.actor, org)) {
        throw new DomainError('FORBIDDEN', 'You may not review corrections of this organisation');
      }
      assertTransition('Correction', CORRECTION_TRANSITIONS, correction.status, to);
      const before = await currentFacts(manager, org);
      if (to === 'APPROVED') {
        const facts = requestedFactsOf(correction);
        if (facts.techSme !== undefined) org.techSme = facts.techSme;
        if (facts.legalRepresentative !== undefined) org.legalRepresentative = facts.legalRepresentative;
        await manager.save(org);
        if (facts.shareholders) await writeShareholders(manager, org.id, facts.shareholders);
      }
      correction.status = to;
      correction.rejectionReason = reason;
      correction.decidedAt = this.clock.now();
      correction.decidedByUserId = ctx.actor.userId;
      correction.decidedByOrgId = ctx.actor.orgId;
      const saved = await manager.save(correction);
      const after = to === 'APPROVED' ? await currentFacts(manager, org) : { rejectionReason: reason };
      await this.record(manager, ctx, saved, `org.correction_${to.toLowerCase()}`, before, after);
      return OrgCorrectionResponseDto.from(saved, org, await currentFacts(manager, org));
    });
  }

  /** The request and its org, both locked (org first, as a PATCH locks them); 404 unless the org is visible. */
  private async load(manager: EntityManager, actor: Actor, id: string) {
    const found = await manager.findOneBy(OrgCorrection, { id });
    if (!found) throw new NotFoundError('Correction request');
    const org = await this.directory.getVisible(actor, found.orgId, manager, true);
    const correction = await manager.findOneOrFail(OrgCorrection, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    return { correction, org };
  }

  private pendingOf(manager: EntityManager, orgId: string, lock = false): Promise<OrgCorrection | null> {
    return manager.findOne(OrgCorrection, {
      where: { orgId, status: 'PENDING' },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  private record(
    manager: EntityManager,
    ctx: RequestContext,
    correction: OrgCorrection,
    action: string,
    before: object | null,
    after: object | null,
  ): Promise<void> {
    return this.audit.record(manager, {
      actor: { userId: ctx.actor.userId, orgId: ctx.actor.orgId },
      action,
      entityType: 'org_correction',
      entityId: correction.id,
      subjectOrgId: correction.orgId,
      before: before as Record<string, unknown> | null,
      after: after as Record<string, unknown> | null,
      requestId: ctx.requestId,
    });
  }
}
