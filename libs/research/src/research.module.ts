import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueModule } from '@pilotlink/catalogue';
import { IdentityModule } from '@pilotlink/identity';
import { SearchModule } from '@pilotlink/search';
import { ResultInvitation, ResultNdaAcceptance } from './domain/result-access.entity';
import { ResearchResult } from './domain/result.entity';
import { ResultSearchService } from './results/result-search.service';
import { ResultsService } from './results/results.service';

/** 科技成果 (issue 21): institutes' research results looking for a pilot. Talks to identity, catalogue and search through their services. */
@Module({
  imports: [
    IdentityModule,
    CatalogueModule,
    SearchModule,
    TypeOrmModule.forFeature([ResearchResult, ResultInvitation, ResultNdaAcceptance]),
  ],
  providers: [ResultsService, ResultSearchService],
  exports: [ResultsService, ResultSearchService],
})
export class ResearchModule {}
