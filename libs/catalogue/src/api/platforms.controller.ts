import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiCreatedResponse,
  ApiOkResponse,
} from '@nestjs/swagger';
import { chinaDate, Clock, ErrorResponseDto, ParseIdPipe } from '@pilotlink/core';
import {
  AllowOrgKinds,
  OptionalActor,
  Public,
  ReqContext,
  RequireBureauRole,
  RequireVerifiedOrg,
} from '@pilotlink/core';
import type { Actor, RequestContext } from '@pilotlink/core';
import { seesWholeCatalogue } from '../access/platform-access';
import type { Platform } from '../domain/platform.entity';
import { PlatformPageDto, PlatformResponseDto } from '../dto/catalogue.response.dto';
import {
  CreatePlatformDto,
  PlatformListQueryDto,
  StatusReasonDto,
  UpdatePlatformDto,
} from '../dto/platform.request.dto';
import { PlatformsService } from '../platforms/platforms.service';

@ApiTags('platforms')
@ApiBearerAuth()
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown platform, or one you may not see or change' })
@Controller('platforms')
export class PlatformsController {
  constructor(
    private readonly platforms: PlatformsService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The public directory of listed platforms; `mine` or `status` for operators and bureaus' })
  @ApiOkResponse({ type: PlatformPageDto })
  async list(
    @OptionalActor() actor: Actor | undefined,
    @Query() query: PlatformListQueryDto,
  ): Promise<PlatformPageDto> {
    const page = await this.platforms.list(actor, query);
    return { ...page, items: page.items.map((p) => this.toDto(actor, p)) };
  }

  @Post()
  @AllowOrgKinds('PLATFORM_OPERATOR')
  @ApiOperation({ summary: 'Operator: create a platform (DRAFT) hosted by your org' })
  @ApiCreatedResponse({ type: PlatformResponseDto })
  async create(@ReqContext() ctx: RequestContext, @Body() body: CreatePlatformDto): Promise<PlatformResponseDto> {
    return this.toDto(ctx.actor, await this.platforms.create(ctx, body));
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'A listed platform (anyone), or your own / supervised one in any state' })
  @ApiOkResponse({ type: PlatformResponseDto })
  async get(
    @OptionalActor() actor: Actor | undefined,
    @Param('id', ParseIdPipe) id: string,
  ): Promise<PlatformResponseDto> {
    return this.toDto(actor, await this.platforms.get(actor, id));
  }

  @Patch(':id')
  @AllowOrgKinds('PLATFORM_OPERATOR')
  @ApiOperation({ summary: 'Operator: edit your platform; `qualifications` replaces the list' })
  @ApiOkResponse({ type: PlatformResponseDto })
  async update(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: UpdatePlatformDto,
  ): Promise<PlatformResponseDto> {
    return this.toDto(ctx.actor, await this.platforms.update(ctx, id, body));
  }

  @Post(':id/submit')
  @HttpCode(200)
  @AllowOrgKinds('PLATFORM_OPERATOR')
  @RequireVerifiedOrg()
  @ApiOperation({ summary: 'Operator (verified org): DRAFT → PENDING_REVIEW' })
  @ApiOkResponse({ type: PlatformResponseDto })
  async submit(@ReqContext() ctx: RequestContext, @Param('id', ParseIdPipe) id: string): Promise<PlatformResponseDto> {
    return this.toDto(ctx.actor, await this.platforms.transition(ctx, id, 'PENDING_REVIEW'));
  }

  @Post(':id/list')
  @HttpCode(200)
  @AllowOrgKinds('BUREAU', 'ADMIN')
  @RequireBureauRole('REVIEWER')
  @ApiOperation({ summary: 'Bureau in jurisdiction / admin: list (or reinstate) a platform — it becomes searchable' })
  @ApiOkResponse({ type: PlatformResponseDto })
  async listPlatform(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
  ): Promise<PlatformResponseDto> {
    return this.toDto(ctx.actor, await this.platforms.transition(ctx, id, 'LISTED'));
  }

  @Post(':id/reject')
  @HttpCode(200)
  @AllowOrgKinds('BUREAU', 'ADMIN')
  @RequireBureauRole('REVIEWER')
  @ApiOperation({
    summary:
      'Bureau in jurisdiction / admin: reject a submission with a reason — back to DRAFT for the operator to fix and resubmit',
  })
  @ApiOkResponse({ type: PlatformResponseDto })
  async reject(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: StatusReasonDto,
  ): Promise<PlatformResponseDto> {
    return this.toDto(ctx.actor, await this.platforms.transition(ctx, id, 'DRAFT', body.reason));
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @AllowOrgKinds('BUREAU', 'ADMIN')
  @RequireBureauRole('REVIEWER')
  @ApiOperation({ summary: 'Bureau in jurisdiction / admin: suspend a listed platform (leaves search at once)' })
  @ApiOkResponse({ type: PlatformResponseDto })
  async suspend(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: StatusReasonDto,
  ): Promise<PlatformResponseDto> {
    return this.toDto(ctx.actor, await this.platforms.transition(ctx, id, 'SUSPENDED', body.reason));
  }

  @Post(':id/delist')
  @HttpCode(200)
  @AllowOrgKinds('BUREAU', 'ADMIN')
  @RequireBureauRole('REVIEWER')
  @ApiOperation({ summary: 'Bureau in jurisdiction / admin: delist a platform for good' })
  @ApiOkResponse({ type: PlatformResponseDto })
  async delist(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: StatusReasonDto,
  ): Promise<PlatformResponseDto> {
    return this.toDto(ctx.actor, await this.platforms.transition(ctx, id, 'DELISTED', body.reason));
  }

  private toDto(actor: Actor | undefined, platform: Platform): PlatformResponseDto {
    return PlatformResponseDto.from(platform, seesWholeCatalogue(actor, platform), chinaDate(this.clock.now()));
  }
}
