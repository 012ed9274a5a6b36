import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@pilotlink/audit';
import { assertTransition, Clock, NotFoundError, toPage, validationFailed } from '@pilotlink/core';
import { withTransaction } from '@pilotlink/database';
import type { Actor, RequestContext } from '@pilotlink/core';
import { OutboxService } from '@pilotlink/queue';
import { MEILI, regionHierarchy, SearchIndexes, searchOr, toSimplified } from '@pilotlink/search';
import { ProgramsService } from '@pilotlink/voucher';
import type { Meilisearch } from 'meilisearch';
import { DataSource, EntityManager, In } from 'typeorm';
import { POLICY_TRANSITIONS, PolicyStatus } from './policy';
import { PolicyNotice } from './policy-notice.entity';
import {
  CreatePolicyNoticeDto,
  PolicyListQueryDto,
  PolicySearchQueryDto,
  UpdatePolicyNoticeDto,
} from './policy.request.dto';
import {
  PolicyNoticePageDto,
  PolicyNoticeResponseDto,
  PolicyProgramDto,
  PolicySearchPageDto,
} from './policy.response.dto';

/**
 * 政策资讯 (SPEC §4a): a bureau drafts, publishes and archives its policy notices; published (and archived)
 * ones are public, published ones listed and searchable (Traditional text converted for search). A draft is
 * its bureau's only: anyone else gets 404.
 */
