import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RecognitionModule } from '../recognition/recognition.module';
import { SubsidiesService } from './subsidies.service';
import { EquipmentDeclaration, SubsidyAssessment, SubsidyRuleRow } from './subsidy.entities';

/** Platform subsidy rules as data, equipment declarations and assessments. */
@Module({
  imports: [RecognitionModule, TypeOrmModule.forFeature([SubsidyRuleRow, EquipmentDeclaration, SubsidyAssessment])],
  providers: [SubsidiesService],
  exports: [SubsidiesService],
})
export class SubsidiesModule {}
