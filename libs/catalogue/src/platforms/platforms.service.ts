import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  assertTransition,
  Clock,
  definedOnly,
  DomainError,
  FileStore,
  NotFoundError,
  Page,
  toPage,
} from '@pilotlink/core';
import { withTransaction } from '@pilotlink/database';
import { jurisdictionPrefix } from '@pilotlink/identity';
import { Actor, RequestContext } from '@pilotlink/core';
import { DataSource, EntityManager } from 'typeorm';
import { CatalogueChanges } from '../catalogue-changes.service';
import { canViewPlatform, operatesPlatform, supervisesPlatform } from '../access/platform-access';
import { PLATFORM_TRANSITIONS, PlatformStatus } from '@pilotlink/core';
import { PlatformQualification } from '../domain/platform-qualification.entity';
import { Platform } from '../domain/platform.entity';
import {
  CreatePlatformDto,
  PlatformListQueryDto,
  QualificationDto,
  UpdatePlatformDto,
} from '../dto/platform.request.dto';

/**
 * Who moves a platform into each state: the operator submits; a supervising bureau decides the rest
 * (back to DRAFT only from PENDING_REVIEW: a rejected submission, its reason kept in statusReason).
 */
const SUPERVISOR_MOVES: ReadonlySet<PlatformStatus> = new Set(['LISTED', 'SUSPENDED', 'DELISTED', 'DRAFT']);

@Injectable()
export class PlatformsService {
  private readonly logger = new Logger(PlatformsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changes: CatalogueChanges,
    private readonly clock: Clock,
    private readonly files: FileStore,
  ) {}

  async create(ctx: RequestContext, input: CreatePlatformDto): Promise<Platform> {
    return withTransaction(this.dataSource, async (manager) => {
      const { qualifications, ...fields } = input;
      const platform = await manager.save(
        manager.create(Platform, { ...fields, operatorOrgId: ctx.actor.orgId, status: 'DRAFT' }),
      );
      await this.replaceQualifications(manager, platform.id, qualifications ?? []);
      await this.recordChange(manager, ctx, platform, 'platform.created', null);
      return this.reload(manager, platform.id);
    });
  }

  /**
   * The public directory lists LISTED platforms. An operator asking for `mine` sees its own in every
   * status; a bureau (or admin) filtering by status sees the platforms in its jurisdiction.
   */
  async list(actor: Actor | undefined, query: PlatformListQueryDto): Promise<Page<Platform>> {
    const qb = this.dataSource
      .getRepository(Platform)
      .createQueryBuilder('p')
      .leftJoinAndSelect('p.qualifications', 'q');
    if (query.mine) {
      qb.where('p.operator_org_id = :org', { org: actor?.orgId ?? '00000000-0000-0000-0000-000000000000' });
      if (query.status) qb.andWhere('p.status = :status', { status: query.status });
    } else if (query.status && actor && (actor.orgKind === 'BUREAU' || actor.orgKind === 'ADMIN')) {
      qb.where('p.status = :status', { status: query.status });
      if (actor.orgKind === 'BUREAU') {
        qb.andWhere('p.region_code LIKE :jurisdiction', { jurisdiction: `${jurisdictionPrefix(actor.regionCode)}%` });
      }
    } else {
      qb.where(`p.status = 'LISTED'`);
    }
    if (query.region) qb.andWhere('p.region_code LIKE :region', { region: `${jurisdictionPrefix(query.region)}%` });
    if (query.type) qb.andWhere('p.type = :type', { type: query.type });
    const [items, total] = await qb
      // Entity property names here: with a joined collection plus skip/take TypeORM needs them.
      .orderBy('p.createdAt', 'DESC')
      .addOrderBy('p.id')
      .skip(query.offset)
      .take(query.limit)
      .getManyAndCount();
    return toPage(items, total, query);
  }

  async get(actor: Actor | undefined, id: string): Promise<Platform> {
    const platform = await this.reload(this.dataSource.manager, id).catch(() => null);
    if (!platform || !canViewPlatform(actor, platform)) throw new NotFoundError('Platform');
    return platform;
  }

