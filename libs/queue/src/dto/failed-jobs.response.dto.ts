import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { pageDtoOf } from '@pilotlink/core';
import type { QueueName } from '../queues';
import { INSPECTABLE_QUEUES } from './failed-jobs.request.dto';

export class FailedJobDto {
  @ApiProperty({ example: 'webhook.7c9e6679-7425-40de-944b-e07fc1f90ae7' }) id: string;
  @ApiProperty({ enum: INSPECTABLE_QUEUES }) queue: QueueName;
  @ApiProperty({ example: 'deliver-webhook' }) name: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The job payload (ids only)' })
  data: Record<string, unknown>;
  @ApiPropertyOptional({ nullable: true, type: String }) failedReason: string | null;
  @ApiProperty() attemptsMade: number;
  @ApiProperty({ description: 'When the job was created' }) createdAt: Date;
  @ApiPropertyOptional({ nullable: true, type: Date }) processedAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: Date, description: 'When it failed for the last time' })
  finishedAt: Date | null;
}

export class FailedJobPageDto extends pageDtoOf(FailedJobDto, 'FailedJobPageDto') {}

export class RetriedJobDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: INSPECTABLE_QUEUES }) queue: QueueName;
  @ApiProperty({ example: 'waiting', description: 'State right after the retry was queued' }) state: string;
}
