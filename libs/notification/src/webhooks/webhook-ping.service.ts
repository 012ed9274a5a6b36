import { Injectable } from '@nestjs/common';
import { DomainError } from '@pilotlink/core';
import { Actor } from '@pilotlink/core';
import { randomUUID } from 'node:crypto';
import { Notifier } from '../dispatch/notifier.service';
import { WebhooksService } from './webhooks.service';

export const PING_EVENT_TYPE = 'webhook.ping';

/**
 * A test ping of an org's webhook: an inbox row of its own (subject: the endpoint) whose delivery is queued on
 * the webhooks queue like any notification's — the same signing, URL guard, retries and delivery log. Each
 * ping is a new event (its own key), so pinging twice sends twice.
 */
@Injectable()
export class WebhookPingService {
  constructor(
    private readonly webhooks: WebhooksService,
    private readonly notifier: Notifier,
  ) {}

  async ping(actor: Actor, orgId: string): Promise<{ notificationId: string }> {
    const endpoint = await this.webhooks.ownEnabledEndpoint(actor, orgId);
    if (!endpoint) {
      throw new DomainError('WEBHOOK_NOT_CONFIGURED', 'Set (and enable) a webhook URL before sending a test ping');
    }
    const pingId = randomUUID();
    const { notificationId, webhookQueued } = await this.notifier.deliverOnce({
      recipientOrgId: orgId,
      eventKey: `${PING_EVENT_TYPE}.${pingId}`,
      eventType: PING_EVENT_TYPE,
      subjectType: 'webhook',
      subjectId: endpoint.id,
      title: 'Webhook 测试推送',
      body: `这是一条测试推送，用于确认 ${endpoint.url} 能收到并验证中试通的签名推送。`,
      data: { ping: true, pingId, url: endpoint.url },
    });
    // Disabled between the check and the insert: the row stays in the inbox, nothing was queued.
    if (!webhookQueued) {
      throw new DomainError('WEBHOOK_NOT_CONFIGURED', 'The webhook was disabled before the ping could be queued');
    }
    return { notificationId };
  }
}
