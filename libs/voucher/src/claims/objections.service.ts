import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { chinaDate, Clock, DomainError, NotFoundError, Page, PageQueryDto, toPage } from '@pilotlink/core';
import { withTransaction } from '@pilotlink/database';
import type { Actor, RequestContext } from '@pilotlink/core';
import { DataSource, In } from 'typeorm';
import { noticeRunning } from '../domain/notice';
import { assertClaimTransition } from '../domain/voucher-state';
import { LodgeObjectionDto, ObjectionDecisionDto } from '../dto/objection.request.dto';
import { ClaimObjection, VoucherClaim } from '../entities/voucher-claim.entity';
import { VoucherProgram } from '../entities/voucher-program.entity';
import { VoucherEvents } from '../voucher-events.service';
import { HoldsService } from '../vouchers/holds.service';
import { decidableClaim } from './claim-access';

/**
 * 异议 during the public notice (SPEC §6): "during it anyone may object (异议) through a public form, and
 * the bureau upholds (claim rejected) or dismisses the objection". The seeds: "经公示无异议后拨付".
 *
 * Lodging puts an APPROVED claim UNDER_OBJECTION (payment refused meanwhile). Upholding rejects the claim
 * and gives its payable back to the voucher (PAYABLE → VOUCHER), closing its other open objections with it;
 * dismissing returns the claim to APPROVED once no objection is left open — its notice continues to its
 * original end. Every step is audited and notified to the bureau, the payee and the SME; the objector's
 * contact and reason stay with the bureau.
 */
@Injectable()
export class ObjectionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly holds: HoldsService,
    private readonly events: VoucherEvents,
    private readonly clock: Clock,
  ) {}

  async lodge(claimId: string, input: LodgeObjectionDto): Promise<ClaimObjection> {
    return withTransaction(this.dataSource, async (manager) => {
      const claim = await manager.findOne(VoucherClaim, {
        where: { id: claimId },
        lock: { mode: 'pessimistic_write' },
      });
      // A claim never put on public notice is not public: 404, as for an unknown id.
      if (!claim || claim.status === 'SUBMITTED' || claim.noticeUntil === null) throw new NotFoundError('Claim');
      const today = chinaDate(this.clock.now());
      if (!['APPROVED', 'UNDER_OBJECTION'].includes(claim.status) || !noticeRunning(claim.noticeUntil, today)) {
        throw new DomainError('NOTICE_CLOSED', 'The public notice of this claim is over: objections are closed', {
          noticeUntil: claim.noticeUntil,
          currentState: claim.status,
        });
      }
      const program = await manager.findOneByOrFail(VoucherProgram, { id: claim.programId });
      const objection = await manager.save(
        manager.create(ClaimObjection, {
          claimId: claim.id,
          programId: claim.programId,
          contact: input.contact,
          reason: input.reason,
        }),
      );
      const before = claim.status;
      if (claim.status === 'APPROVED') {
        assertClaimTransition(claim.status, 'UNDER_OBJECTION');
        await manager.update(VoucherClaim, claim.id, { status: 'UNDER_OBJECTION' });
      }
      await this.events.record(manager, null, {
        action: 'voucher.claim.objected',
        entityType: 'voucher_claim',
        entityId: claim.id,
        subjectOrgId: claim.payeeOrgId,
        notify: [program.bureauOrgId, claim.payeeOrgId, claim.smeOrgId],
        before: { status: before },
        after: { status: 'UNDER_OBJECTION', objectionId: objection.id, noticeUntil: claim.noticeUntil },
      });
      return objection;
    });
  }

  /** The objections of a claim, for the bureau running its program (anyone else: 404). */
  async list(actor: Actor, claimId: string, page: PageQueryDto): Promise<Page<ClaimObjection>> {
    const manager = this.dataSource.manager;
    const claim = await manager.findOneBy(VoucherClaim, { id: claimId });
    const program = claim ? await manager.findOneBy(VoucherProgram, { id: claim.programId }) : null;
    const mayRead =
      program && (actor.orgKind === 'ADMIN' || (actor.orgKind === 'BUREAU' && program.bureauOrgId === actor.orgId));
    if (!mayRead) throw new NotFoundError('Claim');
    const [items, total] = await manager.findAndCount(ClaimObjection, {
      where: { claimId },
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: page.offset,
      take: page.limit,
    });
    return toPage(items, total, page);
  }

  async decide(
    ctx: RequestContext,
    objectionId: string,
    outcome: 'UPHELD' | 'DISMISSED',
    input: ObjectionDecisionDto,
  ): Promise<ClaimObjection> {
    return withTransaction(this.dataSource, async (manager) => {
      const found = await manager.findOneBy(ClaimObjection, { id: objectionId });
      if (!found) throw new NotFoundError('Objection');
      // the claim and its hold locked, if this bureau runs the program (else 404)
      const { claim, hold } = await decidableClaim(manager, ctx.actor, found.claimId);
      const objection = await manager.findOneOrFail(ClaimObjection, {
        where: { id: objectionId },
        lock: { mode: 'pessimistic_write' },
      });
      if (objection.status !== 'OPEN') {
        throw new DomainError('INVALID_STATE_TRANSITION', 'This objection is already decided', {
          currentState: objection.status,
        });
      }
      const decided = { decisionNote: input.note, decidedAt: this.clock.now(), decidedByUserId: ctx.actor.userId };
      const before = claim.status;
      if (outcome === 'UPHELD') {
        assertClaimTransition(claim.status, 'REJECTED');
        // the other open objections of the claim are settled by the same finding
        await manager.update(
          ClaimObjection,
          { claimId: claim.id, status: In(['OPEN']) },
          { status: 'UPHELD', ...decided },
        );
        const rejection = {
          status: 'REJECTED' as const,
          reason: `异议成立：${input.note}`,
          decidedAt: decided.decidedAt,
        };
        Object.assign(claim, rejection);
        await manager.update(VoucherClaim, claim.id, rejection);
        await this.holds.release(manager, ctx, hold, 'OBJECTION_UPHELD');
        await this.holds.refreshStatus(manager, claim.voucherId);
      } else {
        await manager.update(ClaimObjection, objection.id, { status: 'DISMISSED', ...decided });
        const open = await manager.countBy(ClaimObjection, { claimId: claim.id, status: 'OPEN' });
        if (open === 0) {
          assertClaimTransition(claim.status, 'APPROVED');
          claim.status = 'APPROVED';
          await manager.update(VoucherClaim, claim.id, { status: claim.status });
        }
      }
      await this.events.record(manager, ctx, {
        action: outcome === 'UPHELD' ? 'voucher.claim.objection_upheld' : 'voucher.claim.objection_dismissed',
        entityType: 'voucher_claim',
        entityId: claim.id,
        subjectOrgId: claim.payeeOrgId,
        notify: [claim.payeeOrgId, claim.smeOrgId],
        before: { status: before },
        after: { status: claim.status, objectionId: objection.id, reason: input.note, noticeUntil: claim.noticeUntil },
      });
      return manager.findOneByOrFail(ClaimObjection, { id: objection.id });
    });
  }
}
