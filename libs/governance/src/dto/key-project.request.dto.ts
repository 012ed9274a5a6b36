import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsDateString,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { trimString } from '@pilotlink/core';
import { KEY_PROJECT_STAGES, KEY_PROJECT_STATUSES, KEY_PROJECT_SUBJECTS } from '../domain/key-project';
import type { KeyProjectStage, KeyProjectStatus, KeyProjectSubjectType } from '../domain/key-project';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const STAGE_DOC = 'CONCEPT 概念验证 → LAB 小试 → PILOT 中试熟化 → INDUSTRIALISATION 产业化';

export class CreateKeyProjectDto {
  @ApiProperty({ enum: KEY_PROJECT_SUBJECTS, description: 'What is marked: a research result, a demand or an order' })
  @IsIn(KEY_PROJECT_SUBJECTS)
  subjectType: KeyProjectSubjectType;

  @ApiProperty({ format: 'uuid', description: 'Of an org in your jurisdiction (else 404); drafts cannot be marked' })
  @IsUUID()
  subjectId: string;

  @ApiProperty({ format: 'uuid', description: 'The officer who follows it (专人跟踪): an active user of your bureau' })
  @IsUUID()
  officerUserId: string;

  @ApiPropertyOptional({ enum: KEY_PROJECT_STAGES, default: 'CONCEPT', description: STAGE_DOC })
  @IsOptional()
  @IsIn(KEY_PROJECT_STAGES)
  stage?: KeyProjectStage;

  @ApiPropertyOptional({ maxLength: 2000, description: "The bureau's own note (never shown to the parties)" })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class UpdateKeyProjectDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Hand the project to another officer of your bureau' })
  @IsOptional()
  @IsUUID()
  officerUserId?: string;

  @ApiPropertyOptional({ enum: KEY_PROJECT_STAGES, description: `Forward only (409 otherwise): ${STAGE_DOC}` })
  @IsOptional()
  @IsIn(KEY_PROJECT_STAGES)
  stage?: KeyProjectStage;

  @ApiPropertyOptional({ maxLength: 2000, nullable: true, type: String })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class CloseKeyProjectDto {
  @ApiProperty({ example: '已在广州落地投产，转入常规服务', minLength: 2, maxLength: 500 })
  @Transform(trimString)
  @IsString()
  @Length(2, 500)
  reason: string;
}

export class CreateMilestoneDto {
  @ApiProperty({ enum: KEY_PROJECT_STAGES, description: STAGE_DOC })
  @IsIn(KEY_PROJECT_STAGES)
  stage: KeyProjectStage;

  @ApiProperty({ example: '完成中试线工艺验证', minLength: 2, maxLength: 200 })
  @Transform(trimString)
  @IsString()
  @Length(2, 200)
  title: string;

  @ApiProperty({ example: '2026-06-30', description: 'Due date (China calendar); a past one is overdue at once' })
  @IsDateString({ strict: true })
  @Matches(ISO_DATE, { message: 'dueOn must be a date (YYYY-MM-DD)' })
  dueOn: string;

  @ApiPropertyOptional({ example: '2026-06-20', description: 'Done date; not after today' })
  @IsOptional()
  @IsDateString({ strict: true })
  @Matches(ISO_DATE, { message: 'doneOn must be a date (YYYY-MM-DD)' })
  doneOn?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class UpdateMilestoneDto {
  @ApiPropertyOptional({ minLength: 2, maxLength: 200 })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(2, 200)
  title?: string;

  @ApiPropertyOptional({ example: '2026-07-15' })
  @IsOptional()
  @IsDateString({ strict: true })
  @Matches(ISO_DATE, { message: 'dueOn must be a date (YYYY-MM-DD)' })
  dueOn?: string;

  @ApiPropertyOptional({
    example: '2026-06-20',
    nullable: true,
    type: String,
    description: 'Done date (not after today); null reopens the milestone',
  })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @IsDateString({ strict: true })
  @Matches(ISO_DATE, { message: 'doneOn must be a date (YYYY-MM-DD)' })
  doneOn?: string | null;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class KeyProjectBoardQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: "Only this officer's projects" })
  @IsOptional()
  @IsUUID()
  officerUserId?: string;

  @ApiPropertyOptional({ enum: KEY_PROJECT_STATUSES, default: 'ACTIVE' })
  @IsOptional()
  @IsIn(KEY_PROJECT_STATUSES)
  status?: KeyProjectStatus;
}

export class KeyProjectSubjectQueryDto {
  @ApiProperty({ enum: KEY_PROJECT_SUBJECTS })
  @IsIn(KEY_PROJECT_SUBJECTS)
  subjectType: KeyProjectSubjectType;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  subjectId: string;
}

export class KeyProjectCandidatesQueryDto {
  @ApiProperty({ enum: KEY_PROJECT_SUBJECTS })
  @IsIn(KEY_PROJECT_SUBJECTS)
  subjectType: KeyProjectSubjectType;

  @ApiPropertyOptional({ description: 'A fragment of the title (the contract number for orders)', maxLength: 100 })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(100)
  q?: string;
}
