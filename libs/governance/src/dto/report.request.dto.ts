import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsIndustryFieldCode } from '@pilotlink/catalogue';
import { IsRegionCode } from '@pilotlink/identity';

export const REPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;

export type ReportFormat = (typeof REPORT_FORMATS)[number];

export class ReportFormatQueryDto {
  @ApiPropertyOptional({
    enum: REPORT_FORMATS,
    default: 'json',
    description: 'json (default); csv or xlsx: the same rows as a download (layout in the operation description)',
  })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format: ReportFormat = 'json';
}

export class YearReportQueryDto extends ReportFormatQueryDto {
  @ApiProperty({ example: 2026, minimum: 2000, maximum: 2100 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}

export class FunnelReportQueryDto extends YearReportQueryDto {
  @ApiPropertyOptional({
    example: '350582',
    description: 'SME region; a city or province code covers the regions under it',
  })
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;

  @ApiPropertyOptional({
    example: 'TEXTILE',
    description: "Demand's industry field; a top-level field matches its sub-fields",
  })
  @IsOptional()
  @IsIndustryFieldCode()
  fieldCode?: string;
}
