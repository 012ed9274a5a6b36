import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AppConfig,
  cleanFileName,
  Clock,
  DomainError,
  FileStore,
  NotFoundError,
  Page,
  PageQueryDto,
  sniffContentType,
  SNIFF_BYTES,
  toPage,
  UploadedFile,
} from '@pilotlink/core';
import { withTransaction } from '@pilotlink/database';
import { Actor, RequestContext } from '@pilotlink/core';
import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { planOrderAction } from '../domain/order';
import { ClaimReviewAccess } from './claim-review-access.port';
import { findReadable, lockForParty, partyOf } from './order-access';
import { OrderChanges } from './order-changes.service';
import { OrderDeliverable } from './order-records.entity';
import { Order } from './order.entity';

/** What a delivery report may be: PDF, an image, or an Office/ZIP file. */
const DELIVERABLE_KINDS = ['pdf', 'png', 'jpeg', 'office'] as const;

/**
 * Delivery: the platform attaches the report when it delivers (IN_PROGRESS → DELIVERED). Only the two
 * parties read the files (and, with the vouchers issue, a bureau reviewing a claim on the order).
 */
@Injectable()
export class DeliverablesService {
  private readonly logger = new Logger(DeliverablesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ConfigService) private readonly config: AppConfig,
    private readonly files: FileStore,
    private readonly changes: OrderChanges,
    private readonly clock: Clock,
    private readonly claimReviews: ClaimReviewAccess,
  ) {}

  /**
   * Checked before the upload is read, so a stranger or a wrong state never gets bytes stored; checked
   * again under the lock, since the order may move while the file arrives.
   */
  async assertMayDeliver(actor: Actor, orderId: string): Promise<void> {
    const order = await this.dataSource.manager.findOneBy(Order, { id: orderId });
    const party = order && partyOf(actor, order);
    if (!order || !party) throw new NotFoundError('Order');
    planOrderAction('deliver', order.status, party);
  }

  async deliver(ctx: RequestContext, orderId: string, file: UploadedFile): Promise<Order> {
    const contentType = sniffContentType(file.fileName, file.bytes.subarray(0, SNIFF_BYTES), DELIVERABLE_KINDS);
    if (!contentType) {
      throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'The report must be a PDF, an image, or an Office/ZIP file', {
        field: 'file',
      });
    }
    const storageKey = `deliverables/${orderId}/${randomUUID()}`;
    await this.files.put(storageKey, file.bytes);
    try {
      return await withTransaction(this.dataSource, async (manager) => {
        const { order, party } = await lockForParty(manager, ctx.actor, orderId);
        const from = order.status;
        order.status = planOrderAction('deliver', from, party);
        order.deliveredAt = this.clock.now();
        await manager.save(order);
        const deliverable = await manager.save(
          manager.create(OrderDeliverable, {
            orderId,
            fileName: cleanFileName(file.fileName, 'deliverable'),
            contentType,
            sizeBytes: file.bytes.length,
            sha256: createHash('sha256').update(file.bytes).digest('hex'),
            storageKey,
            uploadedBy: ctx.actor.userId,
          }),
        );
        await this.changes.record(manager, ctx, order, {
          action: 'order.deliver',
          from,
          details: { deliverableId: deliverable.id, fileName: deliverable.fileName, sha256: deliverable.sha256 },
        });
        return order;
      });
    } catch (error) {
      // The order did not move: the stored bytes belong to nothing.
      await this.files
        .remove(storageKey)
        .catch((err: unknown) => this.logger.warn({ err, storageKey }, 'orphan file left'));
      throw error;
    }
  }

  get maxBytes(): number {
    return this.config.get('DELIVERABLE_MAX_BYTES', { infer: true });
  }

  async list(actor: Actor, orderId: string, page: PageQueryDto): Promise<Page<OrderDeliverable>> {
    await this.readableDeliverables(actor, orderId);
    const [items, total] = await this.dataSource.manager.findAndCount(OrderDeliverable, {
      where: { orderId },
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: page.offset,
      take: page.limit,
    });
    return toPage(items, total, page);
  }

  async open(
    actor: Actor,
    orderId: string,
    deliverableId: string,
  ): Promise<{ file: OrderDeliverable; stream: Readable }> {
    await this.readableDeliverables(actor, orderId);
    const file = await this.dataSource.manager.findOneBy(OrderDeliverable, { id: deliverableId, orderId });
    if (!file) throw new NotFoundError('Deliverable');
    return { file, stream: this.files.open(file.storageKey) };
  }

  /**
   * The two parties read the files, and so does a bureau reviewing a voucher claim on the order (it
   * checks the acceptance report). The voucher context answers that through a port: booking does not
   * depend on vouchers.
   */
  private async readableDeliverables(actor: Actor, orderId: string): Promise<void> {
    if (actor.orgKind === 'BUREAU' && (await this.claimReviews.reviews(actor.orgId, orderId))) return;
    await findReadable(this.dataSource.manager, actor, orderId);
  }
}
