import { randomUUID } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  lockForParty,
  OrderChange,
  OrderChanges,
  OrderDeductions,
  OrderFacts as BookingOrderFacts,
  paidOn,
  partyOf,
} from '@pilotlink/booking';
import { chinaDate, Clock, DomainError, NotFoundError, parseFen } from '@pilotlink/core';
import { joinSql, querySql, sql, withTransaction } from '@pilotlink/database';
import type { Actor, RequestContext } from '@pilotlink/core';
import { DataSource, EntityManager, In } from 'typeorm';
import { HoldCaps, holdAmount, HoldLimit } from '../domain/caps';
import { IneligibleReason, ineligibleReasons } from '../domain/eligibility';
import { rankOptions, VoucherOption } from '../domain/best-option';
import { voucherStatusFor } from '../domain/voucher-state';
import {
  HoldResponseDto,
  QuoteVoucherOptionsDto,
  VoucherOptionDto,
  VoucherOptionsDto,
} from '../dto/voucher.response.dto';
import { VoucherProgram } from '../entities/voucher-program.entity';
import { Voucher, VoucherHold } from '../entities/voucher.entity';
import { idempotentOutcomeSql } from '../idempotency/idempotency.interceptor';
import { Ledger } from '../ledger/ledger.service';
import { VoucherEvents } from '../voucher-events.service';
import { CapCounters, CapsUsed, capsUsedJson, capsUsedOf, pairKey } from './cap-counters.service';
import { OrderFacts, OrderFactsService, partiesRelated } from './order-facts.service';

const LIMIT_REASON: Record<Exclude<HoldLimit, 'RULE'>, IneligibleReason> = {
  VOUCHER_BALANCE: 'VOUCHER_EMPTY',
  PER_ORDER_CAP: 'PER_ORDER_CAP_REACHED',
  SME_YEAR_CAP: 'SME_YEAR_CAP_REACHED',
  PLATFORM_YEAR_CAP: 'PLATFORM_YEAR_CAP_REACHED',
};

const REASON_MESSAGES: Partial<Record<IneligibleReason, string>> = {
  RELATED_PARTY: 'The SME and the platform are related parties (关联交易): no voucher may be used',
  ORDER_STATE: 'A voucher is applied before the order is completed',
};

const BUYER_NOT_SME_MESSAGE =
  '委托方不是中小企业（科研院所验证成果），不符合任何券种的企业资格条件，不能使用创新券/中试服务券';

/** What a voucher would do for an order: its amount and bound, or why it cannot. */
interface Assessment {
  amountFen: number;
  limitedBy: HoldLimit | null;
  reasons: IneligibleReason[];
}

/**
 * Voucher holds on orders (SPEC §6): what each of the SME's vouchers would pay (options), placing one
 * hold per order, and releasing it — by the SME, when the order is cancelled, when a claim is rejected
 * or when the voucher expires. Money moves VOUCHER ↔ HOLD in the ledger; the caps per SME, platform
 * and pair are counters whose conditional increments settle racing holds.
 */
