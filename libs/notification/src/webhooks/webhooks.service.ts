import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@pilotlink/audit';
import { AppConfig, NotFoundError } from '@pilotlink/core';
import { withTransaction } from '@pilotlink/database';
import { Actor, RequestContext } from '@pilotlink/core';
import { randomBytes } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { Notification } from '../domain/notification.entity';
import { WebhookDelivery, WebhookEndpoint } from '../domain/webhook.entity';
import { SIGNATURE_HEADER } from '../domain/webhook-signature';
import { assertWebhookUrlAllowed, webhookUrlPolicy } from './webhook-url-guard';
import { PutWebhookDto } from '../dto/webhook.request.dto';
import { WebhookDeliveryDto, WebhookResponseDto } from '../dto/webhook.response.dto';

const RECENT_DELIVERIES = 20;

/** `whsec_` + 32 random bytes: what signs the org's deliveries. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

export function maskSecret(secret: string): string {
  return `whsec_…${secret.slice(-4)}`;
}

/** An org's webhook configuration: its owner reads and sets it; any other org gets 404. */
@Injectable()
export class WebhooksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(ConfigService) private readonly config: AppConfig,
  ) {}

  async get(actor: Actor, orgId: string): Promise<WebhookResponseDto> {
    this.assertOwnOrg(actor, orgId);
    const endpoint = await this.dataSource.getRepository(WebhookEndpoint).findOneBy({ orgId });
    return this.describe(endpoint, null);
  }

  /** Creates or updates the URL; a new endpoint or `rotateSecret` gets a fresh secret, shown in this answer only. */
  async put(ctx: RequestContext, orgId: string, input: PutWebhookDto): Promise<WebhookResponseDto> {
    this.assertOwnOrg(ctx.actor, orgId);
    await assertWebhookUrlAllowed(
      input.url,
      webhookUrlPolicy({
        NODE_ENV: this.config.get('NODE_ENV', { infer: true }),
        WEBHOOK_ALLOWED_HOSTS: this.config.get('WEBHOOK_ALLOWED_HOSTS', { infer: true }),
      }),
    );
    return withTransaction(this.dataSource, async (manager) => {
      const existing = await manager.findOne(WebhookEndpoint, {
        where: { orgId },
        lock: { mode: 'pessimistic_write' },
      });
      const revealed = !existing || input.rotateSecret ? newWebhookSecret() : null;
      const endpoint = existing ?? manager.create(WebhookEndpoint, { orgId });
      const before = existing ? { url: existing.url, enabled: existing.enabled } : null;
      endpoint.url = input.url;
      endpoint.enabled = input.enabled ?? existing?.enabled ?? true;
      if (revealed) endpoint.secret = revealed;
      await manager.save(endpoint);
      await this.audit.record(manager, {
        actor: { userId: ctx.actor.userId, orgId: ctx.actor.orgId },
        action: existing ? 'webhook.updated' : 'webhook.created',
        entityType: 'webhook',
        entityId: endpoint.id,
        subjectOrgId: orgId,
        before,
        // never the secret itself
        after: { url: endpoint.url, enabled: endpoint.enabled, secretRotated: Boolean(revealed) },
        requestId: ctx.requestId,
      });
      return this.describe(endpoint, revealed);
    });
  }

  /** The actor's own org's enabled endpoint, if any (another org: 404). */
  async ownEnabledEndpoint(actor: Actor, orgId: string): Promise<WebhookEndpoint | null> {
    this.assertOwnOrg(actor, orgId);
    return this.enabledEndpoint(orgId);
  }

  /** Which of these orgs have an enabled endpoint: one query for all the recipients of an event. */
  async orgsWithEnabledEndpoint(orgIds: readonly string[]): Promise<Set<string>> {
    if (orgIds.length === 0) return new Set();
    const rows = await this.dataSource.query<{ org_id: string }[]>(
      `SELECT org_id FROM webhook_endpoints WHERE org_id = ANY($1::uuid[]) AND enabled`,
      [[...new Set(orgIds)]],
    );
    return new Set(rows.map((row) => row.org_id));
  }

  /** The enabled endpoint of an org, if any (the worker's view). */
  enabledEndpoint(orgId: string): Promise<WebhookEndpoint | null> {
    return this.dataSource.getRepository(WebhookEndpoint).findOneBy({ orgId, enabled: true });
  }

  private async describe(endpoint: WebhookEndpoint | null, revealed: string | null): Promise<WebhookResponseDto> {
    const deliveries = endpoint
      ? await this.dataSource.getRepository(WebhookDelivery).find({
          where: { orgId: endpoint.orgId },
          order: { createdAt: 'DESC', attempt: 'DESC' },
          take: RECENT_DELIVERIES,
        })
      : [];
    const eventTypes = await this.eventTypesOf(deliveries.map((d) => d.notificationId));
    return {
      configured: Boolean(endpoint),
      url: endpoint?.url ?? null,
      enabled: endpoint?.enabled ?? false,
      secret: endpoint ? (revealed ?? maskSecret(endpoint.secret)) : null,
      secretRevealed: Boolean(revealed),
      signatureHeader: SIGNATURE_HEADER,
      updatedAt: endpoint?.updatedAt ?? null,
      deliveries: deliveries.map((d) => WebhookDeliveryDto.from(d, eventTypes.get(d.notificationId) ?? '')),
    };
  }

  private async eventTypesOf(notificationIds: string[]): Promise<Map<string, string>> {
    if (notificationIds.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(Notification)
      .find({ select: { id: true, eventType: true }, where: { id: In([...new Set(notificationIds)]) } });
    return new Map(rows.map((n) => [n.id, n.eventType]));
  }

  private assertOwnOrg(actor: Actor, orgId: string): void {
    if (actor.orgId !== orgId) throw new NotFoundError('Organisation');
  }
}
