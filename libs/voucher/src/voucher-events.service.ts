import { Injectable } from '@nestjs/common';
import { AuditService } from '@pilotlink/audit';
import type { RequestContext } from '@pilotlink/core';
import { joinSql, querySql, rawSql, Sql, sql } from '@pilotlink/database';
import { OutboxService } from '@pilotlink/queue';
import { EntityManager } from 'typeorm';

export interface VoucherEvent {
  /** e.g. `voucher.application.approved`, `voucher.claim.rejected`. */
  action: string;
  entityType: 'voucher_application' | 'voucher' | 'voucher_hold' | 'voucher_claim' | 'disbursement_batch';
  entityId: string;
  /** Whose object it is (the SME, or the payee of a claim): the audit subject. */
  subjectOrgId: string;
  /** Orgs told about it through the notification pipeline (inbox + webhook). */
  notify: string[];
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown>;
}

/**
 * Every decision on voucher money leaves an audit event and, for the orgs concerned, an outbox row the
 * notification pipeline turns into an inbox entry and a webhook (SPEC §6: notify every decision).
 */
@Injectable()
export class VoucherEvents {
  constructor(
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async record(manager: EntityManager, ctx: RequestContext | null, event: VoucherEvent): Promise<void> {
    await querySql(manager, sql`WITH ${this.recordCtes(ctx, event, 'event')} SELECT 1`);
  }

  /**
   * The event's writes as CTEs named `<name>_audit` and `<name>_outbox`, for a service that writes its change
   * and its event in one statement (`WITH <its CTEs>, ${recordCtes} SELECT …`).
   */
  recordCtes(ctx: RequestContext | null, event: VoucherEvent, name: string): Sql {
    const audit = this.audit.recordSql({
      actor: ctx ? { userId: ctx.actor.userId, orgId: ctx.actor.orgId } : null,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      subjectOrgId: event.subjectOrgId,
      before: event.before ?? null,
      after: event.after ?? {},
      requestId: ctx?.requestId ?? null,
    });
    const ctes = [sql`${rawSql(name)}_audit AS (${audit})`];
    if (event.notify.length > 0) {
      const outbox = this.outbox.addSql({
        aggregateType: 'voucher',
        aggregateId: event.entityId,
        eventType: event.action,
        payload: { recipientOrgIds: [...new Set(event.notify)], entityType: event.entityType, ...event.after },
      });
      ctes.push(sql`${rawSql(name)}_outbox AS (${outbox})`);
    }
    return joinSql(ctes, ', ');
  }
}
