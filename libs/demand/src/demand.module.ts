import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BookingModule } from '@pilotlink/booking';
import { CatalogueModule } from '@pilotlink/catalogue';
import { IdentityModule } from '@pilotlink/identity';
import { SearchModule } from '@pilotlink/search';
import { DemandsService } from './demands/demands.service';
import { ExpiryService } from './demands/expiry.service';
import { DemandFacts } from './demands/demand-facts.port';
import { DemandInvitation, DemandNdaAcceptance } from './domain/demand-access.entity';
import { Demand } from './domain/demand.entity';
import { Quote } from './domain/quote.entity';
import { MatchingService } from './matching/matching.service';
import { QuotesService } from './quotes/quotes.service';
import { DemandAudience } from './ports/demand-audience.port';
import { QuoteNotices } from './ports/quote-notices.port';
import { QuoteFacts } from './ports/quote-facts.port';
import { DemandSearchSourceModule } from './search-source/demand-search-source.module';

@Module({
  imports: [
    IdentityModule,
    BookingModule,
    SearchModule,
    TypeOrmModule.forFeature([Demand, DemandInvitation, DemandNdaAcceptance, Quote]),
    CatalogueModule,
    DemandSearchSourceModule,
  ],
  providers: [
    DemandsService,
    DemandFacts,
    QuotesService,
    ExpiryService,
    MatchingService,
    DemandAudience,
    QuoteNotices,
    QuoteFacts,
  ],
  exports: [
    DemandsService,
    DemandFacts,
    QuotesService,
    ExpiryService,
    MatchingService,
    DemandAudience,
    QuoteNotices,
    QuoteFacts,
  ],
})
export class DemandModule {}
