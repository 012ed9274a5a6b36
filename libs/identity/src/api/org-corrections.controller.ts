import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorResponseDto, ParseIdPipe } from '@pilotlink/core';
import type { Actor, RequestContext } from '@pilotlink/core';
import { AllowOrgKinds, CurrentActor, ReqContext, RequireBureauRole, RequireVerifiedOrg } from '@pilotlink/core';
import { OrgCorrectionListQueryDto, RejectCorrectionDto } from '../dto/org-corrections.request.dto';
import { OrgCorrectionPageDto, OrgCorrectionResponseDto } from '../dto/org-corrections.response.dto';
import { OrgCorrectionsService } from '../orgs/org-corrections.service';

/**
 * Correction requests for a verified org's eligibility facts (techSme, legal representative,
 * shareholders). The owner files one by PATCHing its org; a bureau in jurisdiction (or an admin) decides.
 */
@ApiTags('orgs')
@ApiBearerAuth()
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown request, or one of an org you may not see' })
@ApiConflictResponse({ type: ErrorResponseDto, description: 'INVALID_STATE_TRANSITION: the request is decided' })
@Controller('org-corrections')
export class OrgCorrectionsController {
  constructor(private readonly corrections: OrgCorrectionsService) {}

  @Get()
  @ApiOperation({
    summary: "Bureau: pending corrections in its jurisdiction (admin: all); an org's own: its requests",
    description: 'Each item shows the facts in force (current) beside the requested ones.',
  })
  @ApiOkResponse({ type: OrgCorrectionPageDto })
  list(@CurrentActor() actor: Actor, @Query() query: OrgCorrectionListQueryDto): Promise<OrgCorrectionPageDto> {
    return this.corrections.list(actor, query);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @AllowOrgKinds('BUREAU', 'ADMIN')
  @RequireBureauRole('REVIEWER')
  @RequireVerifiedOrg()
  @ApiForbiddenResponse({ type: ErrorResponseDto })
  @ApiOperation({ summary: 'Bureau in jurisdiction or admin: apply the requested facts (audited)' })
  @ApiOkResponse({ type: OrgCorrectionResponseDto })
  approve(@ReqContext() ctx: RequestContext, @Param('id', ParseIdPipe) id: string): Promise<OrgCorrectionResponseDto> {
    return this.corrections.approve(ctx, id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @AllowOrgKinds('BUREAU', 'ADMIN')
  @RequireBureauRole('REVIEWER')
  @RequireVerifiedOrg()
  @ApiForbiddenResponse({ type: ErrorResponseDto })
  @ApiOperation({ summary: 'Bureau in jurisdiction or admin: reject with a reason; the verified facts stay' })
  @ApiOkResponse({ type: OrgCorrectionResponseDto })
  reject(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: RejectCorrectionDto,
  ): Promise<OrgCorrectionResponseDto> {
    return this.corrections.reject(ctx, id, body.reason);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: "Not the org's owner" })
  @ApiOperation({ summary: "Owner: withdraw your org's pending correction request" })
  @ApiOkResponse({ type: OrgCorrectionResponseDto })
  cancel(@ReqContext() ctx: RequestContext, @Param('id', ParseIdPipe) id: string): Promise<OrgCorrectionResponseDto> {
    return this.corrections.cancel(ctx, id);
  }
}
