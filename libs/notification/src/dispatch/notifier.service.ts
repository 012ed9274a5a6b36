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
import { InboxService, NewNotification, WrittenNotification } from '../inbox/inbox.service';
import { WebhookDeliveryService } from '../webhooks/webhook-delivery.service';
import { WebhooksService } from '../webhooks/webhooks.service';
import { BatchReads } from './batch-reads';
import { foundBefore, webhookTargets } from './webhook-targets';

export type NotifyOutcome =
  | { notificationId: string; created: boolean; webhookQueued: boolean }
  | { skipped: 'subject-gone' | 'not-visible' | 'unknown-event' };

/** What a batch did: inbox rows written now, found from an earlier run, recipients skipped, webhooks queued. */
export interface BatchOutcome {
  created: number;
  found: number;
  skipped: number;
  webhooksQueued: number;
}

type Skipped = { skipped: 'subject-gone' | 'not-visible' | 'unknown-event' };

/**
 * The recipients of an event as one batch: renders each one's text (a demand through its view of it; a
 * subject shared by the batch read once), writes all their inbox rows in one statement, and queues the
 * webhook deliveries of those whose org has an enabled endpoint in one bulk add. Re-running it — a retry
 * after a crash between the insert and the enqueue — finds the rows and still queues the webhooks never
 * delivered, under the same job ids, so nothing is lost and nothing is sent twice.
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

  /** One recipient (a `notify-recipient` job): the batch of one. */
  async notify(job: NotifyRecipientJob): Promise<NotifyOutcome> {
    const [rendered] = await this.renderAll([job]);
    if ('skipped' in rendered) return rendered;
    return this.writeOne(rendered);
  }

  async notifyAll(jobs: readonly NotifyRecipientJob[]): Promise<BatchOutcome> {
    const rendered = await this.renderAll(jobs);
    const rows = rendered.filter((r): r is NewNotification => !('skipped' in r));
    const written = await this.write(rows);
    return {
      created: written.filter((w) => w.created).length,
      found: written.filter((w) => !w.created).length,
      skipped: jobs.length - rows.length,
      webhooksQueued: written.filter((w) => w.webhookQueued).length,
    };
  }

  /**
   * An inbox row rendered elsewhere (a digest): written once per (recipient, event key), its webhook
   * queued unless already delivered — the same guarantees as notify().
   */
  deliverOnce(row: NewNotification): Promise<{ notificationId: string; created: boolean; webhookQueued: boolean }> {
    return this.writeOne(row);
  }

  private async writeOne(
    row: NewNotification,
  ): Promise<{ notificationId: string; created: boolean; webhookQueued: boolean }> {
    const [written] = await this.write([row]);
    if (written) return { notificationId: written.id, created: written.created, webhookQueued: written.webhookQueued };
    // A concurrent run inserted it after this statement's snapshot was taken: that run queues its webhook.
    const found = await this.dataSource
      .getRepository(Notification)
      .findOneByOrFail({ recipientOrgId: row.recipientOrgId, eventKey: row.eventKey });
    return { notificationId: found.id, created: false, webhookQueued: false };
  }

  /** Inbox rows in one statement, then their webhooks (inbox first: a crash in between re-runs and finds them). */
  private async write(rows: readonly NewNotification[]): Promise<(WrittenNotification & { webhookQueued: boolean })[]> {
    const written = await this.inbox.insertAll(this.dataSource.manager, rows);
    const queued = await this.queueWebhooks(written);
    return written.map((w) => ({ ...w, webhookQueued: queued.has(w.id) }));
  }

  /** One query for the orgs with an endpoint, one for what was delivered (re-runs only), one bulk add. */
  private async queueWebhooks(written: readonly WrittenNotification[]): Promise<Set<string>> {
    const withEndpoint = await this.webhooks.orgsWithEnabledEndpoint(written.map((w) => w.recipientOrgId));
    if (withEndpoint.size === 0) return new Set();
    const delivered = await this.deliveries.deliveredOf(foundBefore(written, withEndpoint));
    const targets = webhookTargets(written, withEndpoint, delivered);
    if (targets.length === 0) return new Set();
    const name: keyof WebhookJobs = 'deliver-webhook';
    const opts = {
      attempts: this.config.get('WEBHOOK_ATTEMPTS', { infer: true }),
      backoff: { type: 'exponential', delay: this.config.get('WEBHOOK_BACKOFF_MS', { infer: true }) },
    };
    await this.webhookQueue.addBulk(
      targets.map((target) => ({
        name,
        data: { notificationId: target.id },
        opts: { ...opts, jobId: jobId('webhook', target.id) },
      })),
    );
    return new Set(targets.map((target) => target.id));
  }

  /** Each job's inbox row, or why it is skipped; the subjects' reads are shared by the batch. */
  private async renderAll(jobs: readonly NotifyRecipientJob[]): Promise<(NewNotification | Skipped)[]> {
    const reads = new BatchReads(this.quotes, this.orders, this.catalogue, this.demandTitles, jobs);
    const out: (NewNotification | Skipped)[] = [];
    for (const job of jobs) {
      const rendered = await this.render(job, reads);
      out.push(
        'skipped' in rendered
          ? rendered
          : {
              recipientOrgId: job.recipientOrgId,
              eventKey: job.eventKey,
              eventType: job.eventType,
              subjectType: job.subjectType as Notification['subjectType'],
              subjectId: job.subjectId,
              ...rendered,
            },
      );
    }
    return out;
  }

  private async render(job: NotifyRecipientJob, reads: BatchReads): Promise<Rendered | Skipped> {
    switch (job.subjectType) {
      case 'demand':
        return this.renderDemandEvent(job);
      case 'quote':
        return this.renderQuoteEvent(job, reads);
      case 'service':
        return this.renderServiceEvent(job, reads);
      case 'order':
        return this.renderOrderEvent(job, reads);
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

  private async renderQuoteEvent(job: NotifyRecipientJob, reads: BatchReads) {
    const action = quoteActionOf(job.eventType);
    if (!action) return { skipped: 'unknown-event' as const };
    const quote = await reads.quote(job.subjectId);
    if (!quote) return { skipped: 'subject-gone' as const };
    const platformName = await reads.platformName(quote.platformId);
    if (platformName === undefined) return { skipped: 'subject-gone' as const };
    const revision = Number.isInteger(job.reason.revision) ? Number(job.reason.revision) : quote.revision;
    return renderQuote(action, { ...quote, revision }, { demandTitle: quote.demandTitle, platformName });
  }

  private async renderOrderEvent(job: NotifyRecipientJob, reads: BatchReads) {
    const action = orderActionOf(job.eventType);
    if (!action) return { skipped: 'unknown-event' as const };
    const order = await reads.order(job.subjectId);
    if (!order) return { skipped: 'subject-gone' as const };
    const platformName = await reads.platformName(order.platformId);
    if (platformName === undefined) return { skipped: 'subject-gone' as const };
    return renderOrder(action, order, { platformName });
  }

  private async renderServiceEvent(job: NotifyRecipientJob, reads: BatchReads) {
    const service = await reads.service(job.subjectId);
    if (!service) return { skipped: 'subject-gone' as const };
    const demandId = typeof job.reason.demandId === 'string' ? job.reason.demandId : null;
    // The recipient owns the demand, so its title is theirs to see.
    const demand = demandId ? await reads.demand(demandId) : undefined;
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
