import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ReportFormatQueryDto } from './report.request.dto';

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
