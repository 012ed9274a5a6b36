import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueModule } from '@pilotlink/catalogue';
import { IdentityModule } from '@pilotlink/identity';
import { SearchModule } from '@pilotlink/search';
import { VoucherModule } from '@pilotlink/voucher';
import { PolicyNotice } from './policy/policy-notice.entity';
import { PolicyNoticesService } from './policy/policy-notices.service';
import { ResultInvitation, ResultNdaAcceptance } from './domain/result-access.entity';
import { ResearchResult } from './domain/result.entity';
import { ResultSearchService } from './results/result-search.service';
import { ResultsService } from './results/results.service';

/** 科技成果 and 政策资讯 (issue 21): institutes' research results looking for a pilot, bureaus' policy notices. Talks to identity, catalogue and search through their services. */
@Module({
  imports: [
    IdentityModule,
    CatalogueModule,
    SearchModule,
    VoucherModule,
    TypeOrmModule.forFeature([ResearchResult, ResultInvitation, ResultNdaAcceptance, PolicyNotice]),
  ],
  providers: [ResultsService, ResultSearchService, PolicyNoticesService],
  exports: [ResultsService, ResultSearchService, PolicyNoticesService],
})
export class ResearchModule {}
