import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@pilotlink/audit';
import { PlatformStanding } from '@pilotlink/catalogue';
import {
  Clock,
  chinaDate,
  fieldInvalid,
  InvalidStateTransitionError,
  NotFoundError,
  Page,
  PageQueryDto,
  parseFen,
  toPage,
} from '@pilotlink/core';
import { withTransaction } from '@pilotlink/database';
import type { Actor, RequestContext } from '@pilotlink/core';
import { DataSource, EntityManager } from 'typeorm';
import { revenueDeclarationFlags } from '../domain/revenue-declaration';
import { DecideRevenueDto, DeclareRevenueDto } from '../dto/revenue.request.dto';
import { RevenueDeclarationResponseDto } from '../dto/revenue.response.dto';
import { PlatformIndicatorsService } from '../recognition/platform-indicators.service';
import { lockPlatformSubsidies, ownPlatform, platformInJurisdiction, visiblePlatform } from './platform-access';
import { RevenueDeclaration } from './subsidy.entities';

/**
 * Yearly 服务性收入 declarations (晋江 §六(二): "按中试验证平台年度服务性收入的 30% 给予运营主体补助"): most
 * of it is earned outside PilotLink, so the operator declares the figure with evidence, and a bureau
 * covering the platform accepts or returns it. Assessments use the accepted figure; each declaration is
 * shown beside the marketplace's own completed-order revenue for the year, with flags.
 */
