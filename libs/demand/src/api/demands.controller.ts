import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiNoContentResponse,
} from '@nestjs/swagger';
import { chinaDate, Clock, ErrorResponseDto, ParseIdPipe } from '@pilotlink/core';
import { AllowOrgKinds, CurrentActor, ReqContext, RequireVerifiedOrg } from '@pilotlink/core';
import type { Actor, RequestContext } from '@pilotlink/core';
import { DemandsService } from '../demands/demands.service';
import { QuotesService } from '../quotes/quotes.service';
import {
  CreateDemandDto,
  DemandListQueryDto,
  DemandStatusReasonDto,
  InvitePlatformDto,
  UpdateDemandDto,
} from '../dto/demand.request.dto';
import { DemandPageDto, DemandResponseDto } from '../dto/demand.response.dto';

@ApiTags('demands')
@ApiBearerAuth()
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown demand, or one you may not see' })
@Controller('demands')
export class DemandsController {
  constructor(
    private readonly demands: DemandsService,
    private readonly quotes: QuotesService,
    private readonly clock: Clock,
  ) {}

  /** The server's calendar day, which decides a challenge's phase in each answer. */
  private today(): string {
    return chinaDate(this.clock.now());
  }

  @Get()
  @AllowOrgKinds('SME', 'PLATFORM_OPERATOR', 'ADMIN')
  @ApiOperation({ summary: 'SMEs: your demands. Verified platforms: open demands you may see, each as you may see it' })
  @ApiOkResponse({ type: DemandPageDto })
  async list(@CurrentActor() actor: Actor, @Query() query: DemandListQueryDto): Promise<DemandPageDto> {
    const page = await this.demands.list(actor, query);
    const counts = await this.quotes.countsFor(page.items.map(({ demand }) => demand.id));
    return {
      ...page,
      items: page.items.map(({ demand, view }) =>
        DemandResponseDto.from(demand, view, counts.get(demand.id) ?? 0, this.today()),
      ),
    };
  }

  @Post()
  @AllowOrgKinds('SME')
  @ApiOperation({ summary: 'SME: draft a demand' })
  @ApiCreatedResponse({ type: DemandResponseDto })
  async create(@ReqContext() ctx: RequestContext, @Body() body: CreateDemandDto): Promise<DemandResponseDto> {
    return DemandResponseDto.from(await this.demands.create(ctx, body), 'FULL', 0, this.today());
  }

  @Get(':id')
  @ApiOperation({ summary: 'A demand as you may see it: FULL, or SUMMARY (hidden fields absent)' })
  @ApiOkResponse({ type: DemandResponseDto })
  async get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<DemandResponseDto> {
    const { demand, view } = await this.demands.get(actor, id);
    const counts = await this.quotes.countsFor([demand.id]);
    return DemandResponseDto.from(demand, view, counts.get(demand.id) ?? 0, this.today());
  }

  @Patch(':id')
  @AllowOrgKinds('SME')
  @ApiOperation({ summary: 'SME: edit your draft demand' })
  @ApiOkResponse({ type: DemandResponseDto })
  async update(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: UpdateDemandDto,
  ): Promise<DemandResponseDto> {
    return DemandResponseDto.from(await this.demands.update(ctx, id, body), 'FULL', 0, this.today());
  }

  @Post(':id/publish')
  @HttpCode(200)
  @AllowOrgKinds('SME')
  @RequireVerifiedOrg()
  @ApiOperation({ summary: 'SME (verified org): DRAFT → OPEN' })
  @ApiOkResponse({ type: DemandResponseDto })
  async publish(@ReqContext() ctx: RequestContext, @Param('id', ParseIdPipe) id: string): Promise<DemandResponseDto> {
    return DemandResponseDto.from(await this.demands.transition(ctx, id, 'OPEN'), 'FULL', 0, this.today());
  }

  @Post(':id/close')
  @HttpCode(200)
  @AllowOrgKinds('SME')
  @ApiOperation({ summary: 'SME: close an open demand' })
  @ApiOkResponse({ type: DemandResponseDto })
  async close(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: DemandStatusReasonDto,
  ): Promise<DemandResponseDto> {
    return DemandResponseDto.from(
      await this.demands.transition(ctx, id, 'CLOSED', body.reason ?? null),
      'FULL',
      0,
      this.today(),
    );
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @AllowOrgKinds('SME')
  @ApiOperation({ summary: 'SME: cancel a draft or open demand' })
  @ApiOkResponse({ type: DemandResponseDto })
  async cancel(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: DemandStatusReasonDto,
  ): Promise<DemandResponseDto> {
    return DemandResponseDto.from(
      await this.demands.transition(ctx, id, 'CANCELLED', body.reason ?? null),
      'FULL',
      0,
      this.today(),
    );
  }

  @Post(':id/invitations')
  @HttpCode(204)
  @AllowOrgKinds('SME')
  @ApiOperation({ summary: 'SME: invite a listed platform (its operator sees the demand in full)' })
  @ApiNoContentResponse({ description: 'Invited' })
  async invite(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: InvitePlatformDto,
  ): Promise<void> {
    await this.demands.invite(ctx, id, body.platformId);
  }

  @Post(':id/nda')
  @HttpCode(200)
  @AllowOrgKinds('PLATFORM_OPERATOR')
  @RequireVerifiedOrg()
  @ApiOperation({ summary: "Platform: accept the demand's NDA to see a SUMMARY demand in full" })
  @ApiOkResponse({ type: DemandResponseDto })
  async acceptNda(@ReqContext() ctx: RequestContext, @Param('id', ParseIdPipe) id: string): Promise<DemandResponseDto> {
    const { demand, view } = await this.demands.acceptNda(ctx, id);
    return DemandResponseDto.from(demand, view, 0, this.today());
  }
}
