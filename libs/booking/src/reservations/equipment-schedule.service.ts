import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@pilotlink/audit';
import { EquipmentBookings, operatesPlatform, seesWholeCatalogue } from '@pilotlink/catalogue';
import type { BookableEquipment, PlatformSummary } from '@pilotlink/catalogue';
import {
  Clock,
  DomainError,
  NotFoundError,
  Page,
  PageQueryDto,
  fieldInvalid,
  toPage,
  validationFailed,
} from '@pilotlink/core';
import { withTransaction } from '@pilotlink/database';
import type { Actor, RequestContext } from '@pilotlink/core';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  Interval,
  OpeningHours,
  freeIntervals,
  isOnSlot,
  openMinutes,
  openingHoursProblems,
} from '../domain/availability';
import { SCHEDULED_RESERVATION_STATUSES } from '../domain/reservation';
import { Utilisation, utilisation } from '../domain/reservation-rules';
import { BookingRulesDto, CreateBlockDto, TimeRangeQueryDto } from './dto/reservation.request.dto';
import { EquipmentBlock } from './equipment-block.entity';
import {
  activeReservationsOverlapping,
  openingHoursOf,
  parseRange,
  parseSpan,
  readSchedule,
  visibleEquipment,
} from './equipment-schedule';
import { Reservation } from './reservation.entity';

/** Availability is asked for a month at most; utilisation for a year. */
const MAX_AVAILABILITY_DAYS = 31;
const MAX_UTILISATION_DAYS = 366;
const MAX_BLOCK_DAYS = 92;

export interface Availability {
  equipment: BookableEquipment;
  from: number;
  to: number;
  free: Interval[];
}

export interface EquipmentUtilisation extends Utilisation {
  reservations: number;
  openHours: number;
  utilisationRateBp: number;
}

