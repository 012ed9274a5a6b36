import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PageQueryDto, Page, toPage } from '@pilotlink/core';
import { DataSource, EntityManager } from 'typeorm';
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

export interface AuditQuery {
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
 * Writes audit events inside the caller's transaction, so a change and its record commit or
 * roll back together.
 */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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

  async list(query: AuditQuery, page: PageQueryDto): Promise<Page<AuditEvent>> {
    const qb = this.dataSource.getRepository(AuditEvent).createQueryBuilder('e');
    if (query.entityType) qb.andWhere('e.entity_type = :entityType', { entityType: query.entityType });
    if (query.entityId) qb.andWhere('e.entity_id = :entityId', { entityId: query.entityId });
    if (query.subjectOrgId) qb.andWhere('e.subject_org_id = :subjectOrgId', { subjectOrgId: query.subjectOrgId });
    if (query.actorOrgId) qb.andWhere('e.actor_org_id = :actorOrgId', { actorOrgId: query.actorOrgId });
    if (query.from) qb.andWhere('e.occurred_at >= :from', { from: query.from });
    if (query.to) qb.andWhere('e.occurred_at < :to', { to: query.to });
    if (query.bureau) {
      // Orgs in the jurisdiction, the bureau's programs and their claims, and what the bureau itself did.
      qb.andWhere(
        `(e.actor_org_id = :bureauOrg
          OR e.subject_org_id IN (SELECT id FROM orgs WHERE region_code LIKE :prefix)
          OR (e.entity_type = 'voucher_program'
              AND e.entity_id IN (SELECT id::text FROM voucher_programs WHERE bureau_org_id = :bureauOrg))
          OR (e.entity_type = 'voucher_claim'
              AND e.entity_id IN (SELECT c.id::text FROM voucher_claims c
                                    JOIN voucher_programs p ON p.id = c.program_id WHERE p.bureau_org_id = :bureauOrg)))`,
        { bureauOrg: query.bureau.orgId, prefix: `${query.bureau.regionPrefix}%` },
      );
    }
    const [items, total] = await qb.orderBy('e.seq', 'DESC').skip(page.offset).take(page.limit).getManyAndCount();
    return toPage(items, total, page);
  }
}
