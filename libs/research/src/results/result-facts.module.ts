import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ResearchResult } from '../domain/result.entity';
import { ResultFacts } from './result-facts';

/** The research context's small port for other contexts (key projects), without the rest of research's wiring. */
@Module({
  imports: [TypeOrmModule.forFeature([ResearchResult])],
  providers: [ResultFacts],
  exports: [ResultFacts],
})
export class ResultFactsModule {}
