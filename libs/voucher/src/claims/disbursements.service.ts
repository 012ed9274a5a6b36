import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { chinaDate, Clock, DomainError, NotFoundError, parseFen } from '@pilotlink/core';
import { uniqueViolation, withTransaction } from '@pilotlink/database';
import type { Actor, RequestContext } from '@pilotlink/core';
import { DataSource, EntityManager, In } from 'typeorm';
import { noticeRunning, payableFrom } from '../domain/notice';
import { splitByShares } from '../domain/split';
import { assertClaimTransition } from '../domain/voucher-state';
import { CreateBatchDto } from '../dto/claim.request.dto';
import { BatchResponseDto } from '../dto/claim.response.dto';
import { ClaimPayout, DisbursementBatch, VoucherClaim } from '../entities/voucher-claim.entity';
import { VoucherProgram } from '../entities/voucher-program.entity';
import { Ledger } from '../ledger/ledger.service';
import { programRunBy } from '../programs/program-access';
import { VoucherEvents } from '../voucher-events.service';
import { decidableClaim } from './claim-access';

/**
 * Disbursement (拨付): approved claims are paid, PAYABLE → PAID per co-funder, each claim split by the
 * program's shares so the parts add up to the claim exactly. One claim (`POST /claims/:id/pay`) or a
 * batch of a program's approved claims (`POST /disbursement-batches`), all or nothing.
 */
