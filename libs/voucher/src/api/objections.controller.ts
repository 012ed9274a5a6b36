import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiCreatedResponse,
  ApiOkResponse,
} from '@nestjs/swagger';
import { ErrorResponseDto, PageQueryDto, ParseIdPipe } from '@pilotlink/core';
import { ObjectionThrottlerGuard } from '@pilotlink/identity';
import { AllowOrgKinds, CurrentActor, Public, ReqContext, RequireBureauRole } from '@pilotlink/core';
import type { Actor, RequestContext } from '@pilotlink/core';
import { ObjectionsService } from '../claims/objections.service';
import { LodgeObjectionDto, ObjectionDecisionDto } from '../dto/objection.request.dto';
import { ObjectionReceiptDto, ObjectionResponseDto, ObjectionPageDto } from '../dto/objection.response.dto';

@ApiTags('vouchers')
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown, or not yours to see' })
@Controller()
export class ObjectionsController {
  constructor(private readonly objections: ObjectionsService) {}

  @Post('claims/:id/objections')
  @Public()
  // OBJECTION_RATE_LIMIT an hour from one client address (default 10): a public form must not be a flood gate.
  @UseGuards(ObjectionThrottlerGuard)
  @ApiOperation({
    summary: '异议: anyone objects to a claim on public notice (公示), with a contact and a reason — no login',
  })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'NOTICE_CLOSED: the notice of this claim is over' })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: 'RATE_LIMITED' })
  @ApiCreatedResponse({ type: ObjectionReceiptDto })
  async lodge(@Param('id', ParseIdPipe) id: string, @Body() body: LodgeObjectionDto): Promise<ObjectionReceiptDto> {
    const o = await this.objections.lodge(id, body);
    return { id: o.id, claimId: o.claimId, status: o.status, createdAt: o.createdAt };
  }

  @Get('claims/:id/objections')
  @ApiBearerAuth()
  @AllowOrgKinds('BUREAU', 'ADMIN')
  @ApiOperation({ summary: "Bureau running the program: a claim's objections, with the objectors' contacts" })
  @ApiOkResponse({ type: ObjectionPageDto })
  async list(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Query() page: PageQueryDto,
  ): Promise<ObjectionPageDto> {
    const result = await this.objections.list(actor, id, page);
    return { ...result, items: result.items.map((o) => ObjectionResponseDto.from(o)) };
  }

  @Post('claim-objections/:id/uphold')
  @HttpCode(200)
  @ApiBearerAuth()
  @AllowOrgKinds('BUREAU')
  @RequireBureauRole('REVIEWER')
  @ApiOperation({
    summary: 'Bureau: uphold an objection — the claim is rejected and its amount goes back to the voucher',
  })
  @ApiOkResponse({ type: ObjectionResponseDto })
  async uphold(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: ObjectionDecisionDto,
  ): Promise<ObjectionResponseDto> {
    return ObjectionResponseDto.from(await this.objections.decide(ctx, id, 'UPHELD', body));
  }

  @Post('claim-objections/:id/dismiss')
  @HttpCode(200)
  @ApiBearerAuth()
  @AllowOrgKinds('BUREAU')
  @RequireBureauRole('REVIEWER')
  @ApiOperation({ summary: 'Bureau: dismiss an objection — the claim is APPROVED again and its notice continues' })
  @ApiOkResponse({ type: ObjectionResponseDto })
  async dismiss(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: ObjectionDecisionDto,
  ): Promise<ObjectionResponseDto> {
    return ObjectionResponseDto.from(await this.objections.decide(ctx, id, 'DISMISSED', body));
  }
}
