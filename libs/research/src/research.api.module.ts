import { Module } from '@nestjs/common';
import { DigestSettingsController } from './api/digest-settings.controller';
import { PolicyNoticesController } from './api/policy-notices.controller';
import { ResultProposalsController } from './api/result-proposals.controller';
import { ResultMatchingController } from './api/result-matching.controller';
import { ResultsController } from './api/results.controller';
import { ResearchModule } from './research.module';

@Module({
  imports: [ResearchModule],
  controllers: [
    ResultsController,
    ResultProposalsController,
    ResultMatchingController,
    DigestSettingsController,
    PolicyNoticesController,
  ],
})
export class ResearchApiModule {}
