import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueChanges } from './catalogue-changes.service';
import { Equipment } from './domain/equipment.entity';
import { IndustryField } from './domain/industry-field.entity';
import { PilotService } from './domain/pilot-service.entity';
import { PlatformQualification } from './domain/platform-qualification.entity';
import { Platform } from './domain/platform.entity';
import { EquipmentService } from './equipment/equipment.service';
import { PlatformsService } from './platforms/platforms.service';
import { QualificationCertificatesService } from './platforms/qualification-certificates.service';
import { PilotServicesService } from './services/pilot-services.service';
import { CatalogueNotices } from './ports/catalogue-notices.port';
import { PlatformDirectory } from './ports/platform-directory.port';
import { PlatformResponseTime } from './ports/platform-response-time.port';
import { EquipmentBookings } from './ports/equipment-bookings.port';
import { PlatformStanding } from './ports/platform-standing.port';
import { CatalogueFacts } from './ports/catalogue-facts.port';
import { PlatformRating } from './ports/platform-rating.port';
import { CatalogueSearchSourceModule } from './search-source/catalogue-search-source.module';

/** Platforms, their services and instruments: the services, usable by the API and the worker. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Platform, PlatformQualification, PilotService, Equipment, IndustryField]),
    CatalogueSearchSourceModule,
  ],
  providers: [
    CatalogueChanges,
    PlatformsService,
    QualificationCertificatesService,
    PilotServicesService,
    EquipmentService,
    CatalogueNotices,
    PlatformDirectory,
    PlatformResponseTime,
    EquipmentBookings,
    PlatformStanding,
    CatalogueFacts,
    PlatformRating,
  ],
  exports: [
    PlatformsService,
    QualificationCertificatesService,
    PilotServicesService,
    EquipmentService,
    CatalogueNotices,
    PlatformDirectory,
    PlatformResponseTime,
    EquipmentBookings,
    PlatformStanding,
    CatalogueFacts,
    PlatformRating,
  ],
})
export class CatalogueModule {}
