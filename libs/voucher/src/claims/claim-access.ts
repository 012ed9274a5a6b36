import { NotFoundError } from '@pilotlink/core';
import type { Actor } from '@pilotlink/core';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { VoucherClaim } from '../entities/voucher-claim.entity';
import { VoucherProgram } from '../entities/voucher-program.entity';
import { VoucherHold } from '../entities/voucher.entity';
import type { VoucherStatus } from '../domain/voucher-state';

/**
 * Who sees a claim: its SME and its payee, the platform it is about (`operatedPlatformIds`: the platforms
 * the actor's org operates, from the catalogue), the bureau running its program, an admin. Expressed as
 * SQL so lists and single reads apply the very same rule.
 */
export function scopeClaims(
  qb: SelectQueryBuilder<VoucherClaim>,
  actor: Actor,
  operatedPlatformIds: readonly string[],
  alias = 'c',
): SelectQueryBuilder<VoucherClaim> {
  if (actor.orgKind === 'ADMIN') return qb;
  if (actor.orgKind === 'BUREAU') {
    return qb.andWhere(`${alias}.program_id IN (SELECT id FROM voucher_programs WHERE bureau_org_id = :scopeOrg)`, {
      scopeOrg: actor.orgId,
    });
  }
  return qb.andWhere(
    `(${alias}.sme_org_id = :scopeOrg OR ${alias}.payee_org_id = :scopeOrg
      OR ${alias}.platform_id = ANY(:operatedPlatformIds))`,
    { scopeOrg: actor.orgId, operatedPlatformIds: [...operatedPlatformIds] },
  );
}

export async function readableClaim(
  manager: EntityManager,
  actor: Actor,
  operatedPlatformIds: readonly string[],
  id: string,
): Promise<VoucherClaim> {
  const claim = await scopeClaims(
    manager.createQueryBuilder(VoucherClaim, 'c').where('c.id = :id', { id }),
    actor,
    operatedPlatformIds,
  ).getOne();
  if (!claim) throw new NotFoundError('Claim');
  return claim;
}

/**
 * A claim of a program the actor's bureau runs, locked for a decision with its hold, and its program;
 * else a 404.
 */
export async function decidableClaim(
  manager: EntityManager,
  actor: Actor,
  id: string,
): Promise<{ claim: VoucherClaim; program: VoucherProgram; hold: VoucherHold }> {
  if (actor.orgKind !== 'BUREAU') throw new NotFoundError('Claim');
  // One query: the claim and its hold, locked, with its program if this bureau runs it (another bureau's
  // claim → 404).
  const claim = (await manager
    .createQueryBuilder(VoucherClaim, 'c')
    .innerJoinAndMapOne('c.program', VoucherProgram, 'p', 'p.id = c.program_id AND p.bureau_org_id = :bureauOrgId', {
      bureauOrgId: actor.orgId,
    })
    .innerJoinAndMapOne('c.hold', VoucherHold, 'h', 'h.id = c.hold_id')
    .where('c.id = :id', { id })
    .setLock('pessimistic_write', undefined, ['c', 'h'])
    .getOne()) as (VoucherClaim & { program?: VoucherProgram; hold?: VoucherHold }) | null;
  if (!claim) throw new NotFoundError('Claim');
  const { program, hold } = claim;
  // The claim entity goes on without them.
  delete claim.program;
  delete claim.hold;
  return { claim, program: program!, hold: hold! };
}

/** What approving a claim needs beside the claim: its program's notice and spot-check rules, its voucher's status. */
export interface ApprovalFacts {
  claim: VoucherClaim;
  noticeDays: number;
  spotCheckBp: number;
  voucherStatus: VoucherStatus;
}

/**
 * `decidableClaim` for an approval, in plain SQL (the busiest decision): the claim, its hold and its voucher
 * locked — approvals of one voucher queue, so each sees what the one before left of it — with the program's
 * rules if this bureau runs it (another bureau's claim → 404).
 */
export async function approvableClaim(manager: EntityManager, actor: Actor, id: string): Promise<ApprovalFacts> {
  if (actor.orgKind !== 'BUREAU') throw new NotFoundError('Claim');
  const [row] = await manager.query<(VoucherClaim & Omit<ApprovalFacts, 'claim'>)[]>(
    `SELECT c.id, c.created_at AS "createdAt", c.updated_at AS "updatedAt", c.hold_id AS "holdId", c.order_id AS "orderId",
            c.voucher_id AS "voucherId", c.program_id AS "programId", c.platform_id AS "platformId",
            c.sme_org_id AS "smeOrgId", c.payee_org_id AS "payeeOrgId", c.amount_fen AS "amountFen",
            c.contract_number AS "contractNumber", c.invoice_number AS "invoiceNumber",
            c.invoice_amount_fen AS "invoiceAmountFen", c.payment_reference AS "paymentReference",
            c.acceptance_file_id AS "acceptanceFileId", c.checks, c.flags, c.spot_check AS "spotCheck", c.status,
            c.reason, c.decided_at AS "decidedAt", c.decided_by_user_id AS "decidedByUserId",
            c.notice_until::text AS "noticeUntil", c.paid_at AS "paidAt", c.batch_id AS "batchId",
            p.notice_days AS "noticeDays", p.spot_check_bp AS "spotCheckBp", v.status AS "voucherStatus"
       FROM voucher_claims c
       JOIN voucher_programs p ON p.id = c.program_id AND p.bureau_org_id = $2
       JOIN voucher_holds h ON h.id = c.hold_id
       JOIN vouchers v ON v.id = c.voucher_id
      WHERE c.id = $1
        FOR UPDATE OF c, h, v`,
    [id, actor.orgId],
  );
  if (!row) throw new NotFoundError('Claim');
  const { noticeDays, spotCheckBp, voucherStatus, ...claim } = row;
  return { claim: Object.assign(new VoucherClaim(), claim), noticeDays, spotCheckBp, voucherStatus };
}
