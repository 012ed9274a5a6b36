import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  assertTransition,
  Clock,
  NotFoundError,
  Page,
  PageQueryDto,
  toPage,
  definedOnly,
  validationFailed,
} from '@pilotlink/core';
import { withTransaction } from '@pilotlink/database';
import { Actor, RequestContext } from '@pilotlink/core';
import { DataSource, EntityManager, In } from 'typeorm';
import { CatalogueChanges } from '../catalogue-changes.service';
import { canViewPlatform, operatesPlatform, seesWholeCatalogue } from '../access/platform-access';
import { SERVICE_TRANSITIONS, ServiceStatus } from '@pilotlink/core';
import { PilotService } from '../domain/pilot-service.entity';
import { Platform } from '../domain/platform.entity';
import { CreateServiceDto, UpdateServiceDto } from '../dto/service.request.dto';
import { assertEditable, PlatformsService } from '../platforms/platforms.service';

/** The pricing fields of a service, checked together (mirrors the services_pricing_check constraint). */
type Pricing = Pick<CreateServiceDto, 'pricingKind' | 'priceFen' | 'unitName'>;

export function pricingProblems({ pricingKind, priceFen, unitName }: Pricing): { field: string; errors: string[] }[] {
  const problems: { field: string; errors: string[] }[] = [];
  const hasPrice = priceFen !== undefined && priceFen !== null;
  const hasUnit = unitName !== undefined && unitName !== null;
  if (pricingKind === 'QUOTE' && hasPrice)
    problems.push({ field: 'priceFen', errors: ['a QUOTE service has no price'] });
  if (pricingKind !== 'QUOTE' && !hasPrice)
    problems.push({ field: 'priceFen', errors: [`a ${pricingKind} service needs priceFen`] });
  if (pricingKind === 'UNIT' && !hasUnit)
    problems.push({ field: 'unitName', errors: ['a UNIT service needs unitName'] });
  if (pricingKind !== 'UNIT' && hasUnit)
    problems.push({ field: 'unitName', errors: ['only UNIT services have a unitName'] });
  return problems;
}

function assertPricing(pricing: Pricing): void {
  const problems = pricingProblems(pricing);
  if (problems.length) throw validationFailed(problems);
}

@Injectable()
export class PilotServicesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly platforms: PlatformsService,
    private readonly changes: CatalogueChanges,
    private readonly clock: Clock,
  ) {}

  async create(ctx: RequestContext, platformId: string, input: CreateServiceDto): Promise<PilotService> {
    assertPricing(input);
    return withTransaction(this.dataSource, async (manager) => {
      const platform = await this.platforms.lockForOperator(manager, ctx.actor, platformId);
      assertEditable(platform);
      const service = await manager.save(
        manager.create(PilotService, {
          ...input,
          description: input.description ?? '',
          priceFen: input.priceFen === undefined ? null : String(input.priceFen),
          unitName: input.unitName ?? null,
          voucherEligible: input.voucherEligible ?? false,
          platformId,
          status: 'DRAFT',
        }),
      );
      await this.recordChange(manager, ctx, platform, service, 'service.created', null);
      return service;
    });
  }

  /** A platform's catalogue: the public sees published services of a listed platform; insiders see all. */
  async listForPlatform(actor: Actor | undefined, platformId: string, page: PageQueryDto): Promise<Page<PilotService>> {
    const platform = await this.platforms.get(actor, platformId);
    const statuses: ServiceStatus[] = seesWholeCatalogue(actor, platform)
      ? ['DRAFT', 'PUBLISHED', 'ARCHIVED']
      : ['PUBLISHED'];
    const [items, total] = await this.dataSource.getRepository(PilotService).findAndCount({
      where: { platformId, status: In(statuses) },
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: page.offset,
      take: page.limit,
    });
    return toPage(items, total, page);
  }

  async get(actor: Actor | undefined, id: string): Promise<PilotService> {
    const service = await this.dataSource.getRepository(PilotService).findOneBy({ id });
    const platform = service && (await this.dataSource.getRepository(Platform).findOneBy({ id: service.platformId }));
    if (!service || !platform || !canViewPlatform(actor, platform)) throw new NotFoundError('Service');
    if (service.status !== 'PUBLISHED' && !seesWholeCatalogue(actor, platform)) throw new NotFoundError('Service');
    return service;
  }

  async update(ctx: RequestContext, id: string, patch: UpdateServiceDto): Promise<PilotService> {
    return withTransaction(this.dataSource, async (manager) => {
      const { service, platform } = await this.lockForOperator(manager, ctx.actor, id);
      assertEditable(platform);
      const before = snapshot(service);
      const { priceFen, ...rest } = patch;
      Object.assign(service, definedOnly(rest));
      if (priceFen !== undefined) service.priceFen = String(priceFen);
      // Switching to QUOTE clears the price unless the caller sent one (which is then an error).
      if (patch.pricingKind === 'QUOTE' && priceFen === undefined) service.priceFen = null;
      if (patch.pricingKind && patch.pricingKind !== 'UNIT' && patch.unitName === undefined) service.unitName = null;
      assertPricing({
        pricingKind: service.pricingKind,
        priceFen: service.priceFen === null ? undefined : Number(service.priceFen),
        unitName: service.unitName ?? undefined,
      });
      await manager.save(service);
      await this.recordChange(manager, ctx, platform, service, 'service.updated', before);
      return service;
    });
  }

  async transition(ctx: RequestContext, id: string, to: ServiceStatus): Promise<PilotService> {
    return withTransaction(this.dataSource, async (manager) => {
      const { service, platform } = await this.lockForOperator(manager, ctx.actor, id);
      assertEditable(platform);
      assertTransition('Service', SERVICE_TRANSITIONS, service.status, to);
      const before = snapshot(service);
      service.status = to;
      if (to === 'PUBLISHED') service.publishedAt = this.clock.now();
      await manager.save(service);
      await this.recordChange(manager, ctx, platform, service, `service.${to.toLowerCase()}`, before);
      return service;
    });
  }

  private async lockForOperator(manager: EntityManager, actor: Actor, id: string) {
    const service = await manager.findOne(PilotService, { where: { id }, lock: { mode: 'pessimistic_write' } });
    const platform = service && (await manager.findOneBy(Platform, { id: service.platformId }));
    if (!service || !platform || !operatesPlatform(actor, platform)) throw new NotFoundError('Service');
    return { service, platform };
  }

  private recordChange(
    manager: EntityManager,
    ctx: RequestContext,
    platform: Platform,
    service: PilotService,
    action: string,
    before: Record<string, unknown> | null,
  ): Promise<void> {
    return this.changes.record(manager, ctx, {
      action,
      entityType: 'service',
      entityId: service.id,
      operatorOrgId: platform.operatorOrgId,
      before,
      after: snapshot(service),
      indexAs: 'service',
    });
  }
}

function snapshot(service: PilotService): Record<string, unknown> {
  const { createdAt: _c, updatedAt: _u, ...fields } = service;
  return { ...fields };
}
