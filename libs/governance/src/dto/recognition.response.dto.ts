import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { pageDtoOf } from '@pilotlink/core';
import { RECOGNITION_STATUSES } from '../domain/recognition';
import type { RecognitionStatus } from '../domain/recognition';
import type { PlatformRecognition, RecognisedLevel } from '../recognition/platform-recognition.entity';
import { RECOGNISED_LEVELS } from './recognition.request.dto';

export class RecognitionResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) platformId: string;
  @ApiProperty({ enum: RECOGNISED_LEVELS }) level: RecognisedLevel;
  @ApiProperty({ enum: RECOGNITION_STATUSES }) status: RecognitionStatus;
  @ApiProperty() evidence: string;
  @ApiProperty({ type: [String] }) evidenceUrls: string[];
  @ApiProperty({ format: 'uuid' }) requestedByOrgId: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) decidedByOrgId: string | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) decidedAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: '2026-01-01' }) validFrom: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: '2028-12-31' }) validUntil: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Why it was rejected, or why it stopped counting early (downgrade, delisting)',
  })
  reason: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;

  static from(r: PlatformRecognition): RecognitionResponseDto {
    return {
      id: r.id,
      platformId: r.platformId,
      level: r.level,
      status: r.status,
      evidence: r.evidence,
      evidenceUrls: r.evidenceUrls,
      requestedByOrgId: r.requestedByOrgId,
      decidedByOrgId: r.decidedByOrgId,
      decidedAt: r.decidedAt,
      validFrom: r.validFrom,
      validUntil: r.validUntil,
      reason: r.reason,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    };
  }
}

export class RecognitionPageDto extends pageDtoOf(RecognitionResponseDto, 'RecognitionPageDto') {}
