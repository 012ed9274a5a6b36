import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { trimString } from '@pilotlink/core';
import { EVALUATION_OUTCOMES, GRADES } from '../domain/evaluation';
import type { EvaluationOutcome, Grade } from '../domain/evaluation';

export class CreateEvaluationDto {
  @ApiProperty({ example: 2025, description: 'The calendar year evaluated; not after the current one' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiPropertyOptional({ enum: GRADES, description: 'Default: the grade the indicators suggest' })
  @IsOptional()
  @IsIn(GRADES)
  grade?: Grade;

  @ApiProperty({
    enum: EVALUATION_OUTCOMES,
    description: 'EXCELLENT/GOOD/PASS allow KEEP only; FAIL allows DOWNGRADE, SUSPEND or DELIST (else 422)',
  })
  @IsIn(EVALUATION_OUTCOMES)
  outcome: EvaluationOutcome;

  @ApiProperty({ example: '年度服务企业数量不足，外部用户占比偏低。' })
  @Transform(trimString)
  @IsString()
  @Length(1, 5_000)
  remarks: string;
}

export class IndicatorsQueryDto {
  @ApiProperty({ example: 2025 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}
