import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@pilotlink/audit';
import { EquipmentBookings, operatesPlatform, PlatformDirectory } from '@pilotlink/catalogue';
import type { BookableEquipment, PlatformSummary } from '@pilotlink/catalogue';
import { assertTransition, Clock, DomainError, NotFoundError, Page, parseFen, toPage } from '@pilotlink/core';
import { exclusionViolation, withTransaction } from '@pilotlink/database';
import type { Actor, RequestContext } from '@pilotlink/core';
import { DataSource, EntityManager } from 'typeorm';
import { planOrderAction } from '../domain/order';
import { CHECK_IN_OPENS_BEFORE_MS, RESERVATION_TRANSITIONS, ReservationStatus } from '../domain/reservation';
import { cancellationFeeFen, noShowFeeFen, reservationPriceFen } from '../domain/reservation-rules';
import { OrderChanges } from '../orders/order-changes.service';
import { lockForParty } from '../orders/order-access';
import { OrderRecords } from '../orders/order-records.service';
import { CompleteReservationDto, CreateReservationDto, ReservationListQueryDto } from './dto/reservation.request.dto';
import { assertReservable, parseSpan, readSchedule, visibleEquipment } from './equipment-schedule';
import { Reservation } from './reservation.entity';

const MAX_RESERVATION_DAYS = 7;

type Side = 'BOOKER' | 'PLATFORM';

/**
 * Reservations of instruments (SPEC §3): booked by the same check that computes availability, with
 * the database's exclusion constraint as the last word on overlaps; cancelled with the platform's
 * fee rules; checked in, completed (actual minutes) or marked no-show by the platform. A paid
 * reservation is an order line, and its order follows it (ACCEPTED on booking, CANCELLED with it).
 */
