import { Module } from '@nestjs/common';
import { DemandsController } from './api/demands.controller';
import { MatchingController } from './api/matching.controller';
import { QuotesController } from './api/quotes.controller';
import { DemandModule } from './demand.module';

@Module({ imports: [DemandModule], controllers: [DemandsController, QuotesController, MatchingController] })
export class DemandApiModule {}
