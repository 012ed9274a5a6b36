import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiOkResponse,
} from '@nestjs/swagger';
import { ErrorResponseDto, fieldInvalid } from '@pilotlink/core';
import { AllowOrgKinds, ReqContext } from '@pilotlink/core';
import type { RequestContext } from '@pilotlink/core';
import { FailedJobsService } from '../admin/failed-jobs.service';
import { NeedsQueue } from '../queue-unavailable.interceptor';
import type { QueueName } from '../queues';
import { FailedJobsQueryDto, INSPECTABLE_QUEUES } from '../dto/failed-jobs.request.dto';
import { FailedJobPageDto, RetriedJobDto } from '../dto/failed-jobs.response.dto';

const JOB_ID = /^[A-Za-z0-9._-]{1,300}$/;

@ApiTags('admin')
@ApiBearerAuth()
@AllowOrgKinds('ADMIN')
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Admins only' })
@NeedsQueue()
@Controller('admin/failed-jobs')
export class FailedJobsController {
  constructor(private readonly failedJobs: FailedJobsService) {}

  @Get()
  @ApiOperation({
    summary: 'Jobs of a queue whose attempts are exhausted, newest first',
    description: 'Kept for a week and at most 5,000 per queue (older ones are dropped).',
  })
  @ApiOkResponse({ type: FailedJobPageDto })
  list(@Query() query: FailedJobsQueryDto): Promise<FailedJobPageDto> {
    return this.failedJobs.list(query.queue, query);
  }

  @Post(':queue/:jobId/retry')
  @HttpCode(200)
  @ApiParam({ name: 'queue', enum: INSPECTABLE_QUEUES })
  @ApiParam({ name: 'jobId', example: 'webhook.7c9e6679-7425-40de-944b-e07fc1f90ae7' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such job' })
  @ApiOperation({ summary: 'Run a failed job again, with a fresh set of attempts (409 if it is not failed)' })
  @ApiOkResponse({ type: RetriedJobDto })
  retry(
    @ReqContext() ctx: RequestContext,
    @Param('queue') queue: string,
    @Param('jobId') id: string,
  ): Promise<RetriedJobDto> {
    if (!(INSPECTABLE_QUEUES as string[]).includes(queue))
      throw fieldInvalid('queue', `queue must be one of ${INSPECTABLE_QUEUES.join(', ')}`);
    if (!JOB_ID.test(id)) throw fieldInvalid('jobId', 'not a job id');
    return this.failedJobs.retry(ctx, queue as QueueName, id);
  }
}