@Injectable()
export class ReservationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly orders: OrderRecords,
    private readonly orderChanges: OrderChanges,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly equipment: EquipmentBookings,
    private readonly platforms: PlatformDirectory,
  ) {}

  /**
   * A verified SME or another platform's org books a slot; the platform's own operator org may book
   * too, which records internal use (no price, no order; counted as not shared in utilisation).
   * Bookings of one instrument queue on its row (FOR NO KEY UPDATE; a maintenance block's FOR UPDATE
   * waits for them too). They had run side by side under FOR SHARE, leaving the exclusion constraint to
   * decide; but two inserts of overlapping ranges then wait on each other's transaction, and PostgreSQL
   * broke those deadlocks after a second — often enough under 50 racing requests that the retries ran
   * out (a 500). Queued, each booking's check sees the ones before it committed: a lost race is a plain
   * 409 SLOT_TAKEN. The constraint stays the final guard (and the row lock does not wait for the
   * key-share locks that inserting reservations take through their foreign key).
   */
  async create(ctx: RequestContext, equipmentId: string, input: CreateReservationDto): Promise<Reservation> {
    const { start, end } = parseSpan(input, MAX_RESERVATION_DAYS);
    return withTransaction(this.dataSource, async (manager) => {
      const { equipment, platform } = await visibleEquipment(
        this.equipment,
        manager,
        ctx.actor,
        equipmentId,
        'for_no_key_update',
      );
      if (equipment.status !== 'ACTIVE') throw new NotFoundError('Equipment');
      const now = this.clock.now();
      assertReservable(await readSchedule(manager, equipment, start, end, now), start, end);

      const internal = operatesPlatform(ctx.actor, platform);
      const priceFen = internal
        ? 0
        : reservationPriceFen(parseFen(equipment.hourlyRateFen), new Date(start), new Date(end));
      const reservation = await this.insert(manager, {
        equipmentId: equipment.id,
        platformId: platform.id,
        bookerOrgId: ctx.actor.orgId,
        bookedBy: ctx.actor.userId,
        startsAt: new Date(start),
        endsAt: new Date(end),
        status: 'CONFIRMED',
        internal,
        priceFen: String(priceFen),
        purpose: input.purpose ?? '',
      });
      // orders.agreed_amount_fen must be positive: internal use and free instruments have no order line.
      if (priceFen > 0) {
        const order = await this.orders.createFromReservation(manager, {
          smeOrgId: ctx.actor.orgId,
          platformId: platform.id,
          platformOrgId: platform.operatorOrgId,
          agreedAmountFen: priceFen,
          requestNote: this.orderNote(equipment, reservation),
        });
        reservation.orderId = order.id;
        await manager.update(Reservation, { id: reservation.id }, { orderId: order.id });
        await this.orderChanges.record(manager, ctx, order, {
          action: 'order.reserved',
          from: 'REQUESTED',
          details: { reservationId: reservation.id },
        });
      }
      await this.record(manager, ctx, reservation, 'reservation.created', null);
      return reservation;
    });
  }

  /** The operator sees all of its instrument's reservations; anyone else only its own. */
  async list(actor: Actor, equipmentId: string, query: ReservationListQueryDto): Promise<Page<Reservation>> {
    const { platform } = await visibleEquipment(this.equipment, this.dataSource.manager, actor, equipmentId);
    const qb = this.dataSource
      .getRepository(Reservation)
      .createQueryBuilder('r')
      .where('r.equipment_id = :equipmentId', { equipmentId });
    if (!operatesPlatform(actor, platform) && actor.orgKind !== 'ADMIN') {
      qb.andWhere('r.booker_org_id = :org', { org: actor.orgId });
    }
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    const [items, total] = await qb
      .orderBy('r.starts_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .skip(query.offset)
      .take(query.limit)
      .getManyAndCount();
    return toPage(items, total, query);
  }

  async get(actor: Actor, id: string): Promise<Reservation> {
    const reservation = await this.dataSource.manager.findOneBy(Reservation, { id });
    const platform = reservation && (await this.platforms.ofIds([reservation.platformId])).get(reservation.platformId);
    if (!reservation || !platform || (!this.sideOf(actor, reservation, platform) && actor.orgKind !== 'ADMIN')) {
      throw new NotFoundError('Reservation');
    }
    return reservation;
  }

  /**
   * Before the start. By the booker: free until the policy's N hours before, then the late fee. By
   * the platform (e.g. a breakdown): no fee. The order is cancelled with it.
   */
  async cancel(ctx: RequestContext, id: string): Promise<Reservation> {
    return withTransaction(this.dataSource, async (manager) => {
      const { reservation, equipment, side } = await this.lockForSide(manager, ctx.actor, id);
      const now = this.clock.now();
      this.assertMove(reservation, 'CANCELLED');
      if (side === 'BOOKER' && now >= reservation.startsAt) {
        throw new DomainError('CONFLICT', 'The reservation has started: it can no longer be cancelled', {
          currentState: reservation.status,
          startsAt: reservation.startsAt,
        });
      }
      const before = { ...reservation };
      const fee =
        side === 'BOOKER' && !reservation.internal
          ? cancellationFeeFen(equipment, parseFen(reservation.priceFen), reservation.startsAt, now)
          : 0;
      reservation.status = 'CANCELLED';
      reservation.cancelledAt = now;
      reservation.feeFen = String(fee);
      await manager.save(reservation);
      await this.cancelOrder(manager, ctx, reservation, 'cancelled');
      await this.record(manager, ctx, reservation, 'reservation.cancelled', before);
      return reservation;
    });
  }

  /** Platform: the booker arrived — from an hour before the start until the end. */
  async checkIn(ctx: RequestContext, id: string): Promise<Reservation> {
    return withTransaction(this.dataSource, async (manager) => {
      const { reservation } = await this.lockForPlatform(manager, ctx.actor, id, 'check in');
      this.assertMove(reservation, 'CHECKED_IN');
      const now = this.clock.now();
      if (now.getTime() < reservation.startsAt.getTime() - CHECK_IN_OPENS_BEFORE_MS || now >= reservation.endsAt) {
        throw new DomainError('CONFLICT', 'Check-in opens an hour before the start and closes at the end', {
          currentState: reservation.status,
          startsAt: reservation.startsAt,
          endsAt: reservation.endsAt,
        });
      }
      const before = { ...reservation };
      reservation.status = 'CHECKED_IN';
      reservation.checkedInAt = now;
      await manager.save(reservation);
      await this.record(manager, ctx, reservation, 'reservation.checked_in', before);
      return reservation;
    });
  }

  /** Platform: the use is over; actual minutes as stated, or the time since check-in. */
  async complete(ctx: RequestContext, id: string, input: CompleteReservationDto): Promise<Reservation> {
    return withTransaction(this.dataSource, async (manager) => {
      const { reservation } = await this.lockForPlatform(manager, ctx.actor, id, 'complete');
      this.assertMove(reservation, 'COMPLETED');
      const now = this.clock.now();
      const before = { ...reservation };
      reservation.status = 'COMPLETED';
      reservation.completedAt = now;
      reservation.actualMinutes =
        input.actualMinutes ??
        Math.max(0, Math.ceil((now.getTime() - (reservation.checkedInAt ?? now).getTime()) / 60_000));
      await manager.save(reservation);
      await this.record(manager, ctx, reservation, 'reservation.completed', before);
      return reservation;
    });
  }

  /** Platform, once the start has passed without the booker: the no-show fee applies; the rest of the slot frees up. */
  async noShow(ctx: RequestContext, id: string): Promise<Reservation> {
    return withTransaction(this.dataSource, async (manager) => {
      const { reservation, equipment } = await this.lockForPlatform(manager, ctx.actor, id, 'mark a no-show');
      this.assertMove(reservation, 'NO_SHOW');
      const now = this.clock.now();
      if (now < reservation.startsAt) {
        throw new DomainError('CONFLICT', 'A no-show can be marked only after the start', {
          currentState: reservation.status,
          startsAt: reservation.startsAt,
        });
      }
      const before = { ...reservation };
      reservation.status = 'NO_SHOW';
      reservation.actualMinutes = 0;
      reservation.feeFen = String(reservation.internal ? 0 : noShowFeeFen(equipment, parseFen(reservation.priceFen)));
      await manager.save(reservation);
      await this.cancelOrder(manager, ctx, reservation, 'no-show');
      await this.record(manager, ctx, reservation, 'reservation.no_show', before);
      return reservation;
    });
  }

  private async insert(manager: EntityManager, fields: Partial<Reservation>): Promise<Reservation> {
    try {
      return await manager.save(manager.create(Reservation, fields));
    } catch (error) {
      if (exclusionViolation(error) === 'reservations_no_overlap') {
        throw new DomainError('SLOT_TAKEN', 'That time was reserved a moment ago', {
          fields: ['startsAt', 'endsAt'],
          startsAt: fields.startsAt?.toISOString(),
          endsAt: fields.endsAt?.toISOString(),
        });
      }
      throw error;
    }
  }

  /**
   * The reservation's order goes with it, by the order transition table, cancelled by the caller's
   * party (the booker is the order's SME): a 409 from the table if the order has moved past that.
   */
  private async cancelOrder(
    manager: EntityManager,
    ctx: RequestContext,
    reservation: Reservation,
    why: string,
  ): Promise<void> {
    if (!reservation.orderId) return;
    const { order, party } = await lockForParty(manager, ctx.actor, reservation.orderId);
    const from = order.status;
    order.status = planOrderAction('cancel', from, party);
    await manager.save(order);
    await this.orderChanges.record(manager, ctx, order, {
      action: 'order.cancel',
      from,
      note: `Equipment reservation ${why}`,
      details: { reservationId: reservation.id, feeFen: parseFen(reservation.feeFen) },
    });
  }

  private assertMove(reservation: Reservation, to: ReservationStatus): void {
    assertTransition('Reservation', RESERVATION_TRANSITIONS, reservation.status, to);
  }

  private sideOf(actor: Actor, reservation: Reservation, platform: PlatformSummary): Side | null {
    // Internal use: the operator is both; it acts as the platform.
    if (operatesPlatform(actor, platform)) return 'PLATFORM';
    if (actor.orgId === reservation.bookerOrgId) return 'BOOKER';
    return null;
  }

  /**
   * The reservation locked for a change (the row lock serialises racing actions: the second sees the
   * first's result), with the caller's side. Anyone else gets 404.
   */
  private async lockForSide(manager: EntityManager, actor: Actor, id: string) {
    const reservation = await manager.findOne(Reservation, { where: { id }, lock: { mode: 'pessimistic_write' } });
    // The instrument's platform is the reservation's: it was booked from it.
    const found = reservation && (await this.equipment.withPlatform(manager, reservation.equipmentId));
    const side = reservation && found ? this.sideOf(actor, reservation, found.platform) : null;
    if (!reservation || !found || !side) throw new NotFoundError('Reservation');
    return { reservation, platform: found.platform, equipment: found.equipment, side };
  }

  private async lockForPlatform(manager: EntityManager, actor: Actor, id: string, what: string) {
    const found = await this.lockForSide(manager, actor, id);
    if (found.side !== 'PLATFORM') throw new DomainError('FORBIDDEN', `Only the platform may ${what}`);
    return found;
  }

  private orderNote(equipment: BookableEquipment, reservation: Reservation): string {
    return `仪器预约 ${equipment.name}: ${reservation.startsAt.toISOString()} – ${reservation.endsAt.toISOString()}`;
  }

  private async record(
    manager: EntityManager,
    ctx: RequestContext,
    reservation: Reservation,
    action: string,
    before: Record<string, unknown> | null,
  ): Promise<void> {
    await this.audit.record(manager, {
      actor: { userId: ctx.actor.userId, orgId: ctx.actor.orgId },
      action,
      entityType: 'reservation',
      entityId: reservation.id,
      // Internal use is booked by the operator org itself, so the booker is always the subject.
      subjectOrgId: reservation.bookerOrgId,
      before,
      after: { ...reservation },
      requestId: ctx.requestId,
    });
  }
}
