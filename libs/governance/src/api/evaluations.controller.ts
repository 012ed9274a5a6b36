import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiCreatedResponse,
  ApiOkResponse,
} from '@nestjs/swagger';
import { ErrorResponseDto, ParseIdPipe, PageQueryDto } from '@pilotlink/core';
import { AllowOrgKinds, CurrentActor, ReqContext, RequireBureauRole } from '@pilotlink/core';
import type { Actor, RequestContext } from '@pilotlink/core';
import { CreateEvaluationDto, IndicatorsQueryDto } from '../dto/evaluation.request.dto';
import {
  EvaluationResponseDto,
  IndicatorsResponseDto,
  scoreOf,
  EvaluationPageDto,
} from '../dto/evaluation.response.dto';
import { EvaluationsService } from '../recognition/evaluations.service';

@ApiTags('governance')
@ApiBearerAuth()
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown platform, or not yours to see or evaluate' })
@Controller('platforms/:id')
export class EvaluationsController {
  constructor(private readonly evaluations: EvaluationsService) {}

  @Post('evaluations')
  @AllowOrgKinds('BUREAU')
  @RequireBureauRole('REVIEWER')
  @ApiOperation({
    summary:
      'Bureau over the platform: record the annual evaluation (once per year, 409) — grade defaults to the ' +
      'suggestion; FAIL may DOWNGRADE, SUSPEND or DELIST (which removes its services from search)',
  })
  @ApiCreatedResponse({ type: EvaluationResponseDto })
  async create(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) platformId: string,
    @Body() body: CreateEvaluationDto,
  ): Promise<EvaluationResponseDto> {
    return EvaluationResponseDto.from(await this.evaluations.record(ctx, platformId, body));
  }

  @Get('evaluations')
  @AllowOrgKinds('PLATFORM_OPERATOR', 'BUREAU', 'ADMIN')
  @ApiOperation({ summary: "A platform's evaluations, latest year first: its operator, a bureau over it, an admin" })
  @ApiOkResponse({ type: EvaluationPageDto })
  async list(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) platformId: string,
    @Query() page: PageQueryDto,
  ): Promise<EvaluationPageDto> {
    const result = await this.evaluations.listForPlatform(actor, platformId, page);
    return { ...result, items: result.items.map((e) => EvaluationResponseDto.from(e)) };
  }

  @Get('indicators')
  @AllowOrgKinds('PLATFORM_OPERATOR', 'BUREAU', 'ADMIN')
  @ApiOperation({ summary: 'The evaluation indicators of a year as the system computes them now, with the score' })
  @ApiOkResponse({ type: IndicatorsResponseDto })
  async indicators(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) platformId: string,
    @Query() query: IndicatorsQueryDto,
  ): Promise<IndicatorsResponseDto> {
    const indicators = await this.evaluations.preview(actor, platformId, query.year);
    return { platformId, year: query.year, indicators, score: scoreOf(indicators) };
  }
}
