import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OrderFacts as BookingOrderFacts, partyOf } from '@pilotlink/booking';
import { CatalogueFacts, PlatformDirectory } from '@pilotlink/catalogue';
import { chinaDate, Clock, DomainError, NotFoundError, Page, parseFen, toPage } from '@pilotlink/core';
import { joinSql, querySql, sql, withTransaction } from '@pilotlink/database';
import { OrgDirectory } from '@pilotlink/identity';
import type { Actor, RequestContext } from '@pilotlink/core';
import { DataSource, EntityManager } from 'typeorm';
import { claimChecks } from '../domain/claim-checks';
import { integrityFlags, isSpotCheck } from '../domain/integrity';
import { claimBy } from '../domain/expiry';
import { noticeUntilFor } from '../domain/notice';
import { assertClaimTransition, voucherStatusFor } from '../domain/voucher-state';
import { ClaimListQueryDto, FileClaimDto, ReasonDtoLike } from '../dto/claim.request.dto';
import { ClaimResponseDto } from '../dto/claim.response.dto';
import { idempotentOutcomeSql } from '../idempotency/idempotency.interceptor';
import { ClaimPayout, VoucherClaim } from '../entities/voucher-claim.entity';
import { VoucherProgram } from '../entities/voucher-program.entity';
import { Voucher, VoucherHold } from '../entities/voucher.entity';
import { Ledger } from '../ledger/ledger.service';
import { VoucherEvent, VoucherEvents } from '../voucher-events.service';
import { HoldsService } from '../vouchers/holds.service';
import { OrderFacts, OrderFactsService, partiesRelated } from '../vouchers/order-facts.service';
import { approvableClaim, decidableClaim, readableClaim, scopeClaims } from './claim-access';

const DAY_MS = 86_400_000;

/** One party of a claim as its reviewer sees it: the facts the related-party rule (关联交易) looks at. */
export interface ClaimPartyFacts {
  orgId: string;
  name: string;
  uscc: string | null;
  legalRepresentative: string | null;
  shareholders: { holderKey: string; holderName: string; shareBp: number }[];
}

/**
 * Claims (兑付申请): filed by the payee of the program's mode for a completed, paid order's hold,
 * checked automatically and flagged for the reviewer, then approved (HOLD → PAYABLE) or rejected
 * (hold released) by the bureau running the program.
 */
