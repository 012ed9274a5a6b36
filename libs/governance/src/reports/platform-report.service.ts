import { Injectable } from '@nestjs/common';
import type { Actor } from '@pilotlink/core';
import { scoreIndicators, gradeForScore } from '../domain/evaluation';
import { PlatformReportDto, PlatformReportRowDto } from '../dto/report.response.dto';
import { PlatformIndicatorsService } from '../recognition/platform-indicators.service';
import { PlatformReportReadModel } from './platform-report.read-model';
import type { ReportTable } from './report-export';
import { jurisdictionPattern } from './report-scope';

/**
 * Per platform (SPEC §7): every LISTED platform in the bureau's jurisdiction (admins: all) with the
 * year's evaluation indicators, computed by the evaluation's own service so the report and the
 * evaluation cannot disagree, and the grade they suggest.
 */
@Injectable()
export class PlatformReportService {
  constructor(
    private readonly readModel: PlatformReportReadModel,
    private readonly indicators: PlatformIndicatorsService,
  ) {}

  async report(actor: Actor, year: number): Promise<PlatformReportDto> {
    const platforms = await this.readModel.listedPlatforms(jurisdictionPattern(actor));
    const byPlatform = await this.indicators.forPlatforms(
      platforms.map((p) => p.id),
      year,
    );
    const rows = platforms.map((p): PlatformReportRowDto => {
      const indicators = byPlatform.get(p.id);
      if (!indicators) throw new Error(`No indicators for platform ${p.id}`);
      const score = scoreIndicators(indicators).total;
      return {
        platformId: p.id,
        name: p.name,
        regionCode: p.region_code,
        recognitionLevel: p.recognition_level,
        ordersCompleted: indicators.ordersCompleted,
        serviceRevenueFen: indicators.serviceRevenueFen,
        smesServed: indicators.smesServed,
        externalUserShareBp: indicators.externalUserShareBp,
        ratingAvg: indicators.ratingAvg,
        medianFirstQuoteMinutes: indicators.medianFirstQuoteMinutes,
        sharingRateBp: indicators.sharingRateBp,
        claimsRejected: indicators.claimsRejected,
        score,
        suggestedGrade: gradeForScore(score),
      };
    });
    return { year, rows };
  }
}

const PLATFORM_COLUMNS: readonly (keyof PlatformReportRowDto)[] = [
  'platformId',
  'name',
  'regionCode',
  'recognitionLevel',
  'ordersCompleted',
  'serviceRevenueFen',
  'smesServed',
  'externalUserShareBp',
  'ratingAvg',
  'medianFirstQuoteMinutes',
  'sharingRateBp',
  'claimsRejected',
  'score',
  'suggestedGrade',
];

/** One table, one row per platform, the JSON row's fields as columns (empty where null). */
export function platformReportTables(report: PlatformReportDto): ReportTable[] {
  return [
    { name: `platforms-${report.year}`, columns: PLATFORM_COLUMNS, rows: report.rows.map((row) => ({ ...row })) },
  ];
}
