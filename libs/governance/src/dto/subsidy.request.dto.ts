import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto, trimString } from '@pilotlink/core';
import { SUBSIDY_RULE_KINDS } from '../domain/subsidy-rule';
import type { SubsidyRule } from '../domain/subsidy-rule';

const MAX_FEN = 1_000_000_000_000;

export class FunderDto {
  @ApiProperty({ example: 'QUANZHOU' }) @Matches(/^[A-Z0-9_]{1,32}$/) key: string;
  @ApiProperty({ example: '泉州市' }) @IsString() @Length(1, 100) name: string;
  @ApiProperty({ example: 5000 }) @IsInt() @Min(1) @Max(10_000) shareBp: number;
}

export class CreateSubsidyRuleDto {
  @ApiProperty({ example: 'JJ_EQUIPMENT_30' }) @Matches(/^[A-Z0-9_]{2,40}$/) code: string;
  @ApiProperty({ example: '中试验证平台设备购置补助' }) @Transform(trimString) @IsString() @Length(2, 200) name: string;
  @ApiProperty({ enum: SUBSIDY_RULE_KINDS }) @IsIn(SUBSIDY_RULE_KINDS) kind: SubsidyRule['kind'];
  @ApiPropertyOptional({ type: String, nullable: true, description: '就高不重复: rules of one group never add up' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  overlapGroup?: string | null;
  @ApiProperty({ type: [FunderDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => FunderDto)
  funders: FunderDto[];
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      "The kind's own fields, e.g. EQUIPMENT_RATIO {basis, ratioBp, capFen, capFenByLevel?, minLevel?}; see the OpenAPI description of SubsidyRule kinds in the README",
    example: { basis: 'NON_FISCAL_EQUIPMENT', ratioBp: 3000, capFen: 500_000_000 },
  })
  @IsObject()
  params: Record<string, unknown>;
  @ApiPropertyOptional({ example: 'seeds/002 六(二)' }) @IsOptional() @IsString() @Length(1, 200) source?: string;
}

export class UpdateSubsidyRuleDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: '就高不重复 group; null takes the rule out of any group',
  })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  overlapGroup?: string | null;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: "The kind's fields to change: merged into the current ones, then the rule is validated as a whole",
  })
  @IsOptional()
  @IsObject()
  params?: Record<string, unknown>;
  @ApiPropertyOptional({ type: [FunderDto] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => FunderDto)
  funders?: FunderDto[];
}

export class DeclareEquipmentDto {
  @ApiProperty({ description: 'Equipment and software bought with non-fiscal money, fen' })
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  nonFiscalEquipmentFen: number;
  @ApiProperty({ description: 'Of which pilot equipment newly bought this year, fen' })
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  newEquipmentFen: number;
  @ApiProperty({ example: '设备采购合同 3 份、发票 5 张（附件编号 EQ-2026-01…05）' })
  @Transform(trimString)
  @IsString()
  @Length(2, 4_000)
  evidence: string;
}

export class AssessDto {
  @ApiProperty({ example: 2026 }) @IsInt() @Min(2000) @Max(2100) year: number;
}

export class SubsidyRuleListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '350582', description: 'Only the rules covering this region' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'must be 6 digits' })
  regionCode?: string;
}
