import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '@pilotlink/audit';
import { BookingApiModule } from '@pilotlink/booking';
import { CatalogueApiModule } from '@pilotlink/catalogue';
import { CoreModule } from '@pilotlink/core';
import { DemandApiModule } from '@pilotlink/demand';
import { DatabaseModule } from '@pilotlink/database';
import { IdentityApiModule } from '@pilotlink/identity';
import { NotificationApiModule } from '@pilotlink/notification';
import { ResearchApiModule } from '@pilotlink/research';
import { OutboxModule, QueueApiModule, QueueModule } from '@pilotlink/queue';
import { SearchApiModule, SearchModule } from '@pilotlink/search';
import { VoucherApiModule } from '@pilotlink/voucher';
import { AuditApiModule, GovernanceApiModule } from '@pilotlink/governance';
import { HealthModule } from './health/health.module';
import { MetricsModule } from './metrics/metrics.module';
import { loggerModule } from './logging';

/**
 * The HTTP process: infrastructure plus each context's *.api module. Built by a function so the
 * environment is read when the app is created (tests set theirs first), not when this file loads.
 */
@Module({})
export class ApiModule {
  static forRoot(): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        CoreModule.forRoot(),
        loggerModule(),
        DatabaseModule,
        QueueModule,
        OutboxModule,
        SearchModule,
        AuditModule,
        IdentityApiModule,
        AuditApiModule,
        CatalogueApiModule,
        DemandApiModule,
        NotificationApiModule,
        // Right after notification's routes, where the failed-jobs admin was: the OpenAPI document keeps its order.
        QueueApiModule,
        BookingApiModule,
        VoucherApiModule,
        GovernanceApiModule,
        ResearchApiModule,
        SearchApiModule,
        HealthModule,
        MetricsModule,
      ],
    };
  }
}