@Injectable()
export class RevenueDeclarationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly standing: PlatformStanding,
    private readonly indicators: PlatformIndicatorsService,
    private readonly clock: Clock,
  ) {}

  /** The operator declares (or, unless accepted, re-declares) a finished or current year. */
  async declare(
    ctx: RequestContext,
    platformId: string,
    year: number,
    input: DeclareRevenueDto,
  ): Promise<RevenueDeclarationResponseDto> {
    const thisYear = Number(chinaDate(this.clock.now()).slice(0, 4));
    if (year > thisYear) throw fieldInvalid('year', `cannot declare a year that has not begun (now ${thisYear})`);
    return withTransaction(this.dataSource, async (manager) => {
      const platform = await ownPlatform(this.standing, manager, ctx.actor, platformId);
      await lockPlatformSubsidies(manager, platformId);
      const existing = await manager.findOneBy(RevenueDeclaration, { platformId, year });
      if (existing?.status === 'ACCEPTED')
        throw new InvalidStateTransitionError('Revenue declaration', 'ACCEPTED', 'DECLARED');
      const row = manager.create(RevenueDeclaration, {
        platformId,
        year,
        serviceRevenueFen: String(input.serviceRevenueFen),
        evidence: input.evidence,
        status: 'DECLARED',
        declaredByOrgId: ctx.actor.orgId,
        declaredAt: this.clock.now(),
        decidedByOrgId: null,
        decidedAt: null,
        decisionNote: null,
      });
      await manager.save(row);
      await this.audit.record(manager, {
        actor: { userId: ctx.actor.userId, orgId: ctx.actor.orgId },
        action: 'platform.revenue_declared',
        entityType: 'platform',
        entityId: platformId,
        subjectOrgId: platform.operatorOrgId,
        before: existing
          ? { year, serviceRevenueFen: parseFen(existing.serviceRevenueFen), status: existing.status }
          : null,
        after: { year, ...input },
        requestId: ctx.requestId,
      });
      return this.toDto(manager, row);
    });
  }

  /** A bureau covering the platform accepts a declaration, or returns it with a note saying why. */
  async decide(
    ctx: RequestContext,
    platformId: string,
    year: number,
    input: DecideRevenueDto,
  ): Promise<RevenueDeclarationResponseDto> {
    if (input.decision === 'RETURN' && !input.note) throw fieldInvalid('note', 'say why the declaration is returned');
    return withTransaction(this.dataSource, async (manager) => {
      const platform = await platformInJurisdiction(this.standing, manager, ctx.actor, platformId);
      await lockPlatformSubsidies(manager, platformId);
      const row = await manager.findOneBy(RevenueDeclaration, { platformId, year });
      if (!row) throw new NotFoundError('Revenue declaration');
      const target = input.decision === 'ACCEPT' ? 'ACCEPTED' : 'RETURNED';
      if (row.status !== 'DECLARED') throw new InvalidStateTransitionError('Revenue declaration', row.status, target);
      row.status = target;
      row.decidedByOrgId = ctx.actor.orgId;
      row.decidedAt = this.clock.now();
      row.decisionNote = input.note ?? null;
      await manager.save(row);
      const dto = await this.toDto(manager, row);
      await this.audit.record(manager, {
        actor: { userId: ctx.actor.userId, orgId: ctx.actor.orgId },
        action: input.decision === 'ACCEPT' ? 'platform.revenue_accepted' : 'platform.revenue_returned',
        entityType: 'platform',
        entityId: platformId,
        subjectOrgId: platform.operatorOrgId,
        before: { year, status: 'DECLARED' },
        after: { year, status: target, note: row.decisionNote, flags: dto.flags },
        requestId: ctx.requestId,
      });
      return dto;
    });
  }

  /** Every declared year, latest first, beside the marketplace's figure: the operator and bureaus in jurisdiction. */
  async list(actor: Actor, platformId: string, page: PageQueryDto): Promise<Page<RevenueDeclarationResponseDto>> {
    const manager = this.dataSource.manager;
    await visiblePlatform(this.standing, manager, actor, platformId);
    const [rows, total] = await manager.findAndCount(RevenueDeclaration, {
      where: { platformId },
      order: { year: 'DESC' },
      skip: page.offset,
      take: page.limit,
    });
    return toPage(await Promise.all(rows.map((row) => this.toDto(manager, row))), total, page);
  }

  /** The figure an assessment of the year uses: the accepted declaration, else the marketplace's. */
  async revenueFor(manager: EntityManager, platformId: string, year: number) {
    const row = await manager.findOneBy(RevenueDeclaration, { platformId, year });
    const marketplaceRevenueFen = await this.marketplaceRevenue(manager, platformId, year);
    if (row?.status !== 'ACCEPTED') {
      return {
        serviceRevenueFen: marketplaceRevenueFen,
        marketplaceRevenueFen,
        source: 'MARKETPLACE' as const,
        flags: [],
      };
    }
    const dto = await this.toDto(manager, row, marketplaceRevenueFen);
    return {
      serviceRevenueFen: dto.serviceRevenueFen,
      marketplaceRevenueFen,
      source: 'DECLARED' as const,
      flags: dto.flags,
    };
  }

  private async marketplaceRevenue(manager: EntityManager, platformId: string, year: number): Promise<number> {
    const indicators = await this.indicators.forPlatforms([platformId], year, manager);
    return indicators.get(platformId)?.serviceRevenueFen ?? 0;
  }

  private async toDto(
    manager: EntityManager,
    row: RevenueDeclaration,
    marketplace?: number,
  ): Promise<RevenueDeclarationResponseDto> {
    const marketplaceRevenueFen = marketplace ?? (await this.marketplaceRevenue(manager, row.platformId, row.year));
    const history = await manager.query<{ service_revenue_fen: string }[]>(
      `SELECT service_revenue_fen FROM platform_revenue_declarations
        WHERE platform_id = $1 AND year <> $2 AND status = 'ACCEPTED'`,
      [row.platformId, row.year],
    );
    const serviceRevenueFen = parseFen(row.serviceRevenueFen);
    return {
      platformId: row.platformId,
      year: row.year,
      serviceRevenueFen,
      marketplaceRevenueFen,
      evidence: row.evidence,
      status: row.status,
      flags: revenueDeclarationFlags(
        serviceRevenueFen,
        marketplaceRevenueFen,
        history.map((h) => parseFen(h.service_revenue_fen)),
      ),
      declaredAt: row.declaredAt,
      decidedAt: row.decidedAt,
      decisionNote: row.decisionNote,
    };
  }
}