@Injectable()
export class ClaimsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: Ledger,
    private readonly holds: HoldsService,
    private readonly events: VoucherEvents,
    private readonly clock: Clock,
    private readonly facts: OrderFactsService,
    private readonly orders: BookingOrderFacts,
    private readonly catalogue: CatalogueFacts,
    private readonly platforms: PlatformDirectory,
    private readonly orgs: OrgDirectory,
  ) {}

  async file(ctx: RequestContext, input: FileClaimDto): Promise<VoucherClaim> {
    return withTransaction(this.dataSource, async (manager) => {
      // The order locked, with what is paid on it: one query instead of a lock, the facts and the payments.
      const order = await this.facts.order(manager, input.orderId, { lock: true, paid: true });
      const party = order ? partyOf(ctx.actor, order) : null;
      if (!order || !party) throw new NotFoundError('Order');
      const hold = await this.holds.liveHold(manager, input.orderId, true);
      if (!hold) throw new NotFoundError('Voucher hold');
      const program = await manager.findOneByOrFail(VoucherProgram, { id: hold.programId });
      const payee = program.redemptionMode === 'REIMBURSE' ? 'SME' : 'PLATFORM';
      if (party !== payee) {
        throw new DomainError(
          'FORBIDDEN',
          `In a ${program.redemptionMode} program the ${payee.toLowerCase()} files the claim`,
        );
      }
      if (hold.status !== 'HELD') {
        throw new DomainError('CLAIM_EXISTS', 'A claim is already filed for this order', { currentState: hold.status });
      }
      const facts = await this.facts.complete(manager, order);
      const paidFen = facts.paidFen!;
      const owedBySmeFen = facts.agreedAmountFen - facts.deductionFen;
      if (facts.status !== 'COMPLETED' || paidFen < owedBySmeFen) {
        throw new DomainError(
          'ORDER_NOT_SETTLED',
          'A claim is filed once the order is completed and the SME has paid its share',
          {
            currentState: facts.status,
            paidFen,
            owedBySmeFen,
          },
        );
      }
      if (partiesRelated(facts)) {
        throw new DomainError('RELATED_PARTY', 'The SME and the platform are related parties (关联交易): no claim');
      }
      await this.assertAcceptanceFile(manager, input);
      const voucher = await manager.findOneByOrFail(Voucher, { id: hold.voucherId });
      if (hold.survivesExpiry) {
        // SPEC §6: a hold that survived expiry lasts "until its claim window (… default 90 days after completion) ends"
        const last = claimBy(chinaDate(facts.completedAt!), program.claimWindowDays)!;
        if (chinaDate(this.clock.now()) > last) {
          throw new DomainError('CLAIM_WINDOW_CLOSED', `The claim window of this hold ended on ${last}`, {
            claimBy: last,
          });
        }
      }
      const amountFen = parseFen(hold.amountFen);
      const checks = claimChecks({
        invoiceAmountFen: input.invoiceAmountFen,
        contractAmountFen: facts.agreedAmountFen,
        owedBySmeFen,
        paidFen,
        completedOn: facts.completedAt ? chinaDate(facts.completedAt) : null,
        voucherValidFrom: voucher.validFrom,
        voucherValidUntil: voucher.validUntil,
        holdCreatedOn: chinaDate(hold.createdAt),
        contractNumberGiven: input.contractNumber,
        contractNumber: facts.contractNumber,
        survivedExpiry: hold.survivesExpiry,
      });
      const flags = integrityFlags(await this.integrityFacts(manager, program, facts, amountFen));
      const claim = await manager.save(
        manager.create(VoucherClaim, {
          holdId: hold.id,
          orderId: facts.id,
          voucherId: hold.voucherId,
          programId: program.id,
          platformId: facts.platformId,
          smeOrgId: facts.smeOrgId,
          payeeOrgId: ctx.actor.orgId,
          amountFen: String(amountFen),
          contractNumber: input.contractNumber,
          invoiceNumber: input.invoiceNumber,
          invoiceAmountFen: String(input.invoiceAmountFen),
          paymentReference: input.paymentReference,
          acceptanceFileId: input.acceptanceFileId ?? null,
          checks,
          flags,
        }),
      );
      hold.status = 'CLAIMED';
      await manager.update(VoucherHold, hold.id, { status: hold.status });
      await this.events.record(manager, ctx, {
        action: 'voucher.claim.filed',
        entityType: 'voucher_claim',
        entityId: claim.id,
        subjectOrgId: claim.payeeOrgId,
        notify: [program.bureauOrgId],
        after: { orderId: claim.orderId, amountFen, flags },
      });
      return claim;
    });
  }

  async list(actor: Actor, query: ClaimListQueryDto): Promise<Page<VoucherClaim>> {
    const qb = scopeClaims(
      this.dataSource.manager.createQueryBuilder(VoucherClaim, 'c'),
      actor,
      await this.operatedPlatformIds(actor),
    )
      .orderBy('c.created_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .skip(query.offset)
      .take(query.limit);
    if (query.programId) qb.andWhere('c.program_id = :programId', { programId: query.programId });
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    const [items, total] = await qb.getManyAndCount();
    return toPage(items, total, query);
  }

  async get(
    actor: Actor,
    id: string,
  ): Promise<{ claim: VoucherClaim; payouts: ClaimPayout[]; parties?: ClaimPartyFacts[] }> {
    const claim = await readableClaim(this.dataSource.manager, actor, await this.operatedPlatformIds(actor), id);
    const payouts = await this.dataSource.manager.find(ClaimPayout, {
      where: { claimId: id },
      order: { cofunderKey: 'ASC' },
    });
    if (actor.orgKind !== 'BUREAU' && actor.orgKind !== 'ADMIN') return { claim, payouts };
    // Issue 16 point 10: "Bureaus see the shareholders of both parties when reviewing a claim."
    const operatorOrgId = (await this.platforms.operatorsOf([claim.platformId])).get(claim.platformId);
    const ids = [...new Set([claim.smeOrgId, ...(operatorOrgId ? [operatorOrgId] : [])])];
    const orgs = await this.orgs.voucherFactsOf(ids);
    const parties = ids.flatMap((orgId): ClaimPartyFacts[] => {
      const org = orgs.get(orgId);
      if (!org) return [];
      const { name, uscc, legalRepresentative, shareholders } = org;
      return [{ orgId, name, uscc, legalRepresentative, shareholders }];
    });
    return { claim, payouts, parties };
  }

  /** Approval turns the hold into a payable and opens the public notice (公示); a sample is marked for spot checks. */
  async approve(ctx: RequestContext, id: string): Promise<ClaimResponseDto> {
    return withTransaction(this.dataSource, async (manager) => {
      const { claim, noticeDays, spotCheckBp, voucherStatus } = await approvableClaim(manager, ctx.actor, id);
      assertClaimTransition(claim.status, 'APPROVED');
      const now = this.clock.now();
      Object.assign(claim, {
        status: 'APPROVED' as const,
        decidedAt: now,
        decidedByUserId: ctx.actor.userId,
        noticeUntil: noticeUntilFor(chinaDate(now), noticeDays),
        spotCheck: isSpotCheck(spotCheckBp, randomInt(0, 1_000_000) / 1_000_000),
      });
      const answer = ClaimResponseDto.from(claim);
      const remainingFen = await this.writeApproval(manager, ctx, claim, answer);
      const status = voucherStatusFor(remainingFen, voucherStatus);
      if (status !== voucherStatus) await manager.update(Voucher, claim.voucherId, { status });
      return answer;
    });
  }

  /**
   * Everything an approval writes, in one statement (one round trip): the ledger movement (HOLD → PAYABLE),
   * the hold converted, the decision on the claim, the audit event and outbox row, and the Idempotency-Key's
   * answer. Answers what is left on the voucher (available + held) after it, for its status: the voucher is
   * locked since `approvableClaim`, so the statement's snapshot already holds every earlier movement of it.
   */
  private async writeApproval(
    manager: EntityManager,
    ctx: RequestContext,
    claim: VoucherClaim,
    answer: ClaimResponseDto,
  ): Promise<number> {
    const amountFen = parseFen(claim.amountFen);
    const movement = this.ledger.transferSql(
      { programId: claim.programId, kind: 'APPROVE', refType: 'voucher_claim', refId: claim.id },
      { kind: 'HOLD', voucherId: claim.voucherId },
      { kind: 'PAYABLE', voucherId: claim.voucherId },
      amountFen,
      'ledger',
    );
    const event = this.events.recordCtes(
      ctx,
      this.decision(claim, 'voucher.claim.approved', { spotCheck: claim.spotCheck }),
      'event',
    );
    const outcome = idempotentOutcomeSql(answer);
    const ctes = [
      movement.ctes,
      sql`hold AS (UPDATE voucher_holds SET status = 'CONVERTED', updated_at = now() WHERE id = ${claim.holdId}::uuid)`,
      sql`claim AS (
         UPDATE voucher_claims
            SET status = 'APPROVED', decided_at = ${claim.decidedAt}::timestamptz, decided_by_user_id = ${claim.decidedByUserId}::uuid,
                notice_until = ${claim.noticeUntil}::date, spot_check = ${claim.spotCheck}::boolean, updated_at = now()
          WHERE id = ${claim.id}::uuid)`,
      event,
      ...(outcome ? [sql`idempotency AS (${outcome})`] : []),
    ];
    const [row] = await querySql<Record<string, unknown>>(
      manager,
      sql`WITH ${joinSql(ctes, ',\n')}
          SELECT ${movement.result},
                 (SELECT coalesce(sum(balance_fen), 0) FROM ledger_accounts
                   WHERE voucher_id = ${claim.voucherId}::uuid AND kind IN ('VOUCHER', 'HOLD'))::text AS remaining_before`,
    );
    movement.check(row);
    return parseFen(row.remaining_before as string) - amountFen;
  }

  async reject(ctx: RequestContext, id: string, input: ReasonDtoLike): Promise<VoucherClaim> {
    return withTransaction(this.dataSource, async (manager) => {
      const { claim, hold } = await decidableClaim(manager, ctx.actor, id);
      assertClaimTransition(claim.status, 'REJECTED');
      const decision = {
        status: 'REJECTED' as const,
        reason: input.reason,
        decidedAt: this.clock.now(),
        decidedByUserId: ctx.actor.userId,
      };
      Object.assign(claim, decision);
      await manager.update(VoucherClaim, claim.id, decision);
      await this.holds.release(manager, ctx, hold, 'CLAIM_REJECTED');
      await this.decided(manager, ctx, claim, 'voucher.claim.rejected', { reason: input.reason });
      return claim;
    });
  }

  /** The platforms the actor's org operates, which let it see their claims (none needed for a bureau or an admin). */
  private async operatedPlatformIds(actor: Actor): Promise<string[]> {
    if (actor.orgKind === 'ADMIN' || actor.orgKind === 'BUREAU') return [];
    return this.catalogue.platformIdsOperatedBy(actor.orgId);
  }

  private decided(
    manager: EntityManager,
    ctx: RequestContext,
    claim: VoucherClaim,
    action: string,
    extra: Record<string, unknown>,
  ) {
    return this.events.record(manager, ctx, this.decision(claim, action, extra));
  }

  private decision(claim: VoucherClaim, action: string, extra: Record<string, unknown>): VoucherEvent {
    return {
      action,
      entityType: 'voucher_claim',
      entityId: claim.id,
      subjectOrgId: claim.payeeOrgId,
      notify: [claim.payeeOrgId, claim.smeOrgId],
      before: { status: 'SUBMITTED' },
      after: { status: claim.status, orderId: claim.orderId, amountFen: parseFen(claim.amountFen), ...extra },
    };
  }

  private async assertAcceptanceFile(manager: EntityManager, input: FileClaimDto): Promise<void> {
    if (!input.acceptanceFileId) return;
    if (!(await this.orders.hasDeliverable(manager, input.orderId, input.acceptanceFileId)))
      throw new DomainError('VALIDATION_FAILED', 'Not a deliverable of this order', {
        fields: [{ field: 'acceptanceFileId', message: "must be one of the order's deliverables" }],
      });
  }

  /** The figures behind the integrity flags of SPEC §6, in one query. */
  private async integrityFacts(manager: EntityManager, program: VoucherProgram, facts: OrderFacts, amountFen: number) {
    const sameRepresentative = await this.orgs.sameLegalRepresentative(facts.smeOrgId, manager);
    const [row] = await manager.query<{ same_amount: number; same_rep: number; last30: number; before6m: number }[]>(
      `SELECT
         (SELECT count(*)::int FROM voucher_claims c
           WHERE c.program_id = $1 AND c.amount_fen = $2 AND c.created_at > now() - interval '90 days'
             AND c.order_id <> $3) AS same_amount,
         (SELECT count(DISTINCT a.sme_org_id)::int FROM voucher_applications a
           WHERE a.program_id = $1 AND a.sme_org_id = ANY($4::uuid[])) AS same_rep,
         (SELECT count(*)::int FROM voucher_claims c
           WHERE c.platform_id = $5 AND c.created_at > now() - interval '30 days') AS last30,
         (SELECT count(*)::int FROM voucher_claims c
           WHERE c.platform_id = $5 AND c.created_at <= now() - interval '30 days'
             AND c.created_at > now() - interval '210 days') AS before6m`,
      [program.id, String(amountFen), facts.id, sameRepresentative, facts.platformId],
    );
    const deliveredInDays =
      facts.deliveredAt && facts.startedAt ? (facts.deliveredAt.getTime() - facts.startedAt.getTime()) / DAY_MS : null;
    return {
      sameAmountClaimsInProgram: row.same_amount,
      otherApplicantsWithSameLegalRep: row.same_rep,
      deliveredInDays,
      leadTimeDays: facts.leadTimeDays ?? 0,
      platformClaimsLast30Days: row.last30 + 1,
      platformMonthlyAverageBefore: row.before6m / 6,
    };
  }
}
