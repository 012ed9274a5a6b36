import { Injectable } from '@nestjs/common';
import { querySql, Sql, sql } from '@pilotlink/database';
import { EntityManager } from 'typeorm';

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
    await querySql(manager, this.recordSql(record));
  }

  /**
   * The INSERT of one event, for a caller that writes its change and the event in one statement (a CTE
   * of its own: `WITH …, audit AS (${recordSql}) …`).
   */
  recordSql(record: AuditRecord): Sql {
    return sql`INSERT INTO audit_events (actor_user_id, actor_org_id, action, entity_type, entity_id, subject_org_id,
                                         before, after, request_id)
               VALUES (${record.actor?.userId ?? null}::uuid, ${record.actor?.orgId ?? null}::uuid, ${record.action},
                       ${record.entityType}, ${record.entityId}, ${record.subjectOrgId ?? null}::uuid,
                       ${json(record.before)}::jsonb, ${json(record.after)}::jsonb, ${record.requestId ?? null})`;
  }
}

/** jsonb parameters go as JSON text; null stays SQL NULL. */
function json(value: Record<string, unknown> | null | undefined): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}
