import { NotFoundError } from '@pilotlink/core';
import type { Actor } from '@pilotlink/core';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { VoucherClaim } from '../entities/voucher-claim.entity';
import { VoucherProgram } from '../entities/voucher-program.entity';
import { VoucherHold } from '../entities/voucher.entity';

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
