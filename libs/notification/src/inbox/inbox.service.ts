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
   * Inserts the inbox row unless this recipient already has one for the event key; either way returns
   * the row, and whether this call created it.
   */
  async insertOnce(
    manager: EntityManager,
    row: NewNotification,
  ): Promise<{ notification: Notification; created: boolean }> {
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values({ ...row, data: row.data as never })
      .orIgnore()
      .returning(['id', 'created_at'])
      .execute();
    const repository = manager.getRepository(Notification);
    const [fresh] = inserted.raw as { id: string; created_at: Date }[];
    if (fresh) {
      // Just created: the row is what was inserted, so it is not read back (one query less per notification).
      const notification = repository.create({ ...row, id: fresh.id, createdAt: fresh.created_at, readAt: null });
      return { notification, created: true };
    }
    const notification = await repository.findOneByOrFail({
      recipientOrgId: row.recipientOrgId,
      eventKey: row.eventKey,
    });
    return { notification, created: false };
  }
}
