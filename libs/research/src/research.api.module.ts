import { Module } from '@nestjs/common';
import { ResultsController } from './api/results.controller';
import { ResearchModule } from './research.module';

@Module({ imports: [ResearchModule], controllers: [ResultsController] })
export class ResearchApiModule {}
