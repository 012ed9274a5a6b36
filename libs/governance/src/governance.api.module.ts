import { Module } from '@nestjs/common';
import { RecognitionApiModule } from './recognition/recognition.api.module';
import { KeyProjectsApiModule } from './key-projects/key-projects.api.module';
import { ReportsModule } from './reports/reports.module';
import { SubsidiesApiModule } from './subsidies/subsidies.api.module';

/** HTTP routes of the governance context (SPEC §7). */
@Module({ imports: [RecognitionApiModule, SubsidiesApiModule, ReportsModule, KeyProjectsApiModule] })
export class GovernanceApiModule {}
