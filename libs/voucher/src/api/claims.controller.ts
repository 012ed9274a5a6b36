import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiCreatedResponse,
  ApiOkResponse,
} from '@nestjs/swagger';
import { ErrorResponseDto, pageDtoOf, ParseIdPipe } from '@pilotlink/core';
import { AllowOrgKinds, CurrentActor, ReqContext, RequireVerifiedOrg, RequireBureauRole } from '@pilotlink/core';
import type { Actor, RequestContext } from '@pilotlink/core';
import { ClaimsService } from '../claims/claims.service';
import { DisbursementsService } from '../claims/disbursements.service';
import { SpotChecksService } from '../claims/spot-checks.service';
import { RecordSpotCheckDto } from '../dto/spot-check.request.dto';
import { SpotCheckResponseDto } from '../dto/spot-check.response.dto';
import { ClaimListQueryDto, CreateBatchDto, FileClaimDto } from '../dto/claim.request.dto';
import { BatchResponseDto, ClaimResponseDto } from '../dto/claim.response.dto';
import { ReasonDto } from '../dto/voucher.request.dto';
import { Idempotent } from '../idempotency/idempotency.interceptor';

class ClaimPageDto extends pageDtoOf(ClaimResponseDto, 'ClaimPageDto') {}

@ApiTags('vouchers')
@ApiBearerAuth()
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown, or not yours to see' })
@Controller()
export class ClaimsController {
  constructor(
    private readonly claims: ClaimsService,
    private readonly disbursements: DisbursementsService,
    private readonly spotChecks: SpotChecksService,
  ) {}

  @Post('claims')
  @AllowOrgKinds('SME', 'PLATFORM_OPERATOR')
  @RequireVerifiedOrg()
  @Idempotent()
  @ApiOperation({ summary: "The payee (SME in REIMBURSE, platform in DEDUCT) claims a completed, paid order's hold" })
  @ApiCreatedResponse({ type: ClaimResponseDto })
  async file(@ReqContext() ctx: RequestContext, @Body() body: FileClaimDto): Promise<ClaimResponseDto> {
    return ClaimResponseDto.from(await this.claims.file(ctx, body));
  }

  @Get('claims')
  @ApiOperation({ summary: 'Claims you filed, are the subject of, or review' })
  @ApiOkResponse({ type: ClaimPageDto })
  async list(@CurrentActor() actor: Actor, @Query() query: ClaimListQueryDto): Promise<ClaimPageDto> {
    const page = await this.claims.list(actor, query);
    const checks = await this.spotChecksFor(
      actor,
      page.items.map((c) => c.id),
    );
    return {
      ...page,
      items: page.items.map((c) =>
        ClaimResponseDto.from(c, undefined, undefined, checks && (checks.get(c.id) ?? null)),
      ),
    } as ClaimPageDto;
  }

  @Get('claims/:id')
  @ApiOperation({ summary: 'One claim, with its checks, flags and payouts' })
  @ApiOkResponse({ type: ClaimResponseDto })
  async get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<ClaimResponseDto> {
    const { claim, payouts, parties } = await this.claims.get(actor, id);
    const checks = await this.spotChecksFor(actor, [claim.id]);
    return ClaimResponseDto.from(claim, payouts, parties, checks && (checks.get(claim.id) ?? null));
  }

  /** The reviewers (bureau, admin) see the recorded spot checks; the payee and the SME do not. */
  private async spotChecksFor(actor: Actor, claimIds: string[]) {
    if (actor.orgKind !== 'BUREAU' && actor.orgKind !== 'ADMIN') return undefined;
    return this.spotChecks.recordsOf(claimIds);
  }

  @Post('claims/:id/approve')
  @HttpCode(200)
  @AllowOrgKinds('BUREAU')
  @RequireBureauRole('REVIEWER')
  @Idempotent()
  @ApiOperation({ summary: 'Bureau running the program: approve (the hold becomes payable; public notice opens)' })
  @ApiOkResponse({ type: ClaimResponseDto })
  async approve(@ReqContext() ctx: RequestContext, @Param('id', ParseIdPipe) id: string): Promise<ClaimResponseDto> {
    return this.claims.approve(ctx, id);
  }

  @Post('claims/:id/reject')
  @HttpCode(200)
  @AllowOrgKinds('BUREAU')
  @RequireBureauRole('REVIEWER')
  @Idempotent()
  @ApiOperation({ summary: 'Bureau running the program: reject with a reason (the hold is released)' })
  @ApiOkResponse({ type: ClaimResponseDto })
  async reject(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: ReasonDto,
  ): Promise<ClaimResponseDto> {
    return ClaimResponseDto.from(await this.claims.reject(ctx, id, body));
  }

  @Post('claims/:id/spot-check')
  @AllowOrgKinds('BUREAU')
  @RequireBureauRole('REVIEWER')
  @ApiOperation({
    summary:
      'Bureau: record the spot check (抽查) of a sampled claim; a failed one may revoke the voucher (unheld balance back to the budget)',
  })
  @ApiCreatedResponse({ type: SpotCheckResponseDto })
  async spotCheck(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: RecordSpotCheckDto,
  ): Promise<SpotCheckResponseDto> {
    return SpotCheckResponseDto.from(await this.spotChecks.record(ctx, id, body));
  }

  @Post('claims/:id/pay')
  @HttpCode(200)
  @AllowOrgKinds('BUREAU')
  @RequireBureauRole('PAYER')
  @Idempotent()
  @ApiOperation({ summary: 'Bureau: record the disbursement of one approved claim (split across co-funders)' })
  @ApiOkResponse({ type: ClaimResponseDto })
  async pay(@ReqContext() ctx: RequestContext, @Param('id', ParseIdPipe) id: string): Promise<ClaimResponseDto> {
    return ClaimResponseDto.from(await this.disbursements.payOne(ctx, id));
  }

  @Post('disbursement-batches')
  @AllowOrgKinds('BUREAU')
  @RequireBureauRole('PAYER')
  @Idempotent()
  @ApiOperation({ summary: "Bureau: pay a batch of a program's approved claims, all or nothing" })
  @ApiCreatedResponse({ type: BatchResponseDto })
  createBatch(@ReqContext() ctx: RequestContext, @Body() body: CreateBatchDto): Promise<BatchResponseDto> {
    return this.disbursements.createBatch(ctx, body);
  }

  @Get('disbursement-batches/:id')
  @AllowOrgKinds('BUREAU', 'ADMIN')
  @ApiOperation({ summary: 'One disbursement batch' })
  @ApiOkResponse({ type: BatchResponseDto })
  getBatch(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<BatchResponseDto> {
    return this.disbursements.getBatch(actor, id);
  }
}
