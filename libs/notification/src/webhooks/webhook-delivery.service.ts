import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, Clock } from '@pilotlink/core';
import { uniqueViolation } from '@pilotlink/database';
import { DataSource } from 'typeorm';
import { Notification } from '../domain/notification.entity';
import { WebhookDelivery } from '../domain/webhook.entity';
import { SIGNATURE_HEADER, signWebhook } from '../domain/webhook-signature';
import { postToWebhook, webhookUrlPolicy } from './webhook-url-guard';
import { WebhooksService } from './webhooks.service';

export type DeliveryOutcome =
  | { delivered: true; status: number; attempt: number }
  | { skipped: 'notification-gone' | 'already-delivered' | 'no-enabled-endpoint' };

/** What a receiver gets (the raw body is what the signature covers). */
export interface WebhookBody {
  id: string;
  eventType: string;
  eventKey: string;
  notificationId: string;
  title: string;
  body: string;
  data: Record<string, unknown>;
  createdAt: string;
}

export class WebhookDeliveryFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookDeliveryFailed';
  }
}

/**
 * One attempt to POST a notification to its org's webhook. Every attempt is logged; a non-2xx
 * answer, a timeout or a refused connection throws so BullMQ retries with exponential backoff.
 * A notification already delivered is not sent again (the log has at most one success per
 * notification, enforced by a unique index).
 */
@Injectable()
export class WebhookDeliveryService {
  private readonly logger = new Logger(WebhookDeliveryService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly webhooks: WebhooksService,
    @Inject(ConfigService) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async deliver(notificationId: string): Promise<DeliveryOutcome> {
    const notification = await this.dataSource.getRepository(Notification).findOneBy({ id: notificationId });
    if (!notification) return { skipped: 'notification-gone' };
    const log = await this.logSoFar(notificationId);
    if (log.delivered) return { skipped: 'already-delivered' };
    const endpoint = await this.webhooks.enabledEndpoint(notification.recipientOrgId);
    if (!endpoint) return { skipped: 'no-enabled-endpoint' };

    const payload = JSON.stringify(bodyOf(notification));
    const attempt = log.attempts + 1;
    const started = performance.now();
    let status: number | null = null;
    let error: string | null = null;
    try {
      // Checked again here, on the address connected to: the name may resolve elsewhere than at save time.
      status = await postToWebhook(
        endpoint.url,
        {
          headers: {
            'content-type': 'application/json',
            'user-agent': 'PilotLink-Webhooks/1',
            [SIGNATURE_HEADER]: signWebhook(endpoint.secret, payload, Math.floor(this.clock.now().getTime() / 1000)),
          },
          body: payload,
          timeoutMs: this.config.get('WEBHOOK_TIMEOUT_MS', { infer: true }),
        },
        webhookUrlPolicy({
          NODE_ENV: this.config.get('NODE_ENV', { infer: true }),
          WEBHOOK_ALLOWED_HOSTS: this.config.get('WEBHOOK_ALLOWED_HOSTS', { infer: true }),
        }),
      );
      if (status < 200 || status >= 300) error = `answered HTTP ${status}`;
    } catch (caught) {
      error = describe(caught);
    }
    const durationMs = Math.round(performance.now() - started);
    const succeeded = error === null;
    await this.log({
      notificationId,
      orgId: endpoint.orgId,
      attempt,
      url: endpoint.url,
      status,
      error,
      durationMs,
      succeeded,
    });
    if (!succeeded) throw new WebhookDeliveryFailed(`webhook ${endpoint.url} ${error}`);
    return { delivered: true, status: status!, attempt };
  }

  /** Which of these notifications were delivered already. */
  async deliveredOf(notificationIds: readonly string[]): Promise<Set<string>> {
    if (notificationIds.length === 0) return new Set();
    const rows = await this.dataSource.query<{ notification_id: string }[]>(
      `SELECT notification_id FROM webhook_deliveries WHERE notification_id = ANY($1::uuid[]) AND succeeded`,
      [[...notificationIds]],
    );
    return new Set(rows.map((row) => row.notification_id));
  }

  /** Attempts logged so far and whether one succeeded: one query per attempt instead of two. */
  private async logSoFar(notificationId: string): Promise<{ attempts: number; delivered: boolean }> {
    const [row] = await this.dataSource.query<{ attempts: number; delivered: boolean }[]>(
      `SELECT count(*)::int AS attempts, coalesce(bool_or(succeeded), false) AS delivered
         FROM webhook_deliveries WHERE notification_id = $1`,
      [notificationId],
    );
    return row;
  }

  private async log(entry: {
    notificationId: string;
    orgId: string;
    attempt: number;
    url: string;
    status: number | null;
    error: string | null;
    durationMs: number;
    succeeded: boolean;
  }): Promise<void> {
    try {
      await this.dataSource.getRepository(WebhookDelivery).insert({
        notificationId: entry.notificationId,
        orgId: entry.orgId,
        attempt: entry.attempt,
        url: entry.url,
        responseStatus: entry.status,
        error: entry.error?.slice(0, 2000) ?? null,
        durationMs: entry.durationMs,
        succeeded: entry.succeeded,
      });
    } catch (error) {
      // Two racing attempts both succeeded: the first one logged is the delivery, the other a duplicate.
      if (uniqueViolation(error) !== 'webhook_deliveries_one_success') throw error;
      this.logger.warn({ notificationId: entry.notificationId }, 'webhook delivered twice by racing attempts');
    }
  }
}

export function bodyOf(n: Notification): WebhookBody {
  return {
    id: n.id,
    eventType: n.eventType,
    eventKey: n.eventKey,
    notificationId: n.id,
    title: n.title,
    body: n.body,
    data: n.data,
    createdAt: n.createdAt.toISOString(),
  };
}

function describe(error: unknown): string {
  // Duck-typed rather than `instanceof Error`: fetch's errors may come from another realm (e.g. under jest).
  const e = error as {
    name?: string;
    code?: string;
    message?: string;
    cause?: { name?: string; code?: string; message?: string };
  } | null;
  if (e?.name === 'TimeoutError' || e?.cause?.name === 'TimeoutError') return 'timed out';
  return e?.code === 'ABORT_ERR' ? 'timed out' : (e?.code ?? e?.cause?.code ?? e?.message ?? String(error));
}
