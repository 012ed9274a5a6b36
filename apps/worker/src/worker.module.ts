import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { ConfigService } from '@nestjs/config';
import { AuditModule } from '@pilotlink/audit';
import { AppConfig, CoreModule } from '@pilotlink/core';
import { DatabaseModule } from '@pilotlink/database';
import { DemandModule } from '@pilotlink/demand';
import { RecognitionModule } from '@pilotlink/governance';
import { IdentityModule } from '@pilotlink/identity';
import { NotificationModule } from '@pilotlink/notification';
import { OutboxRelayModule, QueueModule } from '@pilotlink/queue';
import { ResearchModule } from '@pilotlink/research';
import { SearchModule } from '@pilotlink/search';
import { VoucherModule } from '@pilotlink/voucher';
import { HeartbeatService } from './heartbeat.service';
import { MaintenanceProcessor } from './processors/maintenance.processor';
import { NotificationsProcessor } from './processors/notifications.processor';
import { WebhooksProcessor } from './processors/webhooks.processor';
import { MaintenanceScheduler } from './schedulers/maintenance.scheduler';

/** The background process: BullMQ processors and schedulers over the same libs, no controllers. */
@Module({})
export class WorkerModule {
  static forRoot(): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot(),
        LoggerModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: AppConfig) => ({ pinoHttp: { level: config.get('LOG_LEVEL', { infer: true }) } }),
        }),
        DatabaseModule,
        QueueModule,
        SearchModule,
        AuditModule,
        IdentityModule,
        DemandModule,
        NotificationModule,
        VoucherModule,
        RecognitionModule,
        ResearchModule,
        OutboxRelayModule,
      ],
      providers: [
        HeartbeatService,
        MaintenanceProcessor,
        MaintenanceScheduler,
        NotificationsProcessor,
        WebhooksProcessor,
      ],
    };
  }
}
