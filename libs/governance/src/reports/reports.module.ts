import { Module } from '@nestjs/common';
import { VoucherModule } from '@pilotlink/voucher';
import { RecognitionModule } from '../recognition/recognition.module';
import { FunnelReportService } from './funnel-report.service';
import { PlatformReportService } from './platform-report.service';
import { ProgramReportService } from './program-report.service';
import { ReportsController } from './reports.controller';

/** Reports for bureaus: per program, per platform and the funnel, as JSON, CSV or XLSX (SPEC §7). */
@Module({
  imports: [VoucherModule, RecognitionModule],
  providers: [ProgramReportService, PlatformReportService, FunnelReportService],
  exports: [ProgramReportService, PlatformReportService, FunnelReportService],
  controllers: [ReportsController],
})
export class ReportsModule {}
