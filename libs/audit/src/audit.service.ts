import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditEvent } from './audit-event.entity';

export interface AuditActor {
  userId: string | null;
  orgId: string | null;
}

export interface AuditRecord {
  actor: AuditActor | null;
  action: string;
  entityType: string;
  entityId: string;
  subjectOrgId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  requestId?: string | null;
}

/**
 * Writes audit events inside the caller's transaction, so a change and its record commit or
 * roll back together.
 */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, record: AuditRecord): Promise<void> {
    await manager.insert(AuditEvent, {
      actorUserId: record.actor?.userId ?? null,
      actorOrgId: record.actor?.orgId ?? null,
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId,
      subjectOrgId: record.subjectOrgId ?? null,
      before: (record.before ?? null) as never,
      after: (record.after ?? null) as never,
      requestId: record.requestId ?? null,
    });
  }
}
