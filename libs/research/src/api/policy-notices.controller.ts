import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorResponseDto, ParseIdPipe } from '@pilotlink/core';
import { AllowOrgKinds, OptionalActor, Public, ReqContext, RequireBureauRole } from '@pilotlink/core';
import type { Actor, RequestContext } from '@pilotlink/core';
import { PolicyNoticesService } from '../policy/policy-notices.service';
import {
  CreatePolicyNoticeDto,
  PolicyListQueryDto,
  PolicySearchQueryDto,
  UpdatePolicyNoticeDto,
} from '../policy/policy.request.dto';
import { PolicyNoticePageDto, PolicyNoticeResponseDto, PolicySearchPageDto } from '../policy/policy.response.dto';

@ApiTags('policy notices')
@ApiBearerAuth()
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown notice, or another bureau’s draft' })
@Controller()
export class PolicyNoticesController {
  constructor(private readonly notices: PolicyNoticesService) {}

  @Get('policy-notices')
  @Public()
  @ApiOperation({ summary: 'Anyone: published policy notices (政策资讯), newest first; bureaus: `mine` for your own' })
  @ApiOkResponse({ type: PolicyNoticePageDto })
  list(@OptionalActor() actor: Actor | undefined, @Query() query: PolicyListQueryDto): Promise<PolicyNoticePageDto> {
    return this.notices.list(actor, query);
  }

  @Get('search/policy-notices')
  @Public()
  @ApiOperation({ summary: 'Anyone: search published policy notices (Simplified or Traditional Chinese)' })
  @ApiOkResponse({ type: PolicySearchPageDto })
  search(
    @OptionalActor() actor: Actor | undefined,
    @Query() query: PolicySearchQueryDto,
  ): Promise<PolicySearchPageDto> {
    return this.notices.search(actor, query);
  }

  @Post('policy-notices')
  @AllowOrgKinds('BUREAU')
  @RequireBureauRole()
  @ApiOperation({ summary: "Bureau (owner): draft a policy notice, linked to your bureau's voucher programs" })
  @ApiCreatedResponse({ type: PolicyNoticeResponseDto })
  create(@ReqContext() ctx: RequestContext, @Body() body: CreatePolicyNoticeDto): Promise<PolicyNoticeResponseDto> {
    return this.notices.create(ctx, body);
  }

  @Get('policy-notices/:id')
  @Public()
  @ApiOperation({ summary: 'A published or archived notice; a draft for its bureau only' })
  @ApiOkResponse({ type: PolicyNoticeResponseDto })
  get(
    @OptionalActor() actor: Actor | undefined,
    @Param('id', ParseIdPipe) id: string,
  ): Promise<PolicyNoticeResponseDto> {
    return this.notices.get(actor, id);
  }

  @Patch('policy-notices/:id')
  @AllowOrgKinds('BUREAU')
  @RequireBureauRole()
  @ApiOperation({ summary: 'Bureau (owner): edit your notice (a published one is re-indexed)' })
  @ApiOkResponse({ type: PolicyNoticeResponseDto })
  update(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: UpdatePolicyNoticeDto,
  ): Promise<PolicyNoticeResponseDto> {
    return this.notices.update(ctx, id, body);
  }

  @Post('policy-notices/:id/publish')
  @HttpCode(200)
  @AllowOrgKinds('BUREAU')
  @RequireBureauRole()
  @ApiOperation({ summary: 'Bureau (owner): DRAFT → PUBLISHED (public and searchable)' })
  @ApiOkResponse({ type: PolicyNoticeResponseDto })
  publish(@ReqContext() ctx: RequestContext, @Param('id', ParseIdPipe) id: string): Promise<PolicyNoticeResponseDto> {
    return this.notices.transition(ctx, id, 'PUBLISHED');
  }

  @Post('policy-notices/:id/archive')
  @HttpCode(200)
  @AllowOrgKinds('BUREAU')
  @RequireBureauRole()
  @ApiOperation({ summary: 'Bureau (owner): PUBLISHED → ARCHIVED (leaves lists and search, still readable)' })
  @ApiOkResponse({ type: PolicyNoticeResponseDto })
  archive(@ReqContext() ctx: RequestContext, @Param('id', ParseIdPipe) id: string): Promise<PolicyNoticeResponseDto> {
    return this.notices.transition(ctx, id, 'ARCHIVED');
  }
}