@Injectable()
export class DisbursementsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: Ledger,
    private readonly events: VoucherEvents,
    private readonly clock: Clock,
  ) {}

  async payOne(ctx: RequestContext, claimId: string): Promise<VoucherClaim> {
    return withTransaction(this.dataSource, async (manager) => {
      const { claim, program } = await decidableClaim(manager, ctx.actor, claimId);
      assertMakerChecker(ctx, program, [claim]);
      await this.pay(manager, ctx, program, claim, null);
      return claim;
    });
  }

  async createBatch(ctx: RequestContext, input: CreateBatchDto): Promise<BatchResponseDto> {
    const claimIds = [...new Set(input.claimIds)].sort();
    return withTransaction(this.dataSource, async (manager) => {
      const program = await programRunBy(manager, ctx.actor, input.programId);
      const claims = await manager.find(VoucherClaim, {
        where: { id: In(claimIds), programId: program.id },
        order: { id: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      if (claims.length !== claimIds.length) {
        const found = new Set(claims.map((c) => c.id));
        throw new DomainError('NOT_FOUND', 'Some claims are not claims of this program', {
          claimIds: claimIds.filter((id) => !found.has(id)),
        });
      }
      const notApproved = claims.filter((c) => c.status !== 'APPROVED');
      if (notApproved.length) {
        throw new DomainError('INVALID_STATE_TRANSITION', 'Only approved claims are paid', {
          claims: notApproved.map((c) => ({ id: c.id, currentState: c.status })),
        });
      }
      assertMakerChecker(ctx, program, claims);
      const today = chinaDate(this.clock.now());
      const inNotice = claims.filter((c) => noticeRunning(c.noticeUntil, today));
      if (inNotice.length) {
        throw new DomainError(
          'NOTICE_PERIOD',
          'Some claims are still in their public notice (公示): paid after it ends',
          {
            claims: inNotice.map((c) => ({
              id: c.id,
              noticeUntil: c.noticeUntil,
              payableFrom: payableFrom(c.noticeUntil, today),
            })),
          },
        );
      }
      const totalFen = claims.reduce((sum, c) => sum + parseFen(c.amountFen), 0);
      let batch: DisbursementBatch;
      try {
        batch = await manager.save(
          manager.create(DisbursementBatch, {
            programId: program.id,
            bureauOrgId: ctx.actor.orgId,
            reference: input.reference,
            totalFen: String(totalFen),
            claimCount: claims.length,
          }),
        );
      } catch (error) {
        if (uniqueViolation(error))
          throw new DomainError('CONFLICT', 'This program already has a batch with that reference');
        throw error;
      }
      for (const claim of claims) await this.pay(manager, ctx, program, claim, batch.id);
      return BatchResponseDto.from(batch, claimIds, await this.byCofunder(manager, batch.id));
    });
  }

  async getBatch(actor: Actor, id: string): Promise<BatchResponseDto> {
    const manager = this.dataSource.manager;
    const batch = await manager.findOneBy(DisbursementBatch, { id });
    if (!batch || (batch.bureauOrgId !== actor.orgId && actor.orgKind !== 'ADMIN')) throw new NotFoundError('Batch');
    const claims = await manager.find(VoucherClaim, {
      select: { id: true },
      where: { batchId: id },
      order: { id: 'ASC' },
    });
    return BatchResponseDto.from(
      batch,
      claims.map((c) => c.id),
      await this.byCofunder(manager, id),
    );
  }

  private async pay(
    manager: EntityManager,
    ctx: RequestContext,
    program: VoucherProgram,
    claim: VoucherClaim,
    batchId: string | null,
  ): Promise<void> {
    assertClaimTransition(claim.status, 'PAID');
    // SPEC §6: "Payment waits until the public-notice period (公示) has ended" (经公示无异议后拨付).
    const today = chinaDate(this.clock.now());
    if (noticeRunning(claim.noticeUntil, today)) {
      throw new DomainError(
        'NOTICE_PERIOD',
        `The public notice (公示) runs until ${claim.noticeUntil}: paid after it ends`,
        {
          noticeUntil: claim.noticeUntil,
          payableFrom: payableFrom(claim.noticeUntil, today),
        },
      );
    }
    const amountFen = parseFen(claim.amountFen);
    const parts = splitByShares(
      amountFen,
      program.cofunders.map((c) => ({ key: c.key, shareBp: c.shareBp })),
    );
    await this.ledger.post(manager, {
      programId: program.id,
      kind: 'PAY',
      refType: 'voucher_claim',
      refId: claim.id,
      memo: batchId ?? undefined,
      postings: [
        { account: { kind: 'PAYABLE', voucherId: claim.voucherId }, amountFen: -amountFen },
        ...parts.map((p) => ({ account: { kind: 'PAID' as const, cofunderKey: p.key }, amountFen: p.amountFen })),
      ],
    });
    await manager.insert(
      ClaimPayout,
      parts.map((p) => ({ claimId: claim.id, cofunderKey: p.key, amountFen: String(p.amountFen) })),
    );
    const paid = { status: 'PAID' as const, paidAt: this.clock.now(), batchId };
    Object.assign(claim, paid);
    await manager.update(VoucherClaim, claim.id, paid);
    await this.events.record(manager, ctx, {
      action: 'voucher.claim.paid',
      entityType: 'voucher_claim',
      entityId: claim.id,
      subjectOrgId: claim.payeeOrgId,
      notify: [claim.payeeOrgId],
      before: { status: 'APPROVED' },
      after: { status: 'PAID', amountFen, batchId, payouts: parts },
    });
  }

  private async byCofunder(manager: EntityManager, batchId: string) {
    const rows = await manager.query<{ cofunder_key: string; total: string }[]>(
      `SELECT p.cofunder_key, sum(p.amount_fen)::bigint AS total FROM claim_payouts p
         JOIN voucher_claims c ON c.id = p.claim_id WHERE c.batch_id = $1 GROUP BY p.cofunder_key ORDER BY p.cofunder_key`,
      [batchId],
    );
    return rows.map((r) => ({ cofunderKey: r.cofunder_key, amountFen: parseFen(r.total) }));
  }
}

/**
 * Maker-checker (SPEC §6, a program option on by default): the bureau user who approved a claim does not
 * record its payment. A batch holding one such claim is refused whole, naming them.
 */
function assertMakerChecker(ctx: RequestContext, program: VoucherProgram, claims: VoucherClaim[]): void {
  if (!program.makerChecker) return;
  const own = claims.filter((c) => c.decidedByUserId === ctx.actor.userId);
  if (!own.length) return;
  throw new DomainError('MAKER_CHECKER', 'A claim is paid by a different user from the one who approved it', {
    claimIds: own.map((c) => c.id),
  });
}
