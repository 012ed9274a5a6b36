import { Module } from '@nestjs/common';
import { DemandsController } from './api/demands.controller';
import { QuotesController } from './api/quotes.controller';
import { DemandModule } from './demand.module';

@Module({ imports: [DemandModule], controllers: [DemandsController, QuotesController] })
export class DemandApiModule {}
