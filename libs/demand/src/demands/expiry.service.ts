import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@pilotlink/audit';
import { chinaDate, Clock } from '@pilotlink/core';
import { withTransaction } from '@pilotlink/database';
import { OutboxService } from '@pilotlink/queue';
import { DataSource } from 'typeorm';

export interface ExpiryResult {
  demands: number;
  quotes: number;
}

/**
 * The scheduled expiry (SPEC §4): an open demand whose date has passed (a challenge's deadline plus its
 * award window — "platforms submit proposals until the deadline, then the SME has an award window, default
 * 30 days, to pick one" — else its wanted-by date) becomes EXPIRED; a live quote past its validity becomes EXPIRED. Dates are
 * Beijing calendar days. Each change is audited with no actor (the system did it) and written to the
 * outbox in the same transaction.
 */
@Injectable()
export class ExpiryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async expireDue(): Promise<ExpiryResult> {
    const today = chinaDate(this.clock.now());
    return withTransaction(this.dataSource, async (manager) => {
      // pg answers an UPDATE … RETURNING through TypeORM as [rows, rowCount].
      const [demands] = await manager.query<[{ id: string; sme_org_id: string }[], number]>(
        `UPDATE demands SET status = 'EXPIRED', status_reason = '已过截止日期', updated_at = now()
          WHERE status = 'OPEN'
            AND COALESCE(CASE WHEN mode = 'CHALLENGE' THEN challenge_deadline + award_window_days END, wanted_by) < $1
          RETURNING id, sme_org_id`,
        [today],
      );
      const [quotes] = await manager.query<[{ id: string; platform_org_id: string; revision: number }[], number]>(
        `UPDATE quotes SET status = 'EXPIRED', updated_at = now()
          WHERE status IN ('SUBMITTED', 'REVISION_REQUESTED') AND valid_until < $1
          RETURNING id, platform_org_id, revision`,
        [today],
      );
      for (const row of demands) {
        await this.audit.record(manager, {
          actor: null,
          action: 'demand.expired',
          entityType: 'demand',
          entityId: row.id,
          subjectOrgId: row.sme_org_id,
          before: { status: 'OPEN' },
          after: { status: 'EXPIRED' },
        });
      }
      for (const row of quotes) {
        await this.audit.record(manager, {
          actor: null,
          action: 'quote.expired',
          entityType: 'quote',
          entityId: row.id,
          subjectOrgId: row.platform_org_id,
          after: { status: 'EXPIRED' },
        });
      }
      // Expired demands leave the search index; both sides hear of an expired quote.
      await this.outbox.add(
        manager,
        ...demands.map((row) => ({
          aggregateType: 'demand' as const,
          aggregateId: row.id,
          eventType: 'demand.expired',
        })),
        ...quotes.map((row) => ({
          aggregateType: 'quote' as const,
          aggregateId: row.id,
          eventType: 'quote.expired',
          payload: { revision: row.revision },
        })),
      );
      return { demands: demands.length, quotes: quotes.length };
    });
  }
}
