import { Module } from '@nestjs/common';
import { NotificationsController } from './api/notifications.controller';
import { SubscriptionsController } from './api/subscriptions.controller';
import { WebhooksController } from './api/webhooks.controller';
import { NotificationModule } from './notification.module';

@Module({
  imports: [NotificationModule],
  controllers: [NotificationsController, SubscriptionsController, WebhooksController],
})
export class NotificationApiModule {}
