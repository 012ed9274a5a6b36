import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ResearchResult } from '../domain/result.entity';
import { ResultFacts } from './result-facts.port';
import { ResultStats } from './result-stats.port';

/** The research context's small port for other contexts (key projects, reports), without the rest of research's wiring. */
@Module({
  imports: [TypeOrmModule.forFeature([ResearchResult])],
  providers: [ResultFacts, ResultStats],
  exports: [ResultFacts, ResultStats],
})
export class ResultFactsModule {}
