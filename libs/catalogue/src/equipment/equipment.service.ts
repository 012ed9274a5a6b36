import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotFoundError, Page, PageQueryDto, toPage, definedOnly } from '@pilotlink/core';
import { withTransaction } from '@pilotlink/database';
import { Actor, RequestContext } from '@pilotlink/core';
import { DataSource, EntityManager, In } from 'typeorm';
import { CatalogueChanges } from '../catalogue-changes.service';
import { canViewPlatform, operatesPlatform, seesWholeCatalogue } from '../access/platform-access';
import { EquipmentStatus } from '@pilotlink/core';
import { Equipment } from '../domain/equipment.entity';
import { Platform } from '../domain/platform.entity';
import { CreateEquipmentDto, UpdateEquipmentDto } from '../dto/equipment.request.dto';
import { assertEditable, PlatformsService } from '../platforms/platforms.service';

/** Shareable instruments (仪器设备共享). Not indexed for search; reservations come with orders. */
@Injectable()
export class EquipmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly platforms: PlatformsService,
    private readonly changes: CatalogueChanges,
  ) {}

  async create(ctx: RequestContext, platformId: string, input: CreateEquipmentDto): Promise<Equipment> {
    return withTransaction(this.dataSource, async (manager) => {
      const platform = await this.platforms.lockForOperator(manager, ctx.actor, platformId);
      assertEditable(platform);
      const equipment = await manager.save(
        manager.create(Equipment, {
          ...input,
          model: input.model ?? null,
          maker: input.maker ?? null,
          keySpecs: input.keySpecs ?? '',
          hourlyRateFen: String(input.hourlyRateFen),
          platformId,
        }),
      );
      await this.recordChange(manager, ctx, platform, equipment, 'equipment.created', null);
      return equipment;
    });
  }

  async listForPlatform(actor: Actor | undefined, platformId: string, page: PageQueryDto): Promise<Page<Equipment>> {
    const platform = await this.platforms.get(actor, platformId);
    const statuses: EquipmentStatus[] = seesWholeCatalogue(actor, platform) ? ['ACTIVE', 'RETIRED'] : ['ACTIVE'];
    const [items, total] = await this.dataSource.getRepository(Equipment).findAndCount({
      where: { platformId, status: In(statuses) },
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: page.offset,
      take: page.limit,
    });
    return toPage(items, total, page);
  }

  async get(actor: Actor | undefined, id: string): Promise<Equipment> {
    const equipment = await this.dataSource.getRepository(Equipment).findOneBy({ id });
    const platform =
      equipment && (await this.dataSource.getRepository(Platform).findOneBy({ id: equipment.platformId }));
    if (!equipment || !platform || !canViewPlatform(actor, platform)) throw new NotFoundError('Equipment');
    if (equipment.status !== 'ACTIVE' && !seesWholeCatalogue(actor, platform)) throw new NotFoundError('Equipment');
    return equipment;
  }

  async update(ctx: RequestContext, id: string, patch: UpdateEquipmentDto): Promise<Equipment> {
    return withTransaction(this.dataSource, async (manager) => {
      const equipment = await manager.findOne(Equipment, { where: { id }, lock: { mode: 'pessimistic_write' } });
      const platform = equipment && (await manager.findOneBy(Platform, { id: equipment.platformId }));
      if (!equipment || !platform || !operatesPlatform(ctx.actor, platform)) throw new NotFoundError('Equipment');
      assertEditable(platform);
      const before = { ...equipment };
      const { hourlyRateFen, ...rest } = patch;
      Object.assign(equipment, definedOnly(rest));
      if (hourlyRateFen !== undefined) equipment.hourlyRateFen = String(hourlyRateFen);
      await manager.save(equipment);
      await this.recordChange(manager, ctx, platform, equipment, 'equipment.updated', before);
      return equipment;
    });
  }

  private recordChange(
    manager: EntityManager,
    ctx: RequestContext,
    platform: Platform,
    equipment: Equipment,
    action: string,
    before: Record<string, unknown> | null,
  ): Promise<void> {
    return this.changes.record(manager, ctx, {
      action,
      entityType: 'equipment',
      entityId: equipment.id,
      operatorOrgId: platform.operatorOrgId,
      before,
      after: { ...equipment },
    });
  }
}
