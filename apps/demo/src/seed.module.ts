import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@pilotlink/audit';
import { BookingModule, ReservationsModule } from '@pilotlink/booking';
import { Equipment } from '@pilotlink/catalogue/domain/equipment.entity';
import { PilotService } from '@pilotlink/catalogue/domain/pilot-service.entity';
import { Platform } from '@pilotlink/catalogue/domain/platform.entity';
import { PlatformQualification } from '@pilotlink/catalogue/domain/platform-qualification.entity';
import { CoreModule } from '@pilotlink/core';
import { DatabaseModule } from '@pilotlink/database';
import { DemandModule } from '@pilotlink/demand';
import { KeyProjectsModule, RecognitionModule, SubsidiesModule } from '@pilotlink/governance';
import { IdentityModule } from '@pilotlink/identity';
import { OutboxModule } from '@pilotlink/queue';
import { ResearchModule } from '@pilotlink/research';
import { SearchModule } from '@pilotlink/search';
import { VoucherModule } from '@pilotlink/voucher';
import { DemoCatalogueSeed } from './demo-catalogue.seed';
import { DemoIdentitySeed } from './demo-identity.seed';
import { DemoSubsidiesSeed } from './demo-subsidies.seed';
import { DemoResearchSeed } from './demo-research.seed';
import { DemoGovernanceSeed } from './story/demo-governance.seed';
import { DemoKeyProjectsSeed } from './story/demo-key-projects.seed';
import { DemoMarketplaceSeed } from './story/demo-marketplace.seed';
import { DemoOperatorsSeed } from './story/demo-operators.seed';
import { DemoProgramsSeed } from './story/demo-programs.seed';
import { DemoResearchPilotSeed } from './story/demo-research-pilot.seed';
import { StoryKit } from './story/story-kit.service';

/**
 * Just what loading demo data needs: the domain services the story is told through, no queues, no HTTP
 * (the worker relays the outbox rows they write to the search index and the notification queue).
 */
@Module({})
export class SeedModule {
  /** Built when called, so the configuration is read from the environment of that moment (tests set it late). */
  static forRoot(): DynamicModule {
    return {
      module: SeedModule,
      imports: [
        CoreModule.forRoot(),
        DatabaseModule,
        AuditModule,
        IdentityModule,
        OutboxModule,
        SearchModule,
        BookingModule,
        ReservationsModule,
        DemandModule,
        VoucherModule,
        RecognitionModule,
        SubsidiesModule,
        KeyProjectsModule,
        ResearchModule,
        TypeOrmModule.forFeature([Platform, PlatformQualification, PilotService, Equipment]),
      ],
      providers: [
        DemoIdentitySeed,
        DemoCatalogueSeed,
        DemoSubsidiesSeed,
        DemoOperatorsSeed,
        StoryKit,
        DemoMarketplaceSeed,
        DemoProgramsSeed,
        DemoGovernanceSeed,
        DemoResearchSeed,
        DemoKeyProjectsSeed,
        DemoResearchPilotSeed,
      ],
    };
  }
}
