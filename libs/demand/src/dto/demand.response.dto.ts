import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { pageDtoOf, parseFen } from '@pilotlink/core';
import { SERVICE_CATEGORIES, SERVICE_STAGES } from '@pilotlink/core';
import type { ServiceCategory, ServiceStage } from '@pilotlink/core';
import {
  awardBy,
  BUDGET_BANDS,
  challengePhase,
  budgetBandOf,
  CONFIDENTIALITY_LEVELS,
  DEMAND_MODES,
  DEMAND_STATUSES,
} from '../domain/demand';
import type { BudgetBandCode, ChallengePhase, Confidentiality, DemandMode, DemandStatus } from '../domain/demand';
import type { Demand } from '../domain/demand.entity';
import type { DemandView } from '../domain/demand-visibility';

const fen = (value: string | null) => (value === null ? null : parseFen(value));

/**
 * A demand as one viewer may see it. With `view: 'SUMMARY'` the hidden fields are absent from the
 * JSON altogether (not null), so nothing about them leaks.
 */
export class DemandResponseDto {
  @ApiProperty({ enum: ['FULL', 'SUMMARY'] }) view: Exclude<DemandView, 'NONE'>;
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() fieldCode: string;
  @ApiProperty({ enum: SERVICE_STAGES }) stage: ServiceStage;
  @ApiProperty({ enum: SERVICE_CATEGORIES, isArray: true }) categories: ServiceCategory[];
  @ApiPropertyOptional({ enum: BUDGET_BANDS.map((b) => b.code), nullable: true }) budgetBand: BudgetBandCode | null;
  @ApiProperty({ enum: DEMAND_MODES }) mode: DemandMode;
  @ApiProperty({ enum: CONFIDENTIALITY_LEVELS }) confidentiality: Confidentiality;
  @ApiProperty({ enum: DEMAND_STATUSES }) status: DemandStatus;
  @ApiPropertyOptional({ nullable: true, type: Date }) publishedAt: Date | null;
  @ApiProperty({ description: 'Quotes received (withdrawn ones not counted)' }) quoteCount: number;
  @ApiPropertyOptional({ description: 'FULL view only' }) description?: string;
  @ApiPropertyOptional({ description: 'FULL view only', format: 'uuid' }) smeOrgId?: string;
  @ApiPropertyOptional({ description: 'FULL view only', nullable: true, type: Number }) budgetMinFen?: number | null;
  @ApiPropertyOptional({ description: 'FULL view only', nullable: true, type: Number }) budgetMaxFen?: number | null;
  @ApiPropertyOptional({ description: 'FULL view only', nullable: true, type: String }) wantedBy?: string | null;
  @ApiPropertyOptional({ description: 'FULL view only', nullable: true, type: String }) regionCode?: string | null;
  @ApiPropertyOptional({ description: 'FULL view only', nullable: true, type: Number }) rewardFen?: number | null;
  @ApiPropertyOptional({ description: 'FULL view only', nullable: true, type: String }) challengeDeadline?:
    string | null;
  @ApiPropertyOptional({ description: 'FULL view only', nullable: true, type: String }) statusReason?: string | null;
  @ApiPropertyOptional({ description: 'FULL view, challenges: days after the deadline to award', type: Number })
  awardWindowDays?: number;
  @ApiPropertyOptional({
    description: 'FULL view, challenges: the last day a proposal may be accepted (deadline + award window)',
    nullable: true,
    type: String,
  })
  awardBy?: string | null;
  @ApiPropertyOptional({
    enum: ['SUBMISSIONS', 'AWARD', 'OVER'],
    description:
      "FULL view, challenges: where the challenge stands today by the server's calendar (Beijing) — " +
      'SUBMISSIONS through the deadline, AWARD through awardBy (the SME may accept a proposal), OVER after',
  })
  challengePhase?: ChallengePhase;

  /** `today`: the server's China date (chinaDate(clock.now())), which decides a challenge's phase. */
  static from(demand: Demand, view: Exclude<DemandView, 'NONE'>, quoteCount: number, today: string): DemandResponseDto {
    const budgetMax = fen(demand.budgetMaxFen) ?? fen(demand.budgetMinFen);
    const summary: DemandResponseDto = {
      view,
      id: demand.id,
      title: demand.title,
      fieldCode: demand.fieldCode,
      stage: demand.stage,
      categories: demand.categories,
      budgetBand: budgetMax === null ? null : budgetBandOf(budgetMax),
      mode: demand.mode,
      confidentiality: demand.confidentiality,
      status: demand.status,
      publishedAt: demand.publishedAt,
      quoteCount,
    };
    if (view === 'SUMMARY') return summary;
    return {
      ...summary,
      description: demand.description,
      smeOrgId: demand.smeOrgId,
      budgetMinFen: fen(demand.budgetMinFen),
      budgetMaxFen: fen(demand.budgetMaxFen),
      wantedBy: demand.wantedBy,
      regionCode: demand.regionCode,
      rewardFen: fen(demand.rewardFen),
      challengeDeadline: demand.challengeDeadline,
      statusReason: demand.statusReason,
      ...(demand.mode === 'CHALLENGE' &&
        demand.challengeDeadline && {
          awardWindowDays: demand.awardWindowDays,
          awardBy: awardBy(demand.challengeDeadline, demand.awardWindowDays),
          challengePhase: challengePhase(demand.challengeDeadline, demand.awardWindowDays, today),
        }),
    };
  }
}

export class DemandPageDto extends pageDtoOf(DemandResponseDto, 'DemandPageDto') {}
