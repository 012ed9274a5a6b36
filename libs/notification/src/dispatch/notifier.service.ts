import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { CatalogueNotices } from '@pilotlink/catalogue';
import { OrderNotices } from '@pilotlink/booking';
import { AppConfig } from '@pilotlink/core';
import { DemandAudience, DemandAudienceMember, DemandFacts as DemandTitles, QuoteNotices } from '@pilotlink/demand';
import { jobId, NotifyRecipientJob, QUEUES, WebhookJobs } from '@pilotlink/queue';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { orderActionOf, quoteActionOf } from '../domain/event-keys';
import { Notification } from '../domain/notification.entity';
import {
  DemandReason,
  Rendered,
  renderDemand,
  renderOrder,
  renderQuote,
  renderServiceFit,
  renderVoucher,
} from '../domain/render';
import { InboxService, NewNotification } from '../inbox/inbox.service';
import { WebhookDeliveryService } from '../webhooks/webhook-delivery.service';
import { WebhooksService } from '../webhooks/webhooks.service';

export type NotifyOutcome =
  | { notificationId: string; created: boolean; webhookQueued: boolean }
  | { skipped: 'subject-gone' | 'not-visible' | 'unknown-event' };

/**
 * One recipient of one event: renders the text for this recipient (a demand through its view of it),
 * writes the inbox row once, and queues the webhook delivery. Re-running it — a retry after a crash
 * between the insert and the enqueue — finds the row and still queues a webhook that was never
 * delivered, under the same job id, so nothing is lost and nothing is sent twice.
 */