@Injectable()
export class PolicyNoticesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MEILI) private readonly meili: Meilisearch,
    private readonly indexes: SearchIndexes,
    private readonly programs: ProgramsService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async create(ctx: RequestContext, input: CreatePolicyNoticeDto): Promise<PolicyNoticeResponseDto> {
    const notice = await withTransaction(this.dataSource, async (manager) => {
      await this.assertOwnPrograms(manager, ctx.actor, input.programIds ?? []);
      const created = await manager.save(
        manager.create(PolicyNotice, {
          ...input,
          bureauOrgId: ctx.actor.orgId,
          regionCode: ctx.actor.regionCode,
          documentNumber: input.documentNumber ?? null,
          links: (input.links ?? []).map(({ title, url }) => ({ title, url })),
          programIds: input.programIds ?? [],
          status: 'DRAFT',
        }),
      );
      await this.record(manager, ctx, created, 'policy_notice.created', null);
      return created;
    });
    return this.render(ctx.actor, notice);
  }

  async update(ctx: RequestContext, id: string, patch: UpdatePolicyNoticeDto): Promise<PolicyNoticeResponseDto> {
    const notice = await withTransaction(this.dataSource, async (manager) => {
      const notice = await this.lockOwn(manager, ctx.actor, id);
      const before = { ...notice };
      if (patch.programIds) await this.assertOwnPrograms(manager, ctx.actor, patch.programIds);
      const { links, ...rest } = patch;
      for (const [key, value] of Object.entries(rest)) {
        if (value !== undefined) Object.assign(notice, { [key]: value });
      }
      if (links !== undefined) notice.links = links.map(({ title, url }) => ({ title, url }));
      await manager.save(notice);
      await this.record(manager, ctx, notice, 'policy_notice.updated', before);
      if (notice.status === 'PUBLISHED') await this.reindex(manager, notice, 'policy_notice.updated');
      return notice;
    });
    return this.render(ctx.actor, notice);
  }

  async transition(ctx: RequestContext, id: string, to: PolicyStatus): Promise<PolicyNoticeResponseDto> {
    const notice = await withTransaction(this.dataSource, async (manager) => {
      const notice = await this.lockOwn(manager, ctx.actor, id);
      assertTransition('PolicyNotice', POLICY_TRANSITIONS, notice.status, to);
      const before = { ...notice };
      notice.status = to;
      if (to === 'PUBLISHED') notice.publishedAt = this.clock.now();
      await manager.save(notice);
      await this.record(manager, ctx, notice, `policy_notice.${to.toLowerCase()}`, before);
      await this.reindex(manager, notice, `policy_notice.${to.toLowerCase()}`);
      return notice;
    });
    return this.render(ctx.actor, notice);
  }

  /** Published notices, newest first (of a region and the regions above it); a bureau's own with `mine`. */
  async list(actor: Actor | undefined, query: PolicyListQueryDto): Promise<PolicyNoticePageDto> {
    const qb = this.dataSource.getRepository(PolicyNotice).createQueryBuilder('n');
    if (query.mine && actor?.orgKind === 'BUREAU') qb.where('n.bureau_org_id = :org', { org: actor.orgId });
    else if (query.mine) return toPage([], 0, query);
    else qb.where(`n.status = 'PUBLISHED'`);
    if (query.region) qb.andWhere('n.region_code IN (:...regions)', { regions: regionHierarchy(query.region) });
    const [rows, total] = await qb
      .orderBy('n.issued_on', 'DESC')
      .addOrderBy('n.created_at', 'DESC')
      .addOrderBy('n.id')
      .skip(query.offset)
      .take(query.limit)
      .getManyAndCount();
    return toPage(await this.renderMany(actor, rows), total, query);
  }

  async get(actor: Actor | undefined, id: string): Promise<PolicyNoticeResponseDto> {
    const notice = await this.dataSource.getRepository(PolicyNotice).findOneBy({ id });
    if (!notice || !this.mayRead(actor, notice)) throw new NotFoundError('PolicyNotice');
    return this.render(actor, notice);
  }

  /** GET /search/policy-notices: public full-text search over published notices, Simplified or Traditional. */
  async search(actor: Actor | undefined, query: PolicySearchQueryDto): Promise<PolicySearchPageDto> {
    const index = this.meili.index<{ id: string }>(this.indexes.uid('policies'));
    const found = await searchOr(null, () =>
      index.search(toSimplified(query.q ?? ''), {
        page: query.page,
        hitsPerPage: query.limit,
        locales: ['cmn'],
        showRankingScore: true,
        attributesToRetrieve: ['id'],
      }),
    );
    const ids = (found?.hits ?? []).map((hit) => String(hit.id));
    const scores = new Map((found?.hits ?? []).map((hit) => [String(hit.id), hit._rankingScore ?? 0]));
    const rows = ids.length ? await this.dataSource.getRepository(PolicyNotice).findBy({ id: In(ids) }) : [];
    // The index may trail PostgreSQL by a moment: a notice archived since drops out here.
    const byId = new Map(rows.filter((row) => row.status === 'PUBLISHED').map((row) => [row.id, row]));
    const visible = ids.map((id) => byId.get(id)).filter((row): row is PolicyNotice => !!row);
    const rendered = await this.renderMany(actor, visible);
    return {
      items: rendered.map((item) => ({ ...item, score: Math.round((scores.get(item.id) ?? 0) * 10_000) / 10_000 })),
      total: found?.totalHits ?? 0,
      page: query.page,
      limit: query.limit,
    };
  }

  private mayRead(actor: Actor | undefined, notice: PolicyNotice): boolean {
    return notice.status !== 'DRAFT' || actor?.orgId === notice.bureauOrgId;
  }

  /** Links only to the bureau's own programs (a foreign or unknown id is a 400 on programIds). */
  private async assertOwnPrograms(manager: EntityManager, actor: Actor, ids: readonly string[]): Promise<void> {
    const programs = await this.programs.byIds(manager, [...ids]);
    const foreign = ids.filter((id) => programs.get(id)?.bureauOrgId !== actor.orgId);
    if (foreign.length) {
      throw validationFailed([{ field: 'programIds', errors: [`not programs of your bureau: ${foreign.join(', ')}`] }]);
    }
  }

  private async render(actor: Actor | undefined, notice: PolicyNotice): Promise<PolicyNoticeResponseDto> {
    const [rendered] = await this.renderMany(actor, [notice]);
    return rendered;
  }

  /** Each notice with its linked programs: a draft program shows only to its own bureau. */
  private async renderMany(actor: Actor | undefined, notices: PolicyNotice[]): Promise<PolicyNoticeResponseDto[]> {
    const ids = [...new Set(notices.flatMap((notice) => notice.programIds))];
    const programs = await this.programs.byIds(this.dataSource.manager, ids);
    return notices.map((notice) => {
      const linked: PolicyProgramDto[] = notice.programIds
        .map((id) => programs.get(id))
        .filter((p) => !!p && (p.status !== 'DRAFT' || p.bureauOrgId === actor?.orgId))
        .map((p) => ({ id: p!.id, name: p!.name }));
      return PolicyNoticeResponseDto.from(notice, linked);
    });
  }

  private async lockOwn(manager: EntityManager, actor: Actor, id: string): Promise<PolicyNotice> {
    const notice = await manager.findOne(PolicyNotice, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!notice || notice.bureauOrgId !== actor.orgId) throw new NotFoundError('PolicyNotice');
    return notice;
  }

  private async reindex(manager: EntityManager, notice: PolicyNotice, eventType: string): Promise<void> {
    await this.outbox.add(manager, { aggregateType: 'policy_notice', aggregateId: notice.id, eventType });
  }

  private async record(
    manager: EntityManager,
    ctx: RequestContext,
    notice: PolicyNotice,
    action: string,
    before: Record<string, unknown> | null,
  ): Promise<void> {
    await this.audit.record(manager, {
      actor: { userId: ctx.actor.userId, orgId: ctx.actor.orgId },
      action,
      entityType: 'policy_notice',
      entityId: notice.id,
      subjectOrgId: notice.bureauOrgId,
      before,
      after: { ...notice },
      requestId: ctx.requestId,
    });
  }
}
