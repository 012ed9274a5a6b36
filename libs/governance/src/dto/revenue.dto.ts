import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { pageDtoOf, trimString } from '@pilotlink/core';
import { REVENUE_FLAGS } from '../domain/revenue-declaration';
import type { RevenueFlag } from '../domain/revenue-declaration';
import { REVENUE_DECLARATION_STATUSES } from '../subsidies/subsidy.entities';
import type { RevenueDeclarationStatus } from '../subsidies/subsidy.entities';

const MAX_FEN = 1_000_000_000_000;

export class DeclareRevenueDto {
  @ApiProperty({
    description: "The year's 服务性收入 (service revenue, on and off PilotLink), fen",
    example: 400_000_000,
  })
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  serviceRevenueFen: number;
  @ApiProperty({ example: '2031 年度审计报告第 12 页；服务合同 36 份（编号 SR-2031-001…036）' })
  @Transform(trimString)
  @IsString()
  @Length(2, 4_000)
  evidence: string;
}

export class DecideRevenueDto {
  @ApiProperty({ enum: ['ACCEPT', 'RETURN'] }) @IsIn(['ACCEPT', 'RETURN']) decision: 'ACCEPT' | 'RETURN';
  @ApiPropertyOptional({ description: 'Required when returning: what the operator must fix', example: '缺审计报告' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(2, 1_000)
  note?: string;
}

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