@Injectable()
export class HoldsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: Ledger,
    private readonly caps: CapCounters,
    private readonly events: VoucherEvents,
    private readonly orderChanges: OrderChanges,
    private readonly clock: Clock,
    private readonly facts: OrderFactsService,
    private readonly orders: BookingOrderFacts,
    private readonly deductions: OrderDeductions,
  ) {}

  /** A cancelled or rejected order gives its voucher hold back, in the same transaction. */
  onModuleInit(): void {
    this.orderChanges.onTransition((manager, order, change) => this.onOrderChange(manager, order, change));
  }

  async options(actor: Actor, orderId: string): Promise<VoucherOptionsDto> {
    const manager = this.dataSource.manager;
    const facts = await this.smeOrder(manager, actor, orderId);
    if (facts.buyerKind !== 'SME') {
      return {
        orderId,
        orderAmountFen: facts.agreedAmountFen,
        currentHold: null,
        options: [],
        buyerIneligible: 'BUYER_NOT_SME',
        buyerIneligibleMessage: BUYER_NOT_SME_MESSAGE,
      };
    }
    const current = await this.liveHold(manager, orderId);
    return {
      orderId,
      orderAmountFen: facts.agreedAmountFen,
      currentHold: current ? toHoldDto(current) : null,
      options: await this.rankedOptions(manager, facts),
    };
  }

  /**
   * The buyer's preview of a quote: what each of its vouchers would pay were the quote accepted at its
   * price, by the same rules and caps as an order's options. Nothing is created or held. Anyone but the
   * demand's SME gets 404.
   */
  async quoteOptions(actor: Actor, quoteId: string): Promise<QuoteVoucherOptionsDto> {
    const manager = this.dataSource.manager;
    const facts = await this.facts.ofQuote(manager, quoteId);
    if (!facts || facts.smeOrgId !== actor.orgId) throw new NotFoundError('Quote');
    const options = await this.rankedOptions(manager, facts);
    const best = options.find((o) => o.best) ?? null;
    return {
      quoteId,
      quoteAmountFen: facts.agreedAmountFen,
      estimatedSubsidyFen: best?.amountFen ?? 0,
      bestProgramName: best?.programName ?? null,
      options,
    };
  }

  /** Each of the SME's vouchers against the order's (or would-be order's) facts, the best first. */
  private async rankedOptions(manager: EntityManager, facts: OrderFacts): Promise<VoucherOptionDto[]> {
    const related = partiesRelated(facts);
    const vouchers = await manager.find(Voucher, {
      where: { smeOrgId: facts.smeOrgId },
      order: { validUntil: 'ASC', id: 'ASC' },
    });
    const programs = await this.programsOf(manager, vouchers);
    const balances = await this.ledger.voucherBalances(
      manager,
      vouchers.map((v) => v.id),
    );
    const usedByProgram = new Map<string, CapsUsed>();
    for (const programId of programs.keys())
      usedByProgram.set(programId, await this.caps.used(manager, programId, facts));
    const assessed = new Map<string, Assessment>();
    const options: VoucherOption[] = [];
    for (const voucher of vouchers) {
      const program = programs.get(voucher.programId)!;
      const available = balances.get(voucher.id)!.availableFen;
      const assessment = this.assess(facts, related, voucher, program, available, usedByProgram.get(program.id)!);
      assessed.set(voucher.id, assessment);
      options.push({
        voucherId: voucher.id,
        programId: program.id,
        amountFen: assessment.amountFen,
        reasons: assessment.reasons,
        validUntil: voucher.validUntil,
      });
    }
    const ranked = rankOptions(options);
    const byId = new Map(vouchers.map((v) => [v.id, v]));
    return ranked.map((option, i) => {
      const voucher = byId.get(option.voucherId)!;
      const program = programs.get(voucher.programId)!;
      return {
        voucherId: voucher.id,
        code: voucher.code,
        programId: program.id,
        programName: program.name,
        redemptionMode: program.redemptionMode,
        amountFen: option.amountFen,
        limitedBy: assessed.get(voucher.id)!.limitedBy,
        reasons: option.reasons,
        validUntil: voucher.validUntil,
        best: i === 0 && option.reasons.length === 0 && option.amountFen > 0,
      };
    });
  }

  /** The SME places one of its vouchers on one of its orders. */
  async place(ctx: RequestContext, orderId: string, voucherId: string): Promise<HoldResponseDto> {
    return withTransaction(this.dataSource, async (manager) => {
      // The order's facts from their owners, with its row lock, in one query.
      const held = await this.facts.forHold(manager, orderId);
      const party = held ? partyOf(ctx.actor, held.order) : null;
      if (!held || !party) throw new NotFoundError('Order');
      if (party !== 'SME') throw new DomainError('FORBIDDEN', 'Only the SME applies its vouchers');
      const facts = await held.facts();
      if (facts.buyerKind !== 'SME') throw new DomainError('BUYER_NOT_SME', BUYER_NOT_SME_MESSAGE);
      const found = await this.lockVoucherForOrder(manager, voucherId, facts);
      if (!found || found.voucher.smeOrgId !== ctx.actor.orgId) throw new NotFoundError('Voucher');
      const { voucher, program, availableFen, used, liveHoldId } = found;
      if (liveHoldId) {
        throw new DomainError('HOLD_EXISTS', 'This order already carries a voucher hold: release it first', {
          holdId: liveHoldId,
        });
      }
      const related = partiesRelated(facts);
      const assessment = this.assess(facts, related, voucher, program, availableFen, used);
      if (assessment.reasons.length) {
        const [reason] = assessment.reasons;
        throw new DomainError(
          reason,
          REASON_MESSAGES[reason] ?? `This voucher cannot be used on this order: ${reason}`,
          {
            reasons: assessment.reasons,
          },
        );
      }
      const amountFen = assessment.amountFen;
      if (program.redemptionMode === 'DEDUCT') await this.assertDeductible(manager, facts, amountFen);
      const answer: HoldResponseDto = {
        id: randomUUID(),
        orderId,
        voucherId: voucher.id,
        programId: program.id,
        amountFen,
        status: 'HELD',
        limitedBy: assessment.limitedBy ?? 'RULE',
      };
      await this.writeHold(manager, ctx, facts, program, answer);
      if (program.redemptionMode === 'DEDUCT') await this.deductions.set(manager, orderId, amountFen);
      return answer;
    });
  }

  /**
   * Everything a placed hold writes, in one statement (one round trip): the hold, its ledger movement
   * (VOUCHER → HOLD), the cap counters, the audit event and outbox row, and the Idempotency-Key's answer.
   * The ledger and the counters decide in the statement itself, under their row locks: a movement that
   * would overdraw, or a racing hold that took the last of a cap, writes nothing of the ledger or of that
   * counter, and the error thrown here rolls the rest back. Many holds share a platform's counter row: the
   * statement comes last, so its lock is held only from here to the commit.
   */
  private async writeHold(
    manager: EntityManager,
    ctx: RequestContext,
    facts: OrderFacts,
    program: VoucherProgram,
    answer: HoldResponseDto,
  ): Promise<void> {
    const { id, orderId, voucherId, amountFen } = answer;
    const movement = this.ledger.transferSql(
      { programId: program.id, kind: 'HOLD', refType: 'voucher_hold', refId: id },
      { kind: 'VOUCHER', voucherId },
      { kind: 'HOLD', voucherId },
      amountFen,
      'ledger',
    );
    const caps = this.caps.takeSql(
      program,
      { smeOrgId: facts.smeOrgId, platformId: facts.platformId },
      amountFen,
      'caps',
    );
    const event = this.events.recordCtes(
      ctx,
      {
        action: 'voucher.hold.placed',
        entityType: 'voucher_hold',
        entityId: id,
        subjectOrgId: facts.smeOrgId,
        notify: [facts.platformOrgId],
        after: { orderId, voucherId, amountFen, redemptionMode: program.redemptionMode },
      },
      'event',
    );
    const outcome = idempotentOutcomeSql(answer);
    const ctes = [
      sql`hold AS (
         INSERT INTO voucher_holds (id, voucher_id, order_id, program_id, sme_org_id, platform_id, amount_fen)
         VALUES (${id}::uuid, ${voucherId}::uuid, ${orderId}::uuid, ${program.id}::uuid, ${facts.smeOrgId}::uuid,
                 ${facts.platformId}::uuid, ${String(amountFen)}::bigint))`,
      movement.ctes,
      ...(caps ? [caps.ctes] : []),
      event,
      ...(outcome ? [sql`idempotency AS (${outcome})`] : []),
    ];
    const results = [movement.result, ...(caps ? [caps.result] : [])];
    const [row] = await querySql<Record<string, unknown>>(
      manager,
      sql`WITH ${joinSql(ctes, ',\n')} SELECT ${joinSql(results, ', ')}`,
    );
    movement.check(row);
    caps?.check(row);
  }

  /** The SME takes its voucher off an order (before a claim is filed on it). */
  async removeBySme(ctx: RequestContext, orderId: string): Promise<HoldResponseDto> {
    return withTransaction(this.dataSource, async (manager) => {
      const { party } = await lockForParty(manager, ctx.actor, orderId);
      if (party !== 'SME') throw new DomainError('FORBIDDEN', 'Only the SME removes its voucher');
      const hold = await this.liveHold(manager, orderId, true);
      if (!hold || hold.status === 'CONVERTED') throw new NotFoundError('Voucher hold');
      if (hold.status === 'CLAIMED') {
        throw new DomainError(
          'CLAIM_EXISTS',
          'A claim is filed on this hold: it is released only if the claim is rejected',
          {
            currentState: hold.status,
          },
        );
      }
      await this.release(manager, ctx, hold, 'REMOVED_BY_SME');
      return toHoldDto(hold);
    });
  }

  /**
   * Gives a live hold back to its voucher: HOLD → VOUCHER, counters down, no deduction on the order.
   * A CONVERTED hold (its claim approved, then an objection upheld during the 公示) gives back its payable:
   * PAYABLE → VOUCHER. A hold on an expired voucher goes on to the program budget (SPEC §6 releases).
   */
  async release(manager: EntityManager, ctx: RequestContext | null, hold: VoucherHold, reason: string): Promise<void> {
    const amountFen = parseFen(hold.amountFen);
    const program = await manager.findOneByOrFail(VoucherProgram, { id: hold.programId });
    await this.ledger.transfer(
      manager,
      { programId: hold.programId, kind: 'RELEASE', refType: 'voucher_hold', refId: hold.id, memo: reason },
      { kind: hold.status === 'CONVERTED' ? 'PAYABLE' : 'HOLD', voucherId: hold.voucherId },
      { kind: 'VOUCHER', voucherId: hold.voucherId },
      amountFen,
    );
    await this.caps.give(manager, program, { smeOrgId: hold.smeOrgId, platformId: hold.platformId }, amountFen);
    Object.assign(hold, { status: 'RELEASED', releaseReason: reason, releasedAt: this.clock.now() });
    await manager.update(VoucherHold, hold.id, {
      status: hold.status,
      releaseReason: hold.releaseReason,
      releasedAt: hold.releasedAt,
    });
    if (program.redemptionMode === 'DEDUCT') await this.deductions.set(manager, hold.orderId, 0);
    const voucher = await manager.findOneByOrFail(Voucher, { id: hold.voucherId });
    if (voucher.status === 'EXPIRED') await this.returnToBudget(manager, voucher, amountFen);
    if (voucher.status === 'REVOKED') await this.returnToBudget(manager, voucher, amountFen, 'REVOKE_RETURN');
    const order = (await this.orders.partiesOf(manager, [hold.orderId])).get(hold.orderId)!;
    await this.events.record(manager, ctx, {
      action: 'voucher.hold.released',
      entityType: 'voucher_hold',
      entityId: hold.id,
      subjectOrgId: hold.smeOrgId,
      notify: [hold.smeOrgId, order.platformOrgId],
      after: { orderId: hold.orderId, voucherId: hold.voucherId, amountFen, reason },
    });
  }

  /** What is left on an expired voucher goes back to the program's budget. */
  async returnToBudget(
    manager: EntityManager,
    voucher: Voucher,
    amountFen: number,
    kind: 'EXPIRE_RETURN' | 'REVOKE_RETURN' = 'EXPIRE_RETURN',
  ): Promise<void> {
    if (amountFen <= 0) return;
    await this.ledger.transfer(
      manager,
      { programId: voucher.programId, kind, refType: 'voucher', refId: voucher.id },
      { kind: 'VOUCHER', voucherId: voucher.id },
      { kind: 'BUDGET' },
      amountFen,
    );
  }

  /** Keeps ACTIVE/EXHAUSTED in step with what is left (available + held). */
  async refreshStatus(manager: EntityManager, voucherId: string): Promise<void> {
    const [row] = await manager.query<{ status: Voucher['status']; remaining: string }[]>(
      `SELECT v.status, (SELECT coalesce(sum(balance_fen), 0) FROM ledger_accounts a
                          WHERE a.voucher_id = v.id AND a.kind IN ('VOUCHER', 'HOLD'))::bigint AS remaining
         FROM vouchers v WHERE v.id = $1`,
      [voucherId],
    );
    const status = voucherStatusFor(parseFen(row.remaining), row.status);
    if (status !== row.status) await manager.update(Voucher, voucherId, { status });
  }

  async liveHold(manager: EntityManager, orderId: string, lock = false): Promise<VoucherHold | null> {
    const qb = manager
      .createQueryBuilder(VoucherHold, 'h')
      .where('h.order_id = :orderId', { orderId })
      .andWhere(`h.status <> 'RELEASED'`);
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  private async onOrderChange(
    manager: EntityManager,
    order: { id: string; status: string },
    change: OrderChange,
  ): Promise<void> {
    if (order.status !== 'CANCELLED' && order.status !== 'REJECTED') return;
    if (change.from === order.status) return;
    const hold = await this.liveHold(manager, order.id, true);
    if (hold && hold.status === 'HELD') await this.release(manager, null, hold, `ORDER_${order.status}`);
  }

  /** Every reason a voucher cannot cover the order, and otherwise the amount it would hold. */
  private assess(
    facts: OrderFacts,
    related: boolean,
    voucher: Voucher,
    program: VoucherProgram,
    availableFen: number,
    used: CapsUsed,
  ): Assessment {
    const remaining = (cap: string | null, usedFen: number) => (cap === null ? null : parseFen(cap) - usedFen);
    const caps: HoldCaps = {
      perOrderFen: program.capPerOrderFen === null ? null : parseFen(program.capPerOrderFen),
      smeYearRemainingFen: remaining(program.capPerSmeYearFen, used.sme),
      platformYearRemainingFen: remaining(program.capPerPlatformYearFen, used.platform),
      voucherAvailableFen: availableFen,
    };
    const reasons = ineligibleReasons(program, {
      sme: facts.sme,
      service: facts.subject,
      platform: facts.platform,
      order: { status: facts.status },
      voucher: { status: voucher.status, validFrom: voucher.validFrom, validUntil: voucher.validUntil, availableFen },
      today: chinaDate(this.clock.now()),
      relatedParty: related,
      pairAlreadySubsidised: program.onePerPair && used.pair > 0,
      capsRemaining: {
        perOrderFen: caps.perOrderFen,
        smeYearFen: caps.smeYearRemainingFen,
        platformYearFen: caps.platformYearRemainingFen,
      },
    });
    const { amountFen, limitedBy } = holdAmount(program.rule, facts.agreedAmountFen, caps);
    if (reasons.length === 0 && amountFen <= 0) {
      reasons.push(limitedBy === 'RULE' ? 'VOUCHER_EMPTY' : LIMIT_REASON[limitedBy]);
    }
    return reasons.length ? { amountFen: 0, limitedBy: null, reasons } : { amountFen, limitedBy, reasons };
  }

  /** In DEDUCT mode the SME pays only its share: it must not have paid more than that already. */
  private async assertDeductible(manager: EntityManager, order: OrderFacts, amountFen: number): Promise<void> {
    const paid = await paidOn(manager, order.id);
    const share = order.agreedAmountFen - amountFen;
    if (paid > share) {
      throw new DomainError(
        'CONFLICT',
        'More than your share is already paid: this voucher can no longer be deducted',
        {
          paidFen: paid,
          shareFen: share,
        },
      );
    }
  }

  /**
   * The voucher, locked, with what a hold on this order needs to know beside it — its program, its
   * available balance, the program's cap counters for this SME and platform, and the order's live hold —
   * in one query: placing a hold is the busiest money path, and each round trip costs both sides CPU.
   */
  private async lockVoucherForOrder(
    manager: EntityManager,
    voucherId: string,
    facts: OrderFacts,
  ): Promise<{
    voucher: Voucher;
    program: VoucherProgram;
    availableFen: number;
    used: CapsUsed;
    liveHoldId: string | null;
  } | null> {
    const { entities, raw } = await manager
      .createQueryBuilder(Voucher, 'v')
      .innerJoinAndMapOne('v.program', VoucherProgram, 'p', 'p.id = v.program_id')
      .addSelect(
        `(SELECT a.balance_fen FROM ledger_accounts a WHERE a.voucher_id = v.id AND a.kind = 'VOUCHER')`,
        'available_fen',
      )
      .addSelect(capsUsedJson('v.program_id', ':smeOrgId', ':platformId', ':pair'), 'caps_used')
      .addSelect(
        `(SELECT h.id FROM voucher_holds h WHERE h.order_id = :orderId AND h.status <> 'RELEASED')`,
        'live_hold_id',
      )
      .where('v.id = :voucherId', {
        voucherId,
        smeOrgId: facts.smeOrgId,
        platformId: facts.platformId,
        pair: pairKey(facts),
        orderId: facts.id,
      })
      .setLock('pessimistic_write', undefined, ['v'])
      .getRawAndEntities<{
        available_fen: string | null;
        caps_used: Record<string, string>;
        live_hold_id: string | null;
      }>();
    const [voucher] = entities as (Voucher & { program: VoucherProgram })[];
    if (!voucher) return null;
    const [row] = raw;
    return {
      voucher,
      program: voucher.program,
      availableFen: parseFen(row.available_fen ?? '0'),
      used: capsUsedOf(row.caps_used),
      liveHoldId: row.live_hold_id,
    };
  }

  /** The order as its SME sees it; the platform may not pick the SME's vouchers (403), strangers 404. */
  private async smeOrder(manager: EntityManager, actor: Actor, orderId: string): Promise<OrderFacts> {
    const order = await this.facts.order(manager, orderId);
    if (!order || (order.smeOrgId !== actor.orgId && order.platformOrgId !== actor.orgId))
      throw new NotFoundError('Order');
    if (order.smeOrgId !== actor.orgId) throw new DomainError('FORBIDDEN', "Only the SME sees its vouchers' options");
    return this.facts.complete(manager, order);
  }

  private async programsOf(manager: EntityManager, vouchers: Voucher[]): Promise<Map<string, VoucherProgram>> {
    const ids = [...new Set(vouchers.map((v) => v.programId))];
    const programs = ids.length ? await manager.findBy(VoucherProgram, { id: In(ids) }) : [];
    return new Map(programs.map((p) => [p.id, p]));
  }
}

export function toHoldDto(hold: VoucherHold): HoldResponseDto {
  return {
    id: hold.id,
    orderId: hold.orderId,
    voucherId: hold.voucherId,
    programId: hold.programId,
    amountFen: parseFen(hold.amountFen),
    status: hold.status,
  };
}
