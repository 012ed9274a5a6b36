import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { RECOGNITION_LEVELS, SERVICE_CATEGORIES } from '@pilotlink/core';
import type { RecognitionLevel } from '@pilotlink/core';
import { PageQueryDto } from '@pilotlink/core';
import { IsRegionCode } from '@pilotlink/identity';
import { EXCLUDABLE_PURPOSES, PROGRAM_KINDS, PROGRAM_STATUSES, REDEMPTION_MODES } from '../domain/program';
import type { ProgramKind, ProgramStatus, RedemptionMode } from '../domain/program';

/** SPEC §6 rounding, stated in the contract (OpenAPI) where rules and amounts are described. */
export const RULE_ROUNDING =
  "Rounding: each tier's part (a RATIO is one tier) is rounded down to the fen on its own, then summed — " +
  'floor(part × ratioBp / 10000) per tier; the bureau never pays a fraction of a fen more than the rule.';

/** Largest amount accepted anywhere: ¥10 billion in fen, far below 2^53. */
export const MAX_FEN = 1_000_000_000_000;

export class RuleTierDto {
  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    description: 'fen of contract amount this tier reaches; null = no limit (last)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  uptoFen: number | null;

  @ApiProperty({
    example: 5000,
    description: 'basis points of the part of the amount inside this tier; that part is rounded down to the fen',
  })
  @IsInt()
  @Min(1)
  @Max(10_000)
  ratioBp: number;
}

/** The reimbursement rule; Rounding: each tier's part (a RATIO is one tier) is rounded down to the fen on its own, then summed — floor(amount × ratioBp / 10000) per tier; the bureau never pays a fraction of a fen more than the rule. */
export class RuleDto {
  @ApiProperty({ enum: ['RATIO', 'TIERS'], description: RULE_ROUNDING })
  @IsIn(['RATIO', 'TIERS'])
  kind: 'RATIO' | 'TIERS';

  @ApiPropertyOptional({
    example: 3000,
    description: 'RATIO: basis points of the contract amount, rounded down to the fen',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  ratioBp?: number;

  @ApiPropertyOptional({ type: [RuleTierDto], description: 'TIERS: marginal tiers, ascending' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => RuleTierDto)
  tiers?: RuleTierDto[];
}

export class CofunderDto {
  @ApiProperty({ example: 'quanzhou' })
  @Matches(/^[a-z0-9-]{1,32}$/)
  key: string;

  @ApiProperty({ example: '泉州市科技局' })
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiProperty({ example: 5000 })
  @IsInt()
  @Min(1)
  @Max(10_000)
  shareBp: number;
}

/** The rules of a program: everything a PATCH may change until the first voucher is issued. */
export class ProgramRulesDto {
  @ApiProperty({ enum: PROGRAM_KINDS }) @IsIn(PROGRAM_KINDS) kind: ProgramKind;
  @ApiProperty({ example: '2026 年晋江市中试服务券' }) @IsString() @Length(2, 200) name: string;
  @ApiProperty({ example: 2026 }) @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiProperty({ type: RuleDto, description: RULE_ROUNDING })
  @ValidateNested()
  @Type(() => RuleDto)
  rule: RuleDto;
  @ApiProperty({ description: 'Largest face value of one voucher, fen' })
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  maxVoucherFen: number;
  @ApiPropertyOptional({ type: 'integer', nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  capPerSmeYearFen?: number | null;
  @ApiPropertyOptional({ type: 'integer', nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  capPerOrderFen?: number | null;
  @ApiPropertyOptional({ type: 'integer', nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  capPerPlatformYearFen?: number | null;
  @ApiPropertyOptional({ description: 'One subsidised order per SME–platform pair per year' })
  @IsOptional()
  @IsBoolean()
  onePerPair?: boolean;
  @ApiPropertyOptional({ description: '科技型中小企业 only' }) @IsOptional() @IsBoolean() smeTechOnly?: boolean;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() smeTeamsAllowed?: boolean;
  @ApiPropertyOptional({ type: [String], description: 'Empty: any region' })
  @IsOptional()
  @IsArray()
  @IsRegionCode({ each: true })
  smeRegionCodes?: string[];
  @ApiPropertyOptional({ type: [String], description: 'Industry fields of the ordered service; empty: any' })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  smeFieldCodes?: string[];
  @ApiPropertyOptional({ enum: SERVICE_CATEGORIES, isArray: true, description: 'Empty: any category' })
  @IsOptional()
  @IsArray()
  @IsIn(SERVICE_CATEGORIES, { each: true })
  eligibleCategories?: string[];
  @ApiPropertyOptional({ enum: EXCLUDABLE_PURPOSES, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(EXCLUDABLE_PURPOSES, { each: true })
  excludedPurposes?: string[];
  @ApiPropertyOptional({ type: [String], description: "The program's 服务机构库; empty: any listed platform" })
  @IsOptional()
  @IsArray()
  @IsUUID('all', { each: true })
  platformIds?: string[];
  @ApiPropertyOptional({ enum: RECOGNITION_LEVELS })
  @IsOptional()
  @IsIn(RECOGNITION_LEVELS)
  minRecognitionLevel?: RecognitionLevel;
  @ApiProperty({ example: '2026-01-01' }) @IsDateString({ strict: true }) applyFrom: string;
  @ApiProperty({ example: '2026-12-31' }) @IsDateString({ strict: true }) applyUntil: string;
  @ApiProperty({ example: 365 }) @IsInt() @Min(1) @Max(3660) validityDays: number;
  @ApiProperty({ enum: REDEMPTION_MODES }) @IsIn(REDEMPTION_MODES) redemptionMode: RedemptionMode;
  @ApiProperty({ type: [CofunderDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => CofunderDto)
  cofunders: CofunderDto[];
  @ApiPropertyOptional({ default: 7 }) @IsOptional() @IsInt() @Min(0) @Max(90) noticeDays?: number;
  @ApiPropertyOptional({
    default: 90,
    description:
      'Claim window, days after completion: a hold on an order contracted before the voucher expired survives ' +
      'its expiry until then (SPEC §6 releases)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  claimWindowDays?: number;
  @ApiPropertyOptional({ default: 500, description: 'Share of approved claims sampled for spot checks, bp' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  spotCheckBp?: number;
  @ApiPropertyOptional({
    default: true,
    description: 'Maker-checker: the bureau user who approved a claim may not record its payment (403 MAKER_CHECKER)',
  })
  @IsOptional()
  @IsBoolean()
  makerChecker?: boolean;
}

export class CreateProgramDto extends ProgramRulesDto {
  @ApiPropertyOptional({ default: 0, description: 'Initial budget granted, fen' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  budgetFen?: number;
}

/** Any rule may change until the first voucher is issued; the merged rules are checked as a whole. */
export class UpdateProgramDto extends PartialType(ProgramRulesDto) {}

export class TopUpDto {
  @ApiProperty({ description: 'fen added to the budget' }) @IsInt() @Min(1) @Max(MAX_FEN) amountFen: number;
}

export class ProgramListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PROGRAM_STATUSES }) @IsOptional() @IsIn(PROGRAM_STATUSES) status?: ProgramStatus;
}
