import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ReportFormatQueryDto } from './report.dto';

export const RESULT_REPORT_GROUPINGS = ['field', 'region'] as const;
export type ResultReportGrouping = (typeof RESULT_REPORT_GROUPINGS)[number];

export class ResultReportQueryDto extends ReportFormatQueryDto {
  @ApiPropertyOptional({
    enum: RESULT_REPORT_GROUPINGS,
    default: 'field',
    description: "field: a row per result's industry field; region: a row per institute's region",
  })
  @IsOptional()
  @IsIn(RESULT_REPORT_GROUPINGS)
  groupBy: ResultReportGrouping = 'field';
}

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
