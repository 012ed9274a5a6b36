import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotFoundError, Page, toPage } from '@pilotlink/core';
import { Actor } from '@pilotlink/core';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { Notification, SubjectType } from '../domain/notification.entity';
import { NotificationListQueryDto } from '../dto/notification.request.dto';

export interface NewNotification {
  recipientOrgId: string;
  eventKey: string;
  eventType: string;
  subjectType: SubjectType;
  subjectId: string;
  title: string;
  body: string;
  data: Record<string, unknown>;
}

/** An inbox row of a batch as insertAll answers it: created by this call, or found from an earlier one. */
export interface WrittenNotification {
  id: string;
  recipientOrgId: string;
  created: boolean;
}

/** The in-app inbox of an org: every member of the org sees (and marks read) the same entries. */
@Injectable()
export class InboxService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(actor: Actor, query: NotificationListQueryDto): Promise<Page<Notification>> {
    const [items, total] = await this.dataSource.getRepository(Notification).findAndCount({
      where: { recipientOrgId: actor.orgId, ...(query.unread ? { readAt: IsNull() } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: query.offset,
      take: query.limit,
    });
    return toPage(items, total, query);
  }

  unreadCount(actor: Actor): Promise<number> {
    return this.dataSource.getRepository(Notification).countBy({ recipientOrgId: actor.orgId, readAt: IsNull() });
  }

  /** Idempotent: a second call keeps the first read time. Another org's notification answers 404. */
  async markRead(actor: Actor, id: string): Promise<Notification> {
    const [rows] = await this.dataSource.query<[{ id: string }[], number]>(
      `UPDATE notifications SET read_at = coalesce(read_at, now())
        WHERE id = $1 AND recipient_org_id = $2 RETURNING id`,
      [id, actor.orgId],
    );
    if (rows.length === 0) throw new NotFoundError('Notification');
    return this.dataSource.getRepository(Notification).findOneByOrFail({ id });
  }

  /**
   * Inserts the rows of a batch (an event's recipients) in one statement, each unless its recipient
   * already has one for its event key (the unique key keeps a re-run from adding anything); answers
   * every row, created by this call or found from an earlier one. A row a concurrent run is inserting
   * at the same moment is neither: that run answers it.
   */
  async insertAll(manager: EntityManager, rows: readonly NewNotification[]): Promise<WrittenNotification[]> {
    if (rows.length === 0) return [];
    const written = await manager.query<{ id: string; recipient_org_id: string; created: boolean }[]>(
      `WITH input AS (
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::text[],
                              $8::jsonb[])
                  AS i(recipient_org_id, event_key, event_type, subject_type, subject_id, title, body, data)
       ), fresh AS (
         INSERT INTO notifications (recipient_org_id, event_key, event_type, subject_type, subject_id, title, body, data)
         SELECT * FROM input
         ON CONFLICT (recipient_org_id, event_key) DO NOTHING
         RETURNING id, recipient_org_id
       )
       SELECT id, recipient_org_id, true AS created FROM fresh
       UNION ALL
       SELECT n.id, n.recipient_org_id, false FROM notifications n JOIN input i USING (recipient_org_id, event_key)`,
      [
        rows.map((r) => r.recipientOrgId),
        rows.map((r) => r.eventKey),
        rows.map((r) => r.eventType),
        rows.map((r) => r.subjectType),
        rows.map((r) => r.subjectId),
        rows.map((r) => r.title),
        rows.map((r) => r.body),
        rows.map((r) => JSON.stringify(r.data)),
      ],
    );
    return written.map((w) => ({ id: w.id, recipientOrgId: w.recipient_org_id, created: w.created }));
  }
}
