import { Module } from '@nestjs/common';
import { PolicyNoticesController } from './api/policy-notices.controller';
import { ResultMatchingController } from './api/result-matching.controller';
import { ResultsController } from './api/results.controller';
import { ResearchModule } from './research.module';

@Module({
  imports: [ResearchModule],
  controllers: [ResultsController, ResultMatchingController, PolicyNoticesController],
})
export class ResearchApiModule {}
