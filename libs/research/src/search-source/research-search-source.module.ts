import { Module } from '@nestjs/common';
import { PolicySearchSource, ResultSearchSource } from './research-search-sources.port';

/** Registers the results and policies indexes' sources with search (an app that has SearchModule). */
@Module({ providers: [ResultSearchSource, PolicySearchSource] })
export class ResearchSearchSourceModule {}