/** An instrument's bookable time: opening hours and policy, availability, maintenance blocks, utilisation. */
@Injectable()
export class EquipmentScheduleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly equipment: EquipmentBookings,
  ) {}

  async rules(actor: Actor | undefined, equipmentId: string): Promise<BookableEquipment> {
    return (await visibleEquipment(this.equipment, this.dataSource.manager, actor, equipmentId)).equipment;
  }

  /** Operator: replace the opening hours and the cancellation / no-show policy. Existing reservations stand. */
  async setRules(ctx: RequestContext, equipmentId: string, input: BookingRulesDto): Promise<BookableEquipment> {
    const problems = openingHoursProblems(input.openingHours);
    if (problems.length > 0) throw validationFailed(problems);
    return withTransaction(this.dataSource, async (manager) => {
      const { equipment, platform } = await this.lockForOperator(manager, ctx.actor, equipmentId);
      const updated: BookableEquipment = {
        ...equipment,
        openingHours: input.openingHours as OpeningHours,
        freeCancellationHours: input.freeCancellationHours,
        lateCancellationFeeBp: input.lateCancellationFeeBp,
        noShowFeeBp: input.noShowFeeBp,
      };
      await this.equipment.setRules(manager, equipment.id, this.rulesOf(updated));
      await this.record(manager, ctx, 'equipment.booking_rules_updated', 'equipment', equipment.id, platform, {
        before: this.rulesOf(equipment),
        after: this.rulesOf(updated),
      });
      return updated;
    });
  }

  /** Free time in [from, to): the same computation that accepts or refuses a reservation. */
  async availability(actor: Actor | undefined, equipmentId: string, query: TimeRangeQueryDto): Promise<Availability> {
    const { from, to } = parseRange(query, MAX_AVAILABILITY_DAYS);
    const manager = this.dataSource.manager;
    const { equipment } = await visibleEquipment(this.equipment, manager, actor, equipmentId);
    if (equipment.status !== 'ACTIVE') return { equipment, from, to, free: [] };
    const schedule = await readSchedule(manager, equipment, from, to, this.clock.now());
    return { equipment, from, to, free: freeIntervals(schedule, from, to) };
  }

  /**
   * Operator: take the instrument out of service for a time. Refused (409 SLOT_TAKEN, with the
   * reservations in the way) while active reservations overlap it: the exclusion constraint cannot
   * span two tables, so the equipment row is locked FOR UPDATE here and FOR SHARE by every booking —
   * a block and a reservation for the same time cannot both commit.
   */
  async createBlock(ctx: RequestContext, equipmentId: string, input: CreateBlockDto): Promise<EquipmentBlock> {
    const { start, end } = parseSpan(input, MAX_BLOCK_DAYS);
    if (!isOnSlot(start)) throw fieldInvalid('startsAt', 'startsAt must be on a quarter hour');
    if (!isOnSlot(end)) throw fieldInvalid('endsAt', 'endsAt must be on a quarter hour');
    return withTransaction(this.dataSource, async (manager) => {
      const { equipment, platform } = await this.lockForOperator(manager, ctx.actor, equipmentId);
      const inTheWay = await activeReservationsOverlapping(manager, equipment.id, start, end)
        .orderBy('r.starts_at')
        .getMany();
      if (inTheWay.length > 0) {
        throw new DomainError('SLOT_TAKEN', 'Active reservations overlap that time: cancel or move them first', {
          fields: ['startsAt', 'endsAt'],
          reservationIds: inTheWay.map((r) => r.id),
        });
      }
      const block = await manager.save(
        manager.create(EquipmentBlock, {
          equipmentId: equipment.id,
          startsAt: new Date(start),
          endsAt: new Date(end),
          reason: input.reason,
          createdBy: ctx.actor.userId,
        }),
      );
      await this.record(manager, ctx, 'equipment.block_created', 'equipment_block', block.id, platform, {
        after: { ...block },
      });
      return block;
    });
  }

  /** Operator and supervisors: the instrument's blocks, soonest first, from `from` on (default: now). */
  async listBlocks(actor: Actor, equipmentId: string, page: PageQueryDto): Promise<Page<EquipmentBlock>> {
    await this.forOperatorOrSupervisor(actor, equipmentId);
    const [items, total] = await this.dataSource
      .getRepository(EquipmentBlock)
      .createQueryBuilder('b')
      .where('b.equipment_id = :id', { id: equipmentId })
      .andWhere('b.ends_at > :now', { now: this.clock.now() })
      .orderBy('b.starts_at', 'ASC')
      .addOrderBy('b.id', 'ASC')
      .skip(page.offset)
      .take(page.limit)
      .getManyAndCount();
    return toPage(items, total, page);
  }

  async deleteBlock(ctx: RequestContext, equipmentId: string, blockId: string): Promise<void> {
    await withTransaction(this.dataSource, async (manager) => {
      const { platform } = await this.lockForOperator(manager, ctx.actor, equipmentId);
      const block = await manager.findOneBy(EquipmentBlock, { id: blockId, equipmentId });
      if (!block) throw new NotFoundError('Block');
      await manager.delete(EquipmentBlock, { id: block.id });
      await this.record(manager, ctx, 'equipment.block_deleted', 'equipment_block', block.id, platform, {
        before: { ...block },
      });
    });
  }

  /**
   * Operator or a bureau over its region: reservations starting in [from, to) — scheduled vs actual
   * hours, the sharing rate (external = booked by an org other than the platform's operator) and
   * the utilisation of the opening hours.
   */
  async utilisation(actor: Actor, equipmentId: string, query: TimeRangeQueryDto): Promise<EquipmentUtilisation> {
    const { from, to } = parseRange(query, MAX_UTILISATION_DAYS);
    const { equipment, platform } = await this.forOperatorOrSupervisor(actor, equipmentId);
    const rows = await this.dataSource
      .getRepository(Reservation)
      .createQueryBuilder('r')
      .where('r.equipment_id = :id', { id: equipment.id })
      .andWhere({ status: In([...SCHEDULED_RESERVATION_STATUSES]) })
      .andWhere('r.starts_at >= :from AND r.starts_at < :to', { from: new Date(from), to: new Date(to) })
      .getMany();
    const result = utilisation(
      rows.map((r) => ({
        scheduledMinutes: (r.endsAt.getTime() - r.startsAt.getTime()) / 60_000,
        actualMinutes: r.actualMinutes,
        external: r.bookerOrgId !== platform.operatorOrgId,
      })),
    );
    const open = openMinutes(openingHoursOf(equipment), from, to);
    const usedMinutes = Math.round(result.usedHours * 60);
    return {
      ...result,
      reservations: rows.length,
      openHours: open / 60,
      utilisationRateBp: open === 0 ? 0 : Math.floor((usedMinutes * 10_000) / open),
    };
  }

  private async lockForOperator(manager: EntityManager, actor: Actor, equipmentId: string) {
    const found = await this.equipment.withPlatform(manager, equipmentId, 'pessimistic_write');
    if (!found || !operatesPlatform(actor, found.platform)) throw new NotFoundError('Equipment');
    return found;
  }

  private async forOperatorOrSupervisor(actor: Actor, equipmentId: string) {
    const found = await this.equipment.withPlatform(this.dataSource.manager, equipmentId);
    if (!found || !seesWholeCatalogue(actor, found.platform)) throw new NotFoundError('Equipment');
    return found;
  }

  private rulesOf(e: BookableEquipment) {
    return {
      openingHours: e.openingHours,
      freeCancellationHours: e.freeCancellationHours,
      lateCancellationFeeBp: e.lateCancellationFeeBp,
      noShowFeeBp: e.noShowFeeBp,
    };
  }

  private record(
    manager: EntityManager,
    ctx: RequestContext,
    action: string,
    entityType: string,
    entityId: string,
    platform: PlatformSummary,
    change: { before?: Record<string, unknown>; after?: Record<string, unknown> },
  ): Promise<void> {
    return this.audit.record(manager, {
      actor: { userId: ctx.actor.userId, orgId: ctx.actor.orgId },
      action,
      entityType,
      entityId,
      subjectOrgId: platform.operatorOrgId,
      before: change.before ?? null,
      after: change.after ?? null,
      requestId: ctx.requestId,
    });
  }
}
