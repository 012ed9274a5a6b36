import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorResponseDto, pageDtoOf, ParseIdPipe } from '@pilotlink/core';
import {
  AllowOrgKinds,
  CurrentActor,
  ReqContext,
  RequireOwner,
  RequireVerifiedOrg,
  RequireBureauRole,
} from '@pilotlink/core';
import type { Actor, RequestContext } from '@pilotlink/core';
import { ShareholderDto, ShareholdersDto } from '../dto/shareholder.request.dto';
import {
  ApplicationListQueryDto,
  ApproveApplicationDto,
  HoldDto,
  ReasonDto,
  VoucherListQueryDto,
} from '../dto/voucher.request.dto';
import {
  ApplicationResponseDto,
  HoldResponseDto,
  QuoteVoucherOptionsDto,
  VoucherOptionsDto,
  VoucherResponseDto,
} from '../dto/voucher.response.dto';
import { Idempotent } from '../idempotency/idempotency.interceptor';
import { ApplicationsService } from '../vouchers/applications.service';
import { HoldsService } from '../vouchers/holds.service';
import { ShareholdersService } from '../vouchers/shareholders.service';
import { WalletService } from '../vouchers/wallet.service';

class ApplicationPageDto extends pageDtoOf(ApplicationResponseDto, 'VoucherApplicationPageDto') {}
class VoucherPageDto extends pageDtoOf(VoucherResponseDto, 'VoucherPageDto') {}

@ApiTags('vouchers')
@ApiBearerAuth()
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown, or not yours to see' })
@Controller()
export class VouchersController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly wallet: WalletService,
    private readonly holds: HoldsService,
    private readonly shareholders: ShareholdersService,
  ) {}

  @Get('voucher-applications')
  @AllowOrgKinds('SME', 'BUREAU', 'ADMIN')
  @ApiOperation({ summary: 'Applications: an SME its own; a bureau those to its programs' })
  @ApiOkResponse({ type: ApplicationPageDto })
  async listApplications(
    @CurrentActor() actor: Actor,
    @Query() query: ApplicationListQueryDto,
  ): Promise<ApplicationPageDto> {
    const page = await this.applications.list(actor, query);
    return { ...page, items: page.items.map((a) => ApplicationResponseDto.from(a)) } as ApplicationPageDto;
  }

  @Post('voucher-applications/:id/approve')
  @HttpCode(200)
  @AllowOrgKinds('BUREAU')
  @RequireBureauRole('REVIEWER')
  @Idempotent()
  @ApiOperation({
    summary: 'Bureau: approve (possibly less) — issues the voucher from the budget (409 when exhausted)',
  })
  @ApiOkResponse({ type: ApplicationResponseDto })
  async approve(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: ApproveApplicationDto,
  ): Promise<ApplicationResponseDto> {
    return ApplicationResponseDto.from(await this.applications.approve(ctx, id, body));
  }

  @Post('voucher-applications/:id/reject')
  @HttpCode(200)
  @AllowOrgKinds('BUREAU')
  @RequireBureauRole('REVIEWER')
  @Idempotent()
  @ApiOperation({ summary: 'Bureau: reject with a reason' })
  @ApiOkResponse({ type: ApplicationResponseDto })
  async reject(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: ReasonDto,
  ): Promise<ApplicationResponseDto> {
    return ApplicationResponseDto.from(await this.applications.reject(ctx, id, body));
  }

  @Post('voucher-applications/:id/withdraw')
  @HttpCode(200)
  @AllowOrgKinds('SME')
  @ApiOperation({ summary: 'SME: withdraw its pending application (it may then apply again)' })
  @ApiOkResponse({ type: ApplicationResponseDto })
  async withdraw(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
  ): Promise<ApplicationResponseDto> {
    return ApplicationResponseDto.from(await this.applications.withdraw(ctx, id));
  }

  @Get('vouchers')
  @AllowOrgKinds('SME', 'ADMIN')
  @ApiOperation({ summary: 'SME: the wallet — balances, holds, expiry countdown, where each can be spent' })
  @ApiOkResponse({ type: VoucherPageDto })
  async listVouchers(@CurrentActor() actor: Actor, @Query() query: VoucherListQueryDto): Promise<VoucherPageDto> {
    return (await this.wallet.list(actor, query)) as VoucherPageDto;
  }

  @Get('vouchers/:id')
  @AllowOrgKinds('SME', 'ADMIN')
  @ApiOperation({ summary: 'One of your vouchers' })
  @ApiOkResponse({ type: VoucherResponseDto })
  getVoucher(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<VoucherResponseDto> {
    return this.wallet.get(actor, id);
  }

  @Get('orders/:id/voucher-options')
  @AllowOrgKinds('SME', 'INSTITUTE')
  @ApiOperation({
    summary: 'SME: what each of your vouchers would pay of this order, or why not — best first (就高不重复)',
    description: 'An institute buying its result’s verification sees buyerIneligible BUYER_NOT_SME and no options.',
  })
  @ApiOkResponse({ type: VoucherOptionsDto })
  options(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<VoucherOptionsDto> {
    return this.holds.options(actor, id);
  }

  @Get('quotes/:id/voucher-options')
  @ApiOperation({
    summary: "The demand's SME: what each of your vouchers would pay were this quote accepted — best first",
    description:
      'A preview by the same rules and caps as GET /orders/:id/voucher-options, against the quote price; ' +
      'nothing is created or held. Anyone else (the quoting platform included) → 404.',
  })
  @ApiOkResponse({ type: QuoteVoucherOptionsDto })
  quoteOptions(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<QuoteVoucherOptionsDto> {
    return this.holds.quoteOptions(actor, id);
  }

  @Post('orders/:id/voucher-hold')
  @AllowOrgKinds('SME')
  @RequireVerifiedOrg()
  @Idempotent()
  @ApiOperation({ summary: 'SME: hold a voucher on this order (one per order; amount from the rule and every cap)' })
  @ApiCreatedResponse({ type: HoldResponseDto })
  hold(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: HoldDto,
  ): Promise<HoldResponseDto> {
    return this.holds.place(ctx, id, body.voucherId);
  }

  @Delete('orders/:id/voucher-hold')
  @AllowOrgKinds('SME')
  @Idempotent()
  @ApiOperation({ summary: 'SME: release the hold (before a claim is filed)' })
  @ApiOkResponse({ type: HoldResponseDto })
  release(@ReqContext() ctx: RequestContext, @Param('id', ParseIdPipe) id: string): Promise<HoldResponseDto> {
    return this.holds.removeBySme(ctx, id);
  }

  @Get('orgs/:id/shareholders')
  @ApiOperation({ summary: "Your org's major shareholders (for the related-party rule)" })
  @ApiOkResponse({ type: [ShareholderDto] })
  listShareholders(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<ShareholderDto[]> {
    return this.shareholders.list(actor, id);
  }

  @Put('orgs/:id/shareholders')
  @RequireOwner()
  @ApiOperation({
    summary: "Owner: replace your org's shareholder list",
    description:
      "Once the org is verified the list is an eligibility fact: the new list becomes (or amends) the org's " +
      'correction request, which a bureau approves (see GET /api/org-corrections), and the answer is the list ' +
      'still in force.',
  })
  @ApiOkResponse({ type: [ShareholderDto], description: 'The shareholders in force' })
  replaceShareholders(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: ShareholdersDto,
  ): Promise<ShareholderDto[]> {
    return this.shareholders.replace(ctx, id, body.shareholders);
  }
}
