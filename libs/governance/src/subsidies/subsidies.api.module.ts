import { Module } from '@nestjs/common';
import { SubsidiesController } from '../api/subsidies.controller';
import { SubsidiesModule } from './subsidies.module';

@Module({ imports: [SubsidiesModule], controllers: [SubsidiesController] })
export class SubsidiesApiModule {}
