import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DemandModule } from '@pilotlink/demand';
import { BookingModule } from '@pilotlink/booking';
import { CatalogueModule } from '@pilotlink/catalogue';
import { IdentityModule } from '@pilotlink/identity';
import { OutboxModule, QueueModule } from '@pilotlink/queue';
import { NotificationDispatcher } from './dispatch/dispatcher.service';
import { Notifier } from './dispatch/notifier.service';
import { Notification } from './domain/notification.entity';
import { Subscription } from './domain/subscription.entity';
import { WebhookDelivery, WebhookEndpoint } from './domain/webhook.entity';
import { InboxService } from './inbox/inbox.service';
import { SubscriptionsService } from './subscriptions/subscriptions.service';
import { WebhookDeliveryService } from './webhooks/webhook-delivery.service';
import { WebhookPingService } from './webhooks/webhook-ping.service';
import { WebhooksService } from './webhooks/webhooks.service';
import { SubscriptionMatches } from './subscriptions/subscription-matches.port';
import { OutboxEventPublisher } from './relay/outbox-event-publisher.service';

/** Inbox, subscriptions, webhooks and the dispatch pipeline: services for the API and the worker. */
@Module({
  imports: [
    QueueModule,
    OutboxModule,
    DemandModule,
    TypeOrmModule.forFeature([Notification, Subscription, WebhookEndpoint, WebhookDelivery]),
    IdentityModule,
    BookingModule,
    CatalogueModule,
  ],
  providers: [
    InboxService,
    SubscriptionsService,
    WebhooksService,
    WebhookDeliveryService,
    WebhookPingService,
    NotificationDispatcher,
    Notifier,
    SubscriptionMatches,
    OutboxEventPublisher,
  ],
  exports: [
    InboxService,
    SubscriptionsService,
    WebhooksService,
    WebhookDeliveryService,
    WebhookPingService,
    NotificationDispatcher,
    Notifier,
    SubscriptionMatches,
  ],
})
export class NotificationModule {}
