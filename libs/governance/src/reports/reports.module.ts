import { Module } from '@nestjs/common';
import { IdentityModule } from '@pilotlink/identity';
import { ResultFactsModule } from '@pilotlink/research';
import { VoucherModule } from '@pilotlink/voucher';
import { RecognitionModule } from '../recognition/recognition.module';
import { FunnelReportReadModel } from './funnel-report.read-model';
import { FunnelReportService } from './funnel-report.service';
import { PlatformReportReadModel } from './platform-report.read-model';
import { PlatformReportService } from './platform-report.service';
import { ProgramReportReadModel } from './program-report.read-model';
import { ProgramReportService } from './program-report.service';
import { ReportsController } from './reports.controller';
import { ResultReportService } from './result-report.service';

/** Reports for bureaus: per program, per platform, the funnel and research results, as JSON, CSV or XLSX (SPEC §7). */
@Module({
  imports: [VoucherModule, RecognitionModule, IdentityModule, ResultFactsModule],
  providers: [
    ProgramReportReadModel,
    PlatformReportReadModel,
    FunnelReportReadModel,
    ProgramReportService,
    PlatformReportService,
    FunnelReportService,
    ResultReportService,
  ],
  exports: [ProgramReportService, PlatformReportService, FunnelReportService, ResultReportService],
  controllers: [ReportsController],
})
export class ReportsModule {}
