import { Module } from '@nestjs/common';
import { DemandsController } from './api/demands.controller';
import { DemandModule } from './demand.module';

@Module({ imports: [DemandModule], controllers: [DemandsController] })
export class DemandApiModule {}
