import { Module } from '@nestjs/common';
import { DemandSearchSource } from './demand-search-source.port';

/** Registers the demands index's source with search (an app that has SearchModule). */
@Module({ providers: [DemandSearchSource] })
export class DemandSearchSourceModule {}
