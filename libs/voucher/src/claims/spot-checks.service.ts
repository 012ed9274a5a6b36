import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, DomainError } from '@pilotlink/core';
import { withTransaction } from '@pilotlink/database';
import type { RequestContext } from '@pilotlink/core';
import { DataSource, In } from 'typeorm';
import { mayRevoke, spotCheckRefusal } from '../domain/spot-check';
import { assertVoucherTransition } from '../domain/voucher-state';
import { RecordSpotCheckDto } from '../dto/spot-check.request.dto';
import { SpotCheckRecord } from '../entities/voucher-claim.entity';
import { Voucher } from '../entities/voucher.entity';
import { Ledger } from '../ledger/ledger.service';
import { VoucherEvents } from '../voucher-events.service';
import { HoldsService } from '../vouchers/holds.service';
import { decidableClaim } from './claim-access';

/**
 * Spot checks lead somewhere (SPEC §6, issue 16): "a failed check can revoke the voucher (REVOKED),
 * returning its unheld balance to the budget, and marks the SME for the bureau's attention on later
 * applications" (the applications list counts the SME's failed checks). Holds already on orders stay and
 * go back to the budget if released later.
 */
@Injectable()
export class SpotChecksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: Ledger,
    private readonly holds: HoldsService,
    private readonly events: VoucherEvents,
    private readonly clock: Clock,
  ) {}

  /** The recorded checks of these claims, by claim id (a claim has at most one). */
  async recordsOf(claimIds: string[]): Promise<Map<string, SpotCheckRecord>> {
    if (claimIds.length === 0) return new Map();
    const records = await this.dataSource.manager.findBy(SpotCheckRecord, { claimId: In(claimIds) });
    return new Map(records.map((r) => [r.claimId, r]));
  }

  async record(ctx: RequestContext, claimId: string, input: RecordSpotCheckDto): Promise<SpotCheckRecord> {
    return withTransaction(this.dataSource, async (manager) => {
      const { claim, program } = await decidableClaim(manager, ctx.actor, claimId);
      const existing = await manager.findOneBy(SpotCheckRecord, { claimId });
      const refusal = spotCheckRefusal(claim, existing !== null);
      if (refusal) {
        throw new DomainError(
          refusal === 'ALREADY_CHECKED' ? 'CONFLICT' : 'INVALID_STATE_TRANSITION',
          `No spot check here: ${refusal}`,
          {
            reason: refusal,
            currentState: claim.status,
          },
        );
      }
      const voucher = await manager.findOneOrFail(Voucher, {
        where: { id: claim.voucherId },
        lock: { mode: 'pessimistic_write' },
      });
      const revoke = input.revokeVoucher === true;
      if (revoke && !mayRevoke(input.result, voucher.status)) {
        throw new DomainError('VALIDATION_FAILED', 'Only a failed check revokes a live voucher', {
          fields: [{ field: 'revokeVoucher', message: `result ${input.result}, voucher ${voucher.status}` }],
        });
      }
      const record = await manager.save(
        manager.create(SpotCheckRecord, {
          claimId,
          programId: program.id,
          smeOrgId: claim.smeOrgId,
          result: input.result,
          note: input.note,
          evidence: input.evidence ?? '',
          voucherRevoked: revoke,
          checkedByUserId: ctx.actor.userId,
          checkedByOrgId: ctx.actor.orgId,
        }),
      );
      let returnedFen = 0;
      if (revoke) {
        assertVoucherTransition(voucher.status, 'REVOKED');
        returnedFen = (await this.ledger.voucherBalances(manager, [voucher.id])).get(voucher.id)!.availableFen;
        await manager.update(Voucher, voucher.id, { status: 'REVOKED', revokedAt: this.clock.now() });
        voucher.status = 'REVOKED';
        await this.holds.returnToBudget(manager, voucher, returnedFen, 'REVOKE_RETURN');
      }
      await this.events.record(manager, ctx, {
        action: input.result === 'PASS' ? 'voucher.claim.spot_check_passed' : 'voucher.claim.spot_check_failed',
        entityType: 'voucher_claim',
        entityId: claim.id,
        subjectOrgId: claim.smeOrgId,
        notify: [claim.smeOrgId, ...(claim.payeeOrgId !== claim.smeOrgId ? [claim.payeeOrgId] : [])],
        after: { result: input.result, reason: input.note, voucherRevoked: revoke, code: voucher.code, returnedFen },
      });
      return record;
    });
  }
}
