import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CatalogueNotices } from '@pilotlink/catalogue';
import { withParentFields } from '@pilotlink/core';
import { OrderNotices } from '@pilotlink/booking';
import { DemandAudience, MatchingService, QuoteNotices } from '@pilotlink/demand';
import { DispatchEventJob, NotifyRecipientJob, OutboxService } from '@pilotlink/queue';
import { DataSource } from 'typeorm';
import {
  eventKey,
  orderActionOf,
  orderRecipients,
  quoteActionOf,
  QuoteAction,
  quoteRecipientSide,
} from '../domain/event-keys';
import { DemandReason } from '../domain/render';
import { subscriptionFits } from '../domain/subscription-fit';
import { Subscription } from '../domain/subscription.entity';
import { SubscriptionsService } from '../subscriptions/subscriptions.service';
import { BatchOutcome, Notifier } from './notifier.service';

/** SPEC §4: the top-K matched platforms of a published demand are notified (plus fitting subscriptions). */
export const MATCHED_PLATFORMS_NOTIFIED = 20;
/** Open demands a new or changed service is checked against. */
export const FITTING_DEMANDS_NOTIFIED = 50;

/**
 * Turns one domain event into one inbox notification per recipient org, written here in PostgreSQL
 * (each idempotent by the inbox's unique key `eventKey` + org: a retried dispatch, a duplicate outbox row
 * or a relay replay adds nothing new), then records on the outbox row that its dispatch ran. Until then
 * the relay's sweeper queues the event again — so a Redis that lost its jobs loses no notification. Recipients are resolved from current state (the event only names what changed), and
 * a demand's recipients are its audience as the demand context decides it (demandViewFor), resolved once
 * with each one's view: an org that may not see the demand, or its owner, is never told about it. All the
 * recipients of an event are written as one batch (Notifier.notifyAll).
 */
@Injectable()
export class NotificationDispatcher {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly matching: MatchingService,
    private readonly subscriptions: SubscriptionsService,
    private readonly audience: DemandAudience,
    private readonly quotes: QuoteNotices,
    private readonly orders: OrderNotices,
    private readonly catalogue: CatalogueNotices,
    private readonly notifier: Notifier,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Inbox rows (one statement), then webhook jobs, then the outbox row marked dispatched: a crash before the
   * mark leaves the event to the sweeper, whose re-run writes nothing new and queues only missing webhooks.
   */
  async dispatch(event: DispatchEventJob): Promise<{ eventType: string; recipients: number } & BatchOutcome> {
    const jobs = await this.recipientsOf(event);
    const outcome = await this.notifier.notifyAll(jobs);
    if (/^[1-9]\d*$/.test(event.outboxId)) await this.outbox.markDispatched(this.dataSource.manager, event.outboxId);
    return { eventType: event.eventType, recipients: jobs.length, ...outcome };
  }

  recipientsOf(event: DispatchEventJob): Promise<NotifyRecipientJob[]> {
    switch (event.eventType) {
      case 'demand.published':
        return this.demandPublished(event.aggregateId);
      case 'demand.invited':
        return this.demandInvited(event.aggregateId, String(event.payload.platformOrgId ?? ''));
      case 'service.published':
      case 'service.updated':
        return this.serviceFits(event.eventType, event.aggregateId);
    }
    const action = quoteActionOf(event.eventType);
    if (action) return this.quoteEvent(event.eventType, action, event.aggregateId, event.payload);
    const orderAction = orderActionOf(event.eventType);
    if (orderAction) return this.orderEvent(event.eventType, orderAction, event.aggregateId, event.payload);
    if (event.eventType.startsWith('voucher.')) return Promise.resolve(voucherRecipients(event));
    // Notifying events without recipients here (yet) are consumed without effect.
    return Promise.resolve([]);
  }

  /** Top matched platforms ∪ platforms whose subscription fits ∪ invited platforms; one job per org. */
  private async demandPublished(demandId: string): Promise<NotifyRecipientJob[]> {
    let subscriptions: Subscription[] = [];
    const audience = await this.audience.audienceFor(demandId, [], {
      matchedPlatforms: MATCHED_PLATFORMS_NOTIFIED,
      byTopic: async (topic) => {
        subscriptions = await this.subscriptions.candidates('PLATFORM_OPERATOR', {
          fieldCodes: withParentFields([topic.fieldCode]),
          categories: topic.categories,
        });
        return subscriptions.map((s) => s.orgId);
      },
    });
    if (!audience || audience.status !== 'OPEN') return [];
    const { members } = audience;

    const reasons = new Map<string, DemandReason & { invited?: boolean }>();
    const reasonOf = (orgId: string) => reasons.get(orgId) ?? reasons.set(orgId, {}).get(orgId)!;
    for (const match of audience.matched) {
      const reason = reasonOf(match.platformOrgId);
      reason.matched ??= { rank: match.rank, score: match.score }; // an org with several platforms: its best
    }
    for (const subscription of subscriptions) {
      const member = members.get(subscription.orgId);
      if (!member) continue;
      // Only what this org may see counts: a SUMMARY viewer's keywords never match the hidden
      // description, and its region criterion cannot match a region it is not shown.
      const { demand } = member;
      const fits = subscriptionFits(subscription, {
        fieldCodes: [demand.fieldCode],
        categories: demand.categories,
        text: demand.description === null ? demand.title : `${demand.title}\n${demand.description}`,
        regionCode: demand.regionCode,
      });
      if (fits) (reasonOf(subscription.orgId).subscriptionIds ??= []).push(subscription.id);
    }
    for (const { orgId } of audience.invitations) if (members.has(orgId)) reasonOf(orgId).invited = true;

    const key = eventKey({ type: 'demand.published', demandId });
    return [...reasons].map(([orgId, reason]) => ({
      eventKey: key,
      eventType: 'demand.published',
      recipientOrgId: orgId,
      subjectType: 'demand',
      subjectId: demandId,
      reason: { ...reason },
      subjectView: { ...members.get(orgId)! },
    }));
  }

