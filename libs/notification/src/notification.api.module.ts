import { Module } from '@nestjs/common';
import { FailedJobsController } from './api/failed-jobs.controller';
import { NotificationsController } from './api/notifications.controller';
import { SubscriptionsController } from './api/subscriptions.controller';
import { WebhooksController } from './api/webhooks.controller';
import { NotificationModule } from './notification.module';

@Module({
  imports: [NotificationModule],
  controllers: [NotificationsController, SubscriptionsController, WebhooksController, FailedJobsController],
})
export class NotificationApiModule {}
