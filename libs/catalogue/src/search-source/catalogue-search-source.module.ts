import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@pilotlink/identity';
import { PilotService } from '../domain/pilot-service.entity';
import { PlatformQualification } from '../domain/platform-qualification.entity';
import { Platform } from '../domain/platform.entity';
import { PlatformSearchSource, ServiceSearchSource } from './catalogue-search-sources.port';

/** Registers the platforms and services indexes' sources with search (an app that has SearchModule). */
@Module({
  imports: [IdentityModule, TypeOrmModule.forFeature([Platform, PlatformQualification, PilotService])],
  providers: [PlatformSearchSource, ServiceSearchSource],
})
export class CatalogueSearchSourceModule {}
