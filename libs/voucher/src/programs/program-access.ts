import { NotFoundError } from '@pilotlink/core';
import type { Actor } from '@pilotlink/core';
import { EntityManager } from 'typeorm';
import { VoucherProgram } from '../entities/voucher-program.entity';

/** A bureau runs its own programs; an admin reads them all. */
export function runsProgram(actor: Actor, program: Pick<VoucherProgram, 'bureauOrgId'>): boolean {
  return actor.orgKind === 'BUREAU' && actor.orgId === program.bureauOrgId;
}

/** Who may read a program: its bureau, an admin, and — once it is no longer a draft — SMEs and platforms. */
export function canReadProgram(actor: Actor, program: Pick<VoucherProgram, 'bureauOrgId' | 'status'>): boolean {
  if (runsProgram(actor, program) || actor.orgKind === 'ADMIN') return true;
  return program.status !== 'DRAFT' && (actor.orgKind === 'SME' || actor.orgKind === 'PLATFORM_OPERATOR');
}

/** The program the actor's bureau runs, locked for a change when asked; anything else is a 404. */
export async function programRunBy(
  manager: EntityManager,
  actor: Actor,
  id: string,
  lock = false,
): Promise<VoucherProgram> {
  const program = await manager.findOne(VoucherProgram, {
    where: { id },
    ...(lock && { lock: { mode: 'pessimistic_write' as const } }),
  });
  if (!program || !runsProgram(actor, program)) throw new NotFoundError('Voucher program');
  return program;
}

export async function readableProgram(manager: EntityManager, actor: Actor, id: string): Promise<VoucherProgram> {
  const program = await manager.findOneBy(VoucherProgram, { id });
  if (!program || !canReadProgram(actor, program)) throw new NotFoundError('Voucher program');
  return program;
}
