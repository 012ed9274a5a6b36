import { ApiProperty } from '@nestjs/swagger';
import { pageDtoOf } from '@pilotlink/core';
import { REVENUE_FLAGS } from '../domain/revenue-declaration';
import type { RevenueFlag } from '../domain/revenue-declaration';
import { REVENUE_DECLARATION_STATUSES } from '../subsidies/subsidy.entities';
import type { RevenueDeclarationStatus } from '../subsidies/subsidy.entities';

export class RevenueDeclarationResponseDto {
  @ApiProperty({ format: 'uuid' }) platformId: string;
  @ApiProperty() year: number;
  @ApiProperty({ description: 'Declared 服务性收入, fen' }) serviceRevenueFen: number;
  @ApiProperty({
    description: "The marketplace's own figure for the year: payments on orders completed in it, fen",
  })
  marketplaceRevenueFen: number;
  @ApiProperty() evidence: string;
  @ApiProperty({ enum: REVENUE_DECLARATION_STATUSES }) status: RevenueDeclarationStatus;
  @ApiProperty({
    enum: REVENUE_FLAGS,
    isArray: true,
    description:
      'BELOW_MARKETPLACE: below the marketplace figure; FAR_ABOVE_HISTORY: over twice the best accepted other year',
  })
  flags: RevenueFlag[];
  @ApiProperty() declaredAt: Date;
  @ApiProperty({ type: Date, nullable: true }) decidedAt: Date | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was returned, or a note on acceptance' })
  decisionNote: string | null;
}

export class RevenueDeclarationPageDto extends pageDtoOf(RevenueDeclarationResponseDto, 'RevenueDeclarationPageDto') {}
