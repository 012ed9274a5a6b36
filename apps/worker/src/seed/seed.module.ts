import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@pilotlink/audit';
import { Equipment, PilotService, Platform, PlatformQualification } from '@pilotlink/catalogue';
import { CoreModule } from '@pilotlink/core';
import { DatabaseModule } from '@pilotlink/database';
import { IdentityModule } from '@pilotlink/identity';
import { OutboxModule } from '@pilotlink/queue';
import { VoucherModule } from '@pilotlink/voucher';
import { DemoCatalogueSeed } from './demo-catalogue.seed';
import { DemoIdentitySeed } from './demo-identity.seed';
import { DemoVouchersSeed } from './demo-vouchers.seed';
import { DemoSubsidiesSeed } from './demo-subsidies.seed';
import { DemoResearchSeed } from './demo-research.seed';

/** Just what loading demo data needs: no queues, no HTTP (the worker relays the outbox rows it writes). */
@Module({
  imports: [
    CoreModule.forRoot(),
    DatabaseModule,
    AuditModule,
    IdentityModule,
    OutboxModule,
    VoucherModule,
    TypeOrmModule.forFeature([Platform, PlatformQualification, PilotService, Equipment]),
  ],
  providers: [DemoIdentitySeed, DemoCatalogueSeed, DemoVouchersSeed, DemoSubsidiesSeed, DemoResearchSeed],
})
export class SeedModule {}
