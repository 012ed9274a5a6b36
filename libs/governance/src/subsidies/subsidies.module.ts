import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueModule } from '@pilotlink/catalogue';
import { RecognitionModule } from '../recognition/recognition.module';
import { SubsidiesService } from './subsidies.service';
import { RevenueDeclarationsService } from './revenue-declarations.service';
import {
  EquipmentDeclaration,
  RevenueDeclaration,
  SubsidyAssessment,
  SubsidyRuleRow,
  SubsidyWindow,
} from './subsidy.entities';

/** Platform subsidy rules as data, equipment declarations and assessments. */
@Module({
  imports: [
    CatalogueModule,
    RecognitionModule,
    TypeOrmModule.forFeature([
      SubsidyRuleRow,
      EquipmentDeclaration,
      SubsidyAssessment,
      SubsidyWindow,
      RevenueDeclaration,
    ]),
  ],
  providers: [SubsidiesService, RevenueDeclarationsService],
  exports: [SubsidiesService, RevenueDeclarationsService],
})
export class SubsidiesModule {}
