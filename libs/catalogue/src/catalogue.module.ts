import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueChanges } from './catalogue-changes';
import { Equipment } from './domain/equipment.entity';
import { IndustryField } from './domain/industry-field.entity';
import { PilotService } from './domain/pilot-service.entity';
import { PlatformQualification } from './domain/platform-qualification.entity';
import { Platform } from './domain/platform.entity';
import { EquipmentService } from './equipment/equipment.service';
import { PlatformsService } from './platforms/platforms.service';
import { QualificationCertificatesService } from './platforms/qualification-certificates.service';
import { PilotServicesService } from './services/pilot-services.service';
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
  ],
  exports: [PlatformsService, QualificationCertificatesService, PilotServicesService, EquipmentService, TypeOrmModule],
})
export class CatalogueModule {}
