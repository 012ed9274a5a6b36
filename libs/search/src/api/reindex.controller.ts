import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorResponseDto } from '@pilotlink/core';
import { AllowOrgKinds, ReqContext } from '@pilotlink/core';
import type { RequestContext } from '@pilotlink/core';
import { NeedsQueue, REINDEX_SEARCH_JOB_ID } from '@pilotlink/queue';
import { ReindexJobsService } from '../admin/reindex-jobs.service';
import { ReindexJobDto } from '../dto/reindex-job.response.dto';

@ApiTags('admin')
@ApiBearerAuth()
@AllowOrgKinds('ADMIN')
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'FORBIDDEN: admins only' })
@NeedsQueue()
@Controller('admin/search/reindex')
export class ReindexController {
  constructor(private readonly jobs: ReindexJobsService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Rebuild every search index from PostgreSQL in the background',
    description:
      'Queues one maintenance job (id `reindex-search`) that fills `<index>_new` and swaps it in, index by ' +
      'index, without a gap in search. While a run is waiting or active, this answers that run ' +
      '(`started: false`) instead of starting another. Poll GET /api/admin/search/reindex/{id} for progress.',
  })
  @ApiAcceptedResponse({ type: ReindexJobDto })
  start(@ReqContext() ctx: RequestContext): Promise<ReindexJobDto> {
    return this.jobs.start(ctx);
  }

  @Get(':jobId')
  @ApiParam({ name: 'jobId', example: REINDEX_SEARCH_JOB_ID })
  @ApiOperation({ summary: 'State, progress (per index, documents done/total, percent), result or failure of a run' })
  @ApiOkResponse({ type: ReindexJobDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'NOT_FOUND: no such reindex job (or it was pruned)' })
  get(@Param('jobId') jobId: string): Promise<ReindexJobDto> {
    return this.jobs.get(jobId);
  }
}
