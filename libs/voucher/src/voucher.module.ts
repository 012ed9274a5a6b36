import { Module } from '@nestjs/common';
import { IdentityModule } from '@pilotlink/identity';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BookingModule } from '@pilotlink/booking';
import { CatalogueModule } from '@pilotlink/catalogue';
import { DemandModule } from '@pilotlink/demand';
import { ClaimsService } from './claims/claims.service';
import { DisbursementsService } from './claims/disbursements.service';
import { ObjectionsService } from './claims/objections.service';
import { SpotChecksService } from './claims/spot-checks.service';
import {
  ClaimObjection,
  ClaimPayout,
  DisbursementBatch,
  SpotCheckRecord,
  VoucherClaim,
} from './entities/voucher-claim.entity';
import { VoucherProgram } from './entities/voucher-program.entity';
import { Voucher, VoucherApplication, VoucherHold } from './entities/voucher.entity';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { Ledger } from './ledger/ledger.service';
import { ProgramReportsService } from './programs/program-reports.service';
import { ProgramsService } from './programs/programs.service';
import { VoucherEvents } from './voucher-events.service';
import { ApplicationsService } from './vouchers/applications.service';
import { CapCounters } from './vouchers/cap-counters.service';
import { HoldsService } from './vouchers/holds.service';
import { ShareholdersService } from './vouchers/shareholders.service';
import { VoucherExpiryService } from './vouchers/voucher-expiry.service';
import { WalletService } from './vouchers/wallet.service';
import { OrderFactsService } from './vouchers/order-facts.service';
import { BureauClaimReviews } from './claims/bureau-claim-reviews.service';

const SERVICES = [
  Ledger,
  VoucherEvents,
  CapCounters,
  ProgramsService,
  ProgramReportsService,
  ApplicationsService,
  WalletService,
  HoldsService,
  ClaimsService,
  DisbursementsService,
  ObjectionsService,
  SpotChecksService,
  VoucherExpiryService,
  ShareholdersService,
  IdempotencyInterceptor,
  OrderFactsService,
  BureauClaimReviews,
];

/** The voucher context (SPEC §6): programs, vouchers, holds, claims, disbursements and their ledger. */
@Module({
  imports: [
    BookingModule,
    IdentityModule,
    CatalogueModule,
    DemandModule,
    TypeOrmModule.forFeature([
      VoucherProgram,
      Voucher,
      VoucherApplication,
      VoucherHold,
      VoucherClaim,
      ClaimPayout,
      DisbursementBatch,
      ClaimObjection,
      SpotCheckRecord,
    ]),
  ],
  providers: SERVICES,
  exports: SERVICES,
})
export class VoucherModule {}