@Injectable()
export class Notifier {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly inbox: InboxService,
    private readonly webhooks: WebhooksService,
    private readonly deliveries: WebhookDeliveryService,
    private readonly audience: DemandAudience,
    private readonly quotes: QuoteNotices,
    private readonly orders: OrderNotices,
    private readonly catalogue: CatalogueNotices,
    private readonly demandTitles: DemandTitles,
    @InjectQueue(QUEUES.WEBHOOKS) private readonly webhookQueue: Queue,
    @Inject(ConfigService) private readonly config: AppConfig,
  ) {}

  async notify(job: NotifyRecipientJob): Promise<NotifyOutcome> {
    const rendered = await this.render(job);
    if ('skipped' in rendered) return rendered;
    const { notification, created } = await this.inbox.insertOnce(this.dataSource.manager, {
      recipientOrgId: job.recipientOrgId,
      eventKey: job.eventKey,
      eventType: job.eventType,
      subjectType: job.subjectType as Notification['subjectType'],
      subjectId: job.subjectId,
      ...rendered,
    });
    return { notificationId: notification.id, created, webhookQueued: await this.queueWebhook(notification, created) };
  }

  /**
   * An inbox row rendered elsewhere (a digest): written once per (recipient, event key), its webhook
   * queued unless already delivered — the same guarantees as notify().
   */
  async deliverOnce(
    row: NewNotification,
  ): Promise<{ notificationId: string; created: boolean; webhookQueued: boolean }> {
    const { notification, created } = await this.inbox.insertOnce(this.dataSource.manager, row);
    return { notificationId: notification.id, created, webhookQueued: await this.queueWebhook(notification, created) };
  }

  /** A row this call just created cannot have been delivered yet: only a re-run asks the delivery log. */
  private async queueWebhook(notification: Notification, created: boolean): Promise<boolean> {
    if (!(await this.webhooks.enabledEndpoint(notification.recipientOrgId))) return false;
    if (!created && (await this.deliveries.delivered(notification.id))) return false;
    const name: keyof WebhookJobs = 'deliver-webhook';
    await this.webhookQueue.add(
      name,
      { notificationId: notification.id },
      {
        jobId: jobId('webhook', notification.id),
        attempts: this.config.get('WEBHOOK_ATTEMPTS', { infer: true }),
        backoff: { type: 'exponential', delay: this.config.get('WEBHOOK_BACKOFF_MS', { infer: true }) },
      },
    );
    return true;
  }

  private async render(
    job: NotifyRecipientJob,
  ): Promise<Rendered | { skipped: 'subject-gone' | 'not-visible' | 'unknown-event' }> {
    switch (job.subjectType) {
      case 'demand':
        return this.renderDemandEvent(job);
      case 'quote':
        return this.renderQuoteEvent(job);
      case 'service':
        return this.renderServiceEvent(job);
      case 'order':
        return this.renderOrderEvent(job);
      case 'voucher':
        return renderVoucher(job.eventType, job.reason);
      default:
        return { skipped: 'unknown-event' };
    }
  }

  /**
   * Renders the view the dispatcher resolved with the recipients. A job without it (queued before it
   * was carried) asks the demand for the recipient's view now: an org that may not see it is not told.
   */
  private async renderDemandEvent(job: NotifyRecipientJob) {
    let member = carriedView(job);
    if (!member) {
      const audience = await this.audience.audienceFor(job.subjectId, [job.recipientOrgId]);
      if (!audience) return { skipped: 'subject-gone' as const };
      member = audience.members.get(job.recipientOrgId);
      if (!member) return { skipped: 'not-visible' as const };
    }
    const kind = job.eventType === 'demand.invited' ? 'invited' : 'published';
    return renderDemand(kind, member.demand, member.view, job.reason as DemandReason);
  }

  private async renderQuoteEvent(job: NotifyRecipientJob) {
    const action = quoteActionOf(job.eventType);
    if (!action) return { skipped: 'unknown-event' as const };
    const [quote] = await this.quotes.ofIds([job.subjectId]);
    if (!quote) return { skipped: 'subject-gone' as const };
    const platformName = (await this.catalogue.platformNamesOf([quote.platformId])).get(quote.platformId);
    if (platformName === undefined) return { skipped: 'subject-gone' as const };
    const revision = Number.isInteger(job.reason.revision) ? Number(job.reason.revision) : quote.revision;
    return renderQuote(action, { ...quote, revision }, { demandTitle: quote.demandTitle, platformName });
  }

  private async renderOrderEvent(job: NotifyRecipientJob) {
    const action = orderActionOf(job.eventType);
    if (!action) return { skipped: 'unknown-event' as const };
    const [order] = await this.orders.ofIds([job.subjectId]);
    if (!order) return { skipped: 'subject-gone' as const };
    const platformName = (await this.catalogue.platformNamesOf([order.platformId])).get(order.platformId);
    if (platformName === undefined) return { skipped: 'subject-gone' as const };
    return renderOrder(action, order, { platformName });
  }

  private async renderServiceEvent(job: NotifyRecipientJob) {
    const [service] = await this.catalogue.servicesOf([job.subjectId]);
    if (!service) return { skipped: 'subject-gone' as const };
    const demandId = typeof job.reason.demandId === 'string' ? job.reason.demandId : null;
    // The recipient owns the demand, so its title is theirs to see.
    const [demand] = demandId ? await this.demandTitles.ofIds([demandId]) : [];
    if (demandId && !demand) return { skipped: 'subject-gone' as const };
    return renderServiceFit(
      {
        id: service.id,
        title: service.title,
        category: service.category,
        platformId: service.platform.id,
        platformName: service.platform.name,
      },
      demand ? { id: demand.id, title: demand.title } : undefined,
    );
  }
}

/** The recipient's view of the demand as the dispatcher put it into the job, if it is there and whole. */
function carriedView(job: NotifyRecipientJob): DemandAudienceMember | undefined {
  const carried = job.subjectView as Partial<DemandAudienceMember> | undefined;
  const whole =
    carried?.orgId === job.recipientOrgId &&
    (carried.view === 'FULL' || carried.view === 'SUMMARY') &&
    carried.demand?.id === job.subjectId;
  return whole ? (carried as DemandAudienceMember) : undefined;
}
