import { Injectable } from '@nestjs/common';
import { AuditService } from '@pilotlink/audit';
import { RequestContext } from '@pilotlink/core';
import { OutboxAggregate, OutboxService } from '@pilotlink/queue';
import { EntityManager } from 'typeorm';

export interface CatalogueChange {
  action: string;
  entityType: 'platform' | 'service' | 'equipment';
  entityId: string;
  /** The platform's operator org: whose catalogue changed (the audit event's subject). */
  operatorOrgId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
  /** Set for searchable entities: the change is also queued for the index. */
  indexAs?: OutboxAggregate;
}

/** Every catalogue change leaves an audit event and, if searchable, an outbox row — in the caller's transaction. */
@Injectable()
export class CatalogueChanges {
  constructor(
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async record(manager: EntityManager, ctx: RequestContext, change: CatalogueChange): Promise<void> {
    await this.audit.record(manager, {
      actor: { userId: ctx.actor.userId, orgId: ctx.actor.orgId },
      action: change.action,
      entityType: change.entityType,
      entityId: change.entityId,
      subjectOrgId: change.operatorOrgId,
      before: change.before,
      after: change.after,
      requestId: ctx.requestId,
    });
    if (change.indexAs) {
      await this.outbox.add(manager, {
        aggregateType: change.indexAs,
        aggregateId: change.entityId,
        eventType: change.action,
      });
    }
  }
}
