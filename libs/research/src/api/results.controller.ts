import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorResponseDto, ParseIdPipe } from '@pilotlink/core';
import { AllowOrgKinds, CurrentActor, OptionalActor, Public, ReqContext, RequireVerifiedOrg } from '@pilotlink/core';
import type { Actor, RequestContext } from '@pilotlink/core';
import { ResultStatus } from '../domain/result';
import {
  CreateResultDto,
  InviteToResultDto,
  ResultListQueryDto,
  ResultSearchQueryDto,
  ResultStatusReasonDto,
  UpdateResultDto,
} from '../dto/result.request.dto';
import { ResultPageDto, ResultResponseDto, ResultSearchPageDto } from '../dto/result.response.dto';
import { ResultSearchService } from '../results/result-search.service';
import { ResultsService, VisibleResult } from '../results/results.service';

@ApiTags('research results')
@ApiBearerAuth()
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown result, or one you may not see' })
@Controller()
export class ResultsController {
  constructor(
    private readonly results: ResultsService,
    private readonly search: ResultSearchService,
  ) {}

  @Get('results')
  @AllowOrgKinds('INSTITUTE', 'SME', 'PLATFORM_OPERATOR', 'BUREAU', 'ADMIN')
  @ApiOperation({
    summary: 'Institutes: your results. Verified platforms, SMEs and bureaus: published results you may see',
  })
  @ApiOkResponse({ type: ResultPageDto })
  async list(@CurrentActor() actor: Actor, @Query() query: ResultListQueryDto): Promise<ResultPageDto> {
    return this.render(await this.results.list(actor, query));
  }

  @Get('results/public')
  @Public()
  @ApiOperation({ summary: 'Anyone: the published PUBLIC results (科技成果), newest first' })
  @ApiOkResponse({ type: ResultPageDto })
  async listPublic(@Query() query: ResultListQueryDto): Promise<ResultPageDto> {
    return this.render(await this.results.listPublic(query));
  }

  @Get('search/results')
  @Public()
  @ApiOperation({
    summary: 'Search published results, each as you may see it',
    description:
      'Anyone searches PUBLIC results; verified platforms, SMEs and bureaus also SUMMARY ones, on their summary ' +
      'fields only (the technical detail, IP numbers and exact budget never match and are never returned unless ' +
      'you were invited or accepted the NDA). PRIVATE results and drafts are never in search.',
  })
  @ApiOkResponse({ type: ResultSearchPageDto })
  searchResults(
    @OptionalActor() actor: Actor | undefined,
    @Query() query: ResultSearchQueryDto,
  ): Promise<ResultSearchPageDto> {
    return this.search.search(actor, query);
  }

  @Post('results')
  @AllowOrgKinds('INSTITUTE')
  @ApiOperation({ summary: 'Institute: draft a result' })
  @ApiCreatedResponse({ type: ResultResponseDto })
  async create(@ReqContext() ctx: RequestContext, @Body() body: CreateResultDto): Promise<ResultResponseDto> {
    return ResultResponseDto.from(await this.results.create(ctx, body), 'FULL');
  }

  @Get('results/:id')
  @Public()
  @ApiOperation({ summary: 'A result as you may see it: FULL, or SUMMARY (hidden fields absent)' })
  @ApiOkResponse({ type: ResultResponseDto })
  async get(
    @OptionalActor() actor: Actor | undefined,
    @Param('id', ParseIdPipe) id: string,
  ): Promise<ResultResponseDto> {
    return this.one(await this.results.get(actor, id));
  }

  @Patch('results/:id')
  @AllowOrgKinds('INSTITUTE')
  @ApiOperation({ summary: 'Institute: edit your draft or published result' })
  @ApiOkResponse({ type: ResultResponseDto })
  async update(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: UpdateResultDto,
  ): Promise<ResultResponseDto> {
    return ResultResponseDto.from(await this.results.update(ctx, id, body), 'FULL');
  }

  @Post('results/:id/publish')
  @HttpCode(200)
  @AllowOrgKinds('INSTITUTE')
  @RequireVerifiedOrg()
  @ApiOperation({ summary: 'Institute (verified org): DRAFT → PUBLISHED' })
  @ApiOkResponse({ type: ResultResponseDto })
  publish(@ReqContext() ctx: RequestContext, @Param('id', ParseIdPipe) id: string): Promise<ResultResponseDto> {
    return this.move(ctx, id, 'PUBLISHED', null);
  }

  @Post('results/:id/start-pilot')
  @HttpCode(200)
  @AllowOrgKinds('INSTITUTE')
  @ApiOperation({ summary: 'Institute: a pilot verification has started (PUBLISHED → IN_PILOT)' })
  @ApiOkResponse({ type: ResultResponseDto })
  startPilot(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: ResultStatusReasonDto,
  ): Promise<ResultResponseDto> {
    return this.move(ctx, id, 'IN_PILOT', body.reason ?? null);
  }

  @Post('results/:id/transfer')
  @HttpCode(200)
  @AllowOrgKinds('INSTITUTE')
  @ApiOperation({ summary: 'Institute: the result was transferred (成果已转化)' })
  @ApiOkResponse({ type: ResultResponseDto })
  transfer(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: ResultStatusReasonDto,
  ): Promise<ResultResponseDto> {
    return this.move(ctx, id, 'TRANSFERRED', body.reason ?? null);
  }

  @Post('results/:id/withdraw')
  @HttpCode(200)
  @AllowOrgKinds('INSTITUTE')
  @ApiOperation({ summary: 'Institute: withdraw a result (it leaves lists and search)' })
  @ApiOkResponse({ type: ResultResponseDto })
  withdraw(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: ResultStatusReasonDto,
  ): Promise<ResultResponseDto> {
    return this.move(ctx, id, 'WITHDRAWN', body.reason ?? null);
  }

  @Post('results/:id/invitations')
  @HttpCode(204)
  @AllowOrgKinds('INSTITUTE')
  @ApiOperation({ summary: 'Institute: invite a listed platform (its operator sees the result in full)' })
  @ApiNoContentResponse({ description: 'Invited' })
  async invite(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: InviteToResultDto,
  ): Promise<void> {
    await this.results.invite(ctx, id, body.platformId);
  }

  @Post('results/:id/nda')
  @HttpCode(200)
  @AllowOrgKinds('PLATFORM_OPERATOR', 'SME', 'BUREAU')
  @RequireVerifiedOrg()
  @ApiOperation({ summary: "Platforms, SMEs, bureaus: accept the result's NDA to see a SUMMARY result in full" })
  @ApiOkResponse({ type: ResultResponseDto })
  async acceptNda(@ReqContext() ctx: RequestContext, @Param('id', ParseIdPipe) id: string): Promise<ResultResponseDto> {
    return this.one(await this.results.acceptNda(ctx, id));
  }

  private async move(
    ctx: RequestContext,
    id: string,
    to: ResultStatus,
    reason: string | null,
  ): Promise<ResultResponseDto> {
    return ResultResponseDto.from(await this.results.transition(ctx, id, to, reason), 'FULL');
  }

  private async one(visible: VisibleResult): Promise<ResultResponseDto> {
    const names = await this.results.instituteNames([visible]);
    return ResultResponseDto.from(visible.result, visible.view, names.get(visible.result.instituteOrgId));
  }

  private async render(page: Awaited<ReturnType<ResultsService['list']>>): Promise<ResultPageDto> {
    const names = await this.results.instituteNames(page.items);
    return {
      ...page,
      items: page.items.map(({ result, view }) =>
        ResultResponseDto.from(result, view, names.get(result.instituteOrgId)),
      ),
    };
  }
}
