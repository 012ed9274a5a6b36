import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { PageQueryDto } from '@pilotlink/core';
import { QUEUES } from '../queues';
import type { QueueName } from '../queues';

export const INSPECTABLE_QUEUES = Object.values(QUEUES) as QueueName[];

export class FailedJobsQueryDto extends PageQueryDto {
  @ApiProperty({ enum: INSPECTABLE_QUEUES })
  @IsIn(INSPECTABLE_QUEUES)
  queue: QueueName;
}