  async update(ctx: RequestContext, id: string, patch: UpdatePlatformDto): Promise<Platform> {
    let droppedScans: string[] = [];
    const updated = await withTransaction(this.dataSource, async (manager) => {
      const platform = await this.lockForOperator(manager, ctx.actor, id);
      assertEditable(platform);
      const before = snapshot(platform);
      const { qualifications, ...fields } = patch;
      Object.assign(platform, definedOnly(fields));
      await manager.save(platform);
      droppedScans = qualifications ? await this.replaceQualifications(manager, platform.id, qualifications) : [];
      await this.recordChange(manager, ctx, platform, 'platform.updated', before);
      return this.reload(manager, platform.id);
    });
    // The scans of qualifications taken off the list belong to nothing once that has committed.
    for (const key of droppedScans) {
      await this.files.remove(key).catch((err: unknown) => this.logger.warn({ err, key }, 'orphan file left'));
    }
    return updated;
  }

  /** Operator: DRAFT → PENDING_REVIEW. Supervisor: → LISTED | SUSPENDED | DELISTED, or rejected → DRAFT. */
  async transition(
    ctx: RequestContext,
    id: string,
    to: PlatformStatus,
    reason: string | null = null,
  ): Promise<Platform> {
    return withTransaction(this.dataSource, async (manager) => {
      const platform = SUPERVISOR_MOVES.has(to)
        ? await this.lockForSupervisor(manager, ctx.actor, id)
        : await this.lockForOperator(manager, ctx.actor, id);
      assertTransition('Platform', PLATFORM_TRANSITIONS, platform.status, to);
      const before = snapshot(platform);
      platform.status = to;
      platform.statusReason = reason;
      if (to === 'LISTED' && !platform.listedAt) platform.listedAt = this.clock.now();
      await manager.save(platform);
      const action = to === 'DRAFT' ? 'platform.rejected' : `platform.${to.toLowerCase()}`;
      await this.recordChange(manager, ctx, platform, action, before);
      return this.reload(manager, platform.id);
    });
  }

  /** The platform, locked, if the actor operates it; 404 for everyone else (even when it is public). */
  async lockForOperator(manager: EntityManager, actor: Actor, id: string): Promise<Platform> {
    const platform = await manager.findOne(Platform, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!platform || !operatesPlatform(actor, platform)) throw new NotFoundError('Platform');
    return platform;
  }

  private async lockForSupervisor(manager: EntityManager, actor: Actor, id: string): Promise<Platform> {
    const platform = await manager.findOne(Platform, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!platform || !supervisesPlatform(actor, platform)) throw new NotFoundError('Platform');
    return platform;
  }

  private reload(manager: EntityManager, id: string): Promise<Platform> {
    return manager.findOneOrFail(Platform, { where: { id }, relations: { qualifications: true } });
  }

  /**
   * Makes the platform's qualifications the list sent: an item naming one of them by `id` updates it
   * (keeping its certificate scan), one without inserts, and those not named are deleted. Answers the
   * storage keys of the deleted ones' scans, to remove after commit.
   */
  private async replaceQualifications(
    manager: EntityManager,
    platformId: string,
    list: QualificationDto[],
  ): Promise<string[]> {
    const existing = await manager.findBy(PlatformQualification, { platformId });
    const ids = new Set(existing.map((q) => q.id));
    const kept = new Set(list.map((q) => q.id).filter((id): id is string => !!id && ids.has(id)));
    const dropped = existing.filter((q) => !kept.has(q.id));
    if (dropped.length)
      await manager.delete(
        PlatformQualification,
        dropped.map((q) => q.id),
      );
    const updated = new Set<string>();
    for (const { id, ...item } of list) {
      const values = { ...item, accreditedScope: item.accreditedScope ?? '' };
      if (id && kept.has(id) && !updated.has(id)) {
        updated.add(id);
        await manager.update(PlatformQualification, { id, platformId }, values);
      } else {
        await manager.insert(PlatformQualification, { ...values, platformId });
      }
    }
    return dropped.map((q) => q.certificateStorageKey).filter((key): key is string => !!key);
  }

  private recordChange(
    manager: EntityManager,
    ctx: RequestContext,
    platform: Platform,
    action: string,
    before: Record<string, unknown> | null,
  ): Promise<void> {
    return this.changes.record(manager, ctx, {
      action,
      entityType: 'platform',
      entityId: platform.id,
      operatorOrgId: platform.operatorOrgId,
      before,
      after: snapshot(platform),
      indexAs: 'platform',
    });
  }
}

/** A delisted platform is history: kept for orders and audits, no longer edited. */
export function assertEditable(platform: Platform): void {
  if (platform.status === 'DELISTED') {
    throw new DomainError('CONFLICT', 'A delisted platform can no longer be changed', {
      currentState: platform.status,
    });
  }
}

function snapshot(platform: Platform): Record<string, unknown> {
  const { qualifications: _q, createdAt: _c, updatedAt: _u, ...fields } = platform;
  return { ...fields };
}
