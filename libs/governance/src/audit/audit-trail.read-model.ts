import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Page, PageQueryDto, toPage } from '@pilotlink/core';
import { DataSource } from 'typeorm';

/** One audit event as the trail shows it. */
export interface AuditTrailEvent {
  id: string;
  occurredAt: Date;
  actorUserId: string | null;
  actorOrgId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  subjectOrgId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
}

export interface AuditTrailQuery {
  entityType?: string;
  entityId?: string;
  subjectOrgId?: string;
  actorOrgId?: string;
  from?: string;
  to?: string;
  /** A bureau's view: its org and the region-code prefix its jurisdiction shares (350500 → '3505'). */
  bureau?: { orgId: string; regionPrefix: string };
}

/**
 * The audit trail report's read model (declared in read-models.ts): the audit context's events, and for a
 * bureau's view the orgs of its jurisdiction and its voucher programs and their claims.
 */
@Injectable()
export class AuditTrailReadModel {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The events matching the query, newest first. */
  async list(query: AuditTrailQuery, page: PageQueryDto): Promise<Page<AuditTrailEvent>> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    if (query.entityType) where.push(`e.entity_type = ${param(query.entityType)}`);
    if (query.entityId) where.push(`e.entity_id = ${param(query.entityId)}`);
    if (query.subjectOrgId) where.push(`e.subject_org_id = ${param(query.subjectOrgId)}`);
    if (query.actorOrgId) where.push(`e.actor_org_id = ${param(query.actorOrgId)}`);
    if (query.from) where.push(`e.occurred_at >= ${param(query.from)}`);
    if (query.to) where.push(`e.occurred_at < ${param(query.to)}`);
    if (query.bureau) {
      const bureauOrg = param(query.bureau.orgId);
      const prefix = param(`${query.bureau.regionPrefix}%`);
      // Orgs in the jurisdiction, the bureau's programs and their claims, and what the bureau itself did.
      where.push(
        `(e.actor_org_id = ${bureauOrg}
          OR e.subject_org_id IN (SELECT id FROM orgs WHERE region_code LIKE ${prefix})
          OR (e.entity_type = 'voucher_program'
              AND e.entity_id IN (SELECT id::text FROM voucher_programs WHERE bureau_org_id = ${bureauOrg}))
          OR (e.entity_type = 'voucher_claim'
              AND e.entity_id IN (SELECT c.id::text FROM voucher_claims c
                                    JOIN voucher_programs p ON p.id = c.program_id WHERE p.bureau_org_id = ${bureauOrg})))`,
      );
    }
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM audit_events e ${filter}`,
      params,
    );
    const rows = await this.dataSource.query<EventRow[]>(
      `SELECT e.id, e.occurred_at, e.actor_user_id, e.actor_org_id, e.action, e.entity_type, e.entity_id,
              e.subject_org_id, e.before, e.after, e.request_id
         FROM audit_events e ${filter}
        ORDER BY e.seq DESC OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
      [...params, page.offset, page.limit],
    );
    return toPage(rows.map(toEvent), total, page);
  }
}

interface EventRow {
  id: string;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_org_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  subject_org_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  request_id: string | null;
}

function toEvent(row: EventRow): AuditTrailEvent {
  return {
    id: row.id,
    occurredAt: row.occurred_at,
    actorUserId: row.actor_user_id,
    actorOrgId: row.actor_org_id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    subjectOrgId: row.subject_org_id,
    before: row.before,
    after: row.after,
    requestId: row.request_id,
  };
}
