import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDateString,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { trimString } from '@pilotlink/core';
import type { RecognisedLevel } from '../recognition/platform-recognition.entity';

export const RECOGNISED_LEVELS = ['CITY', 'PROVINCE', 'NATIONAL'] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class ApplyRecognitionDto {
  @ApiProperty({ enum: RECOGNISED_LEVELS, description: 'The level applied for' })
  @IsIn(RECOGNISED_LEVELS)
  level: RecognisedLevel;

  @ApiProperty({ example: '2025 年服务企业 63 家，中试收入 1,280 万元；CNAS 认可实验室。' })
  @Transform(trimString)
  @IsString()
  @Length(2, 10_000)
  evidence: string;

  @ApiPropertyOptional({ type: [String], example: ['https://files.example.cn/evidence/2025-annual-report.pdf'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { each: true })
  @MaxLength(2_000, { each: true })
  evidenceUrls?: string[];
}

export class ApproveRecognitionDto {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'Default today (China); not in the future' })
  @IsOptional()
  @IsDateString({ strict: true })
  @Matches(ISO_DATE, { message: 'validFrom must be a date (YYYY-MM-DD)' })
  validFrom?: string;

  @ApiProperty({ example: '2028-12-31', description: 'Last day the level holds (inclusive); not in the past' })
  @IsDateString({ strict: true })
  @Matches(ISO_DATE, { message: 'validUntil must be a date (YYYY-MM-DD)' })
  validUntil: string;
}

export class RejectRecognitionDto {
  @ApiProperty({ example: '佐证材料不足：缺少年度服务收入审计报告' })
  @Transform(trimString)
  @IsString()
  @Length(2, 1_000)
  reason: string;
}
