import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BookingModule } from '@pilotlink/booking';
import { CatalogueModule } from '@pilotlink/catalogue';
import { DemandModule } from '@pilotlink/demand';
import { IdentityModule } from '@pilotlink/identity';
import { NotificationModule } from '@pilotlink/notification';
import { QueueModule } from '@pilotlink/queue';
import { SearchModule } from '@pilotlink/search';
import { VoucherModule } from '@pilotlink/voucher';
import { PolicyNotice } from './policy/policy-notice.entity';
import { PolicyNoticesService } from './policy/policy-notices.service';
import { ResultInvitation, ResultNdaAcceptance } from './domain/result-access.entity';
import { ResearchResult } from './domain/result.entity';
import { ResultSearchService } from './results/result-search.service';
import { ResultsService } from './results/results.service';
import { ResultFactsModule } from './results/result-facts.module';
import { DigestSettingsService } from './digest/digest-settings.service';
import { ResearchDigestService } from './digest/research-digest.service';
import { ResultMatchingService } from './matching/result-matching.service';
import { ResultProposal } from './proposals/result-proposal.entity';
import { ResultProposalsService } from './proposals/result-proposals.service';
import { ResearchSearchSourceModule } from './search-source/research-search-source.module';

/** 科技成果 and 政策资讯 (issue 21): institutes' research results looking for a pilot, bureaus' policy notices. Talks to identity, catalogue and search through their services. */
@Module({
  imports: [
    IdentityModule,
    BookingModule,
    CatalogueModule,
    SearchModule,
    VoucherModule,
    DemandModule,
    NotificationModule,
    QueueModule,
    ResultFactsModule,
    TypeOrmModule.forFeature([ResearchResult, ResultInvitation, ResultNdaAcceptance, PolicyNotice, ResultProposal]),
    ResearchSearchSourceModule,
  ],
  providers: [
    ResultsService,
    ResultSearchService,
    PolicyNoticesService,
    ResultMatchingService,
    ResearchDigestService,
    DigestSettingsService,
    ResultProposalsService,
  ],
  exports: [
    ResultFactsModule,
    ResultsService,
    ResultSearchService,
    PolicyNoticesService,
    ResultMatchingService,
    ResearchDigestService,
    DigestSettingsService,
    ResultProposalsService,
  ],
})
export class ResearchModule {}
