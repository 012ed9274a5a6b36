import { Module } from '@nestjs/common';
import { EquipmentController } from './api/equipment.controller';
import { IndustryFieldsController } from './api/industry-fields.controller';
import { PlatformsController } from './api/platforms.controller';
import { QualificationCertificatesController } from './api/qualification-certificates.controller';
import { ServicesController } from './api/services.controller';
import { CatalogueModule } from './catalogue.module';

@Module({
  imports: [CatalogueModule],
  controllers: [
    IndustryFieldsController,
    PlatformsController,
    QualificationCertificatesController,
    ServicesController,
    EquipmentController,
  ],
})
export class CatalogueApiModule {}
