import { NotFoundError } from '@pilotlink/core';
import type { Actor } from '@pilotlink/core';
import { EntityManager } from 'typeorm';
import type { OrderParty } from '../domain/order';
import { Order } from './order.entity';

/** Which side of the order the actor's org is on, if any. */
export function partyOf(actor: Actor, order: Pick<Order, 'smeOrgId' | 'platformOrgId'>): OrderParty | null {
  if (actor.orgId === order.smeOrgId) return 'SME';
  if (actor.orgId === order.platformOrgId) return 'PLATFORM';
  return null;
}

/**
 * The two parties read an order; an SME co-funding a result's verification too; an admin, for support.
 * Anyone else gets the 404 of a missing one.
 */
export function canReadOrder(
  actor: Actor,
  order: Pick<Order, 'smeOrgId' | 'platformOrgId'> & Partial<Pick<Order, 'coFunderOrgId'>>,
): boolean {
  return (
    partyOf(actor, order) !== null ||
    actor.orgKind === 'ADMIN' ||
    (!!order.coFunderOrgId && order.coFunderOrgId === actor.orgId)
  );
}

/** The order if the actor may read it; otherwise the 404 of a missing one. */
export async function findReadable(manager: EntityManager, actor: Actor, id: string): Promise<Order> {
  const order = await manager.findOneBy(Order, { id });
  if (!order || !canReadOrder(actor, order)) throw new NotFoundError('Order');
  return order;
}

/**
 * Locks the order row for a change by one of its parties (the lock serialises racing transitions:
 * the second waits and then sees the first one's state).
 */
export async function lockForParty(
  manager: EntityManager,
  actor: Actor,
  id: string,
): Promise<{ order: Order; party: OrderParty }> {
  const order = await manager.findOne(Order, { where: { id }, lock: { mode: 'pessimistic_write' } });
  const party = order ? partyOf(actor, order) : null;
  if (!order || !party) throw new NotFoundError('Order');
  return { order, party };
}
