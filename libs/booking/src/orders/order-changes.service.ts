import { Injectable } from '@nestjs/common';
import { AuditService } from '@pilotlink/audit';
import { RequestContext } from '@pilotlink/core';
import { OutboxService } from '@pilotlink/queue';
import { EntityManager } from 'typeorm';
import type { OrderStatus } from '../domain/order';
import { OrderEvent } from './order-records.entity';
import { Order } from './order.entity';

export interface OrderChange {
  /** `order.<action>`, e.g. `order.start`, `order.payment_recorded`. */
  action: string;
  from: OrderStatus;
  note?: string | null;
  details?: Record<string, unknown>;
}

/**
 * Something another context must do in the same transaction when an order moves (the voucher context
 * releases a hold when its order is cancelled). Booking does not know its listeners; they register.
 */
export type OrderTransitionListener = (manager: EntityManager, order: Order, change: OrderChange) => Promise<void>;

/**
 * Every change to an order leaves three traces in the caller's transaction: a line in the order's
 * history, an audit event, and an outbox row that notifies the other party.
 */
@Injectable()
export class OrderChanges {
  constructor(
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  private readonly listeners: OrderTransitionListener[] = [];

  /** Registers a listener called after each recorded change, inside the change's transaction. */
  onTransition(listener: OrderTransitionListener): void {
    this.listeners.push(listener);
  }

  async record(manager: EntityManager, ctx: RequestContext | null, order: Order, change: OrderChange): Promise<void> {
    const actor = ctx ? { userId: ctx.actor.userId, orgId: ctx.actor.orgId } : null;
    const { identifiers } = await manager.insert(OrderEvent, {
      orderId: order.id,
      action: change.action,
      fromStatus: change.from,
      toStatus: order.status,
      actorUserId: actor?.userId ?? null,
      actorOrgId: actor?.orgId ?? null,
      note: change.note ?? null,
    });
    await this.audit.record(manager, {
      actor,
      action: change.action,
      entityType: 'order',
      entityId: order.id,
      subjectOrgId: order.smeOrgId,
      before: { status: change.from },
      after: { status: order.status, ...change.details },
      requestId: ctx?.requestId ?? null,
    });
    await this.outbox.add(manager, {
      aggregateType: 'order',
      aggregateId: order.id,
      eventType: change.action,
      // The history line's id names this event: duplicates of the outbox row map to the same notification.
      payload: {
        eventId: String(identifiers[0].id),
        actorOrgId: actor?.orgId ?? null,
        from: change.from,
        to: order.status,
      },
    });
    for (const listener of this.listeners) await listener(manager, order, change);
  }
}