  private async demandInvited(demandId: string, platformOrgId: string): Promise<NotifyRecipientJob[]> {
    if (!platformOrgId) return [];
    const audience = await this.audience.audienceFor(demandId, [platformOrgId]);
    if (!audience || audience.status !== 'OPEN') return [];
    // Invited while still a draft: the publication itself tells invited platforms (one notification, not two).
    if (!audience.invitations.some((i) => i.orgId === platformOrgId && i.afterPublication)) return [];
    const member = audience.members.get(platformOrgId);
    if (!member) return [];
    return [
      {
        eventKey: eventKey({ type: 'demand.invited', demandId, platformOrgId }),
        eventType: 'demand.invited',
        recipientOrgId: platformOrgId,
        subjectType: 'demand',
        subjectId: demandId,
        reason: { invited: true },
        subjectView: { ...member },
      },
    ];
  }

  /**
   * A service that is published on a listed platform right now: SMEs with open demands it fits, and
   * SMEs whose subscription it fits (one notification per org — a demand match wins).
   */
  private async serviceFits(eventType: string, serviceId: string): Promise<NotifyRecipientJob[]> {
    const [service] = await this.catalogue.servicesOf([serviceId]);
    if (!service || service.status !== 'PUBLISHED' || service.platform.status !== 'LISTED') return [];
    const { platform } = service;

    const [fitting, subscriptions] = await Promise.all([
      this.matching.fittingDemandsForService(serviceId, FITTING_DEMANDS_NOTIFIED),
      this.subscriptions.candidates('SME', {
        fieldCodes: withParentFields(service.fieldCodes),
        categories: [service.category],
      }),
    ]);
    const job = (key: string, orgId: string, reason: Record<string, unknown>): NotifyRecipientJob => ({
      eventKey: key,
      eventType,
      recipientOrgId: orgId,
      subjectType: 'service',
      subjectId: serviceId,
      reason,
    });
    const jobs = fitting
      .filter((fit) => fit.smeOrgId !== platform.operatorOrgId)
      .map((fit) =>
        job(eventKey({ type: 'service.fit', serviceId, demandId: fit.demandId }), fit.smeOrgId, {
          demandId: fit.demandId,
          score: fit.score,
        }),
      );
    const told = new Set(jobs.map((j) => j.recipientOrgId));
    const bySubscription = new Map<string, string[]>();
    for (const subscription of subscriptions) {
      if (told.has(subscription.orgId)) continue;
      const fits = subscriptionFits(subscription, {
        fieldCodes: service.fieldCodes,
        categories: [service.category],
        text: `${service.title}\n${service.description}`,
        regionCode: platform.regionCode,
      });
      if (fits)
        bySubscription.set(subscription.orgId, [...(bySubscription.get(subscription.orgId) ?? []), subscription.id]);
    }
    for (const [orgId, subscriptionIds] of bySubscription) {
      jobs.push(job(eventKey({ type: 'service.fit.subscription', serviceId }), orgId, { subscriptionIds }));
    }
    return jobs;
  }

  /** The other party of the quote; the revision in the payload names the round of the negotiation. */
  private async quoteEvent(
    eventType: string,
    action: QuoteAction,
    quoteId: string,
    payload: Record<string, unknown>,
  ): Promise<NotifyRecipientJob[]> {
    const [quote] = await this.quotes.ofIds([quoteId]);
    if (!quote) return [];
    const revision = Number.isInteger(payload.revision) ? Number(payload.revision) : quote.revision;
    const recipient = quoteRecipientSide(action) === 'SME' ? quote.smeOrgId : quote.platformOrgId;
    return [
      {
        eventKey: eventKey({ type: 'quote', action, quoteId, revision }),
        eventType,
        recipientOrgId: recipient,
        subjectType: 'quote',
        subjectId: quoteId,
        reason: { action, revision },
      },
    ];
  }

  /** The other party of whoever changed the order (SPEC §5: transitions are notified to the other side). */
  private async orderEvent(
    eventType: string,
    action: string,
    orderId: string,
    payload: Record<string, unknown>,
  ): Promise<NotifyRecipientJob[]> {
    const [order] = await this.orders.ofIds([orderId]);
    if (!order || typeof payload.eventId !== 'string') return [];
    const actorOrgId = typeof payload.actorOrgId === 'string' ? payload.actorOrgId : null;
    return orderRecipients(order, actorOrgId).map((recipientOrgId) => ({
      eventKey: eventKey({ type: 'order', action, orderId, historyId: payload.eventId as string }),
      eventType,
      recipientOrgId,
      subjectType: 'order',
      subjectId: orderId,
      reason: { action },
    }));
  }
}

/** Voucher decisions name their recipients (the SME, the payee, the bureau) in the outbox payload. */
function voucherRecipients(event: DispatchEventJob): NotifyRecipientJob[] {
  const { recipientOrgIds, ...facts } = event.payload as { recipientOrgIds?: unknown } & Record<string, unknown>;
  if (!Array.isArray(recipientOrgIds)) return [];
  const key = eventKey({ type: 'voucher', eventType: event.eventType, entityId: event.aggregateId });
  return recipientOrgIds.map((orgId) => ({
    eventKey: key,
    eventType: event.eventType,
    recipientOrgId: String(orgId),
    subjectType: 'voucher',
    subjectId: event.aggregateId,
    reason: facts,
  }));
}
