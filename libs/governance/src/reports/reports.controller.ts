import { Controller, Get, Param, Query, Res, StreamableFile, applyDecorators } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiExtraModels,
  getSchemaPath,
} from '@nestjs/swagger';
import { ErrorResponseDto, ParseIdPipe } from '@pilotlink/core';
import { AllowOrgKinds, CurrentActor } from '@pilotlink/core';
import type { Actor } from '@pilotlink/core';
import type { FastifyReply } from 'fastify';
import { FunnelReportDto, PlatformReportDto, ProgramReportDto } from '../dto/report.response.dto';
import {
  FunnelReportQueryDto,
  ReportFormat,
  ReportFormatQueryDto,
  YearReportQueryDto,
} from '../dto/report.request.dto';
import { ResultReportDto } from '../dto/result-report.response.dto';
import { ResultReportQueryDto } from '../dto/result-report.request.dto';
import { FunnelReportService, funnelReportTables } from './funnel-report.service';
import { PlatformReportService, platformReportTables } from './platform-report.service';
import { ProgramReportService, programReportTables } from './program-report.service';
import { ResultReportService, resultReportTables } from './result-report.service';
import { CSV_CONTENT_TYPE, ReportTable, toCsv, toXlsx, XLSX_CONTENT_TYPE } from './report-export';

const DOWNLOADS =
  '`?format=csv` or `?format=xlsx` returns the same rows as a download; numbers are the JSON numbers ' +
  '(money in integer fen, ratios in basis points), column names the JSON field names. ';

@ApiTags('governance')
@ApiBearerAuth()
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Only bureaus and admins read reports' })
@Controller('reports')
@AllowOrgKinds('BUREAU', 'ADMIN')
export class ReportsController {
  constructor(
    private readonly programs: ProgramReportService,
    private readonly platforms: PlatformReportService,
    private readonly funnel: FunnelReportService,
    private readonly results: ResultReportService,
  ) {}

  @Get('programs/:id')
  @ApiOperation({
    summary: 'One voucher program: ledger totals, co-funders, reimbursements by field, region, platform and month',
    description:
      DOWNLOADS +
      'Sections (CSV: a leading `section` column, XLSX: one sheet each): `totals` (key, label, value), ' +
      '`cofunders` (key, label, shareBp, budgetFen, paidFen), `byField`, `byRegion`, `byPlatform`, `byMonth` ' +
      '(key, label, claims, amountFen, paidFen). Only the bureau running the program (else 404) and admins.',
  })
  @ApiReportResponse(ProgramReportDto)
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown, or not run by your bureau' })
  async program(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Query() query: ReportFormatQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ProgramReportDto | StreamableFile> {
    const report = await this.programs.report(actor, id);
    return respond(reply, query.format, report, programReportTables, `program-report-${id}`);
  }

  @Get('platforms')
  @ApiOperation({
    summary: "Each listed platform in your jurisdiction with the year's evaluation indicators",
    description: DOWNLOADS + 'One table, one row per platform; a null indicator is an empty cell.',
  })
  @ApiReportResponse(PlatformReportDto)
  async platformReport(
    @CurrentActor() actor: Actor,
    @Query() query: YearReportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PlatformReportDto | StreamableFile> {
    const report = await this.platforms.report(actor, query.year);
    return respond(reply, query.format, report, platformReportTables, `platform-report-${query.year}`);
  }

  @Get('funnel')
  @ApiOperation({
    summary: 'Demands published → matched → quoted → ordered → completed → reimbursed, per SME region × field',
    description:
      DOWNLOADS +
      'One table: a row per region × field, then the total row (regionCode and fieldCode `TOTAL`). ' +
      'Demands of SMEs in your jurisdiction published in the year (China time); each stage counts the demands that reached it.',
  })
  @ApiReportResponse(FunnelReportDto)
  async funnelReport(
    @CurrentActor() actor: Actor,
    @Query() query: FunnelReportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FunnelReportDto | StreamableFile> {
    const report = await this.funnel.report(actor, query);
    return respond(reply, query.format, report, funnelReportTables, `funnel-report-${query.year}`);
  }

  @Get('results')
  @ApiOperation({
    summary: '科技成果 published → matched → in pilot → transferred, per result field or institute region',
    description:
      DOWNLOADS +
      'One table: a row per field (`?groupBy=field`, default) or institute region (`?groupBy=region`) with ' +
      'key, label, published, matched, inPilot, transferred, then the total row (key `TOTAL`). Results of ' +
      'institutes in your jurisdiction (admins: all); matched = a platform proposed or the institute invited an org.',
  })
  @ApiReportResponse(ResultReportDto)
  async resultReport(
    @CurrentActor() actor: Actor,
    @Query() query: ResultReportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ResultReportDto | StreamableFile> {
    const report = await this.results.report(actor, query.groupBy);
    return respond(reply, query.format, report, resultReportTables, `result-report-${query.groupBy}`);
  }
}

/** The report as JSON (its DTO), or with `format` csv / xlsx the same rows as a binary download. */
function ApiReportResponse(type: new () => unknown) {
  const binary = { schema: { type: 'string', format: 'binary' } } as const;
  return applyDecorators(
    ApiExtraModels(type),
    ApiOkResponse({
      description: 'JSON by default; `?format=csv` or `?format=xlsx` answers an attachment',
      content: {
        'application/json': { schema: { $ref: getSchemaPath(type) } },
        [CSV_CONTENT_TYPE]: binary,
        [XLSX_CONTENT_TYPE]: binary,
      },
    }),
  );
}

/** JSON as is; CSV or XLSX as an attachment built from the report's flat tables. */
async function respond<T>(
  reply: FastifyReply,
  format: ReportFormat,
  report: T,
  tables: (report: T) => ReportTable[],
  baseName: string,
): Promise<T | StreamableFile> {
  if (format === 'json') return report;
  const file = format === 'csv' ? toCsv(tables(report)) : await toXlsx(tables(report));
  reply.header('content-type', format === 'csv' ? CSV_CONTENT_TYPE : XLSX_CONTENT_TYPE);
  reply.header('content-disposition', `attachment; filename="${baseName}.${format}"`);
  reply.header('cache-control', 'no-store');
  return new StreamableFile(file);
}
