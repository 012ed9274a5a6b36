import { ApiProperty } from '@nestjs/swagger';
import { RESULT_REPORT_GROUPINGS } from './result-report.request.dto';
import type { ResultReportGrouping } from './result-report.request.dto';

export class ResultCountsDto {
  @ApiProperty({ description: 'Results ever published (a later withdrawal still counts)' }) published: number;
  @ApiProperty({ description: '…of which a platform proposed a verification or the institute invited an org' })
  matched: number;
  @ApiProperty({ description: '…now in a pilot (IN_PILOT)' }) inPilot: number;
  @ApiProperty({ description: '…now transferred (TRANSFERRED)' }) transferred: number;
}

export class ResultReportRowDto extends ResultCountsDto {
  @ApiProperty({ description: 'Field code (groupBy=field) or region code of the institute (groupBy=region)' })
  key: string;
  @ApiProperty({ description: 'Field or region name' }) label: string;
}

export class ResultReportDto {
  @ApiProperty({ enum: RESULT_REPORT_GROUPINGS }) groupBy: ResultReportGrouping;
  @ApiProperty({ type: [ResultReportRowDto] }) rows: ResultReportRowDto[];
  @ApiProperty({ type: ResultCountsDto }) total: ResultCountsDto;
}
