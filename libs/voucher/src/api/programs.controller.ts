import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiCreatedResponse,
  ApiOkResponse,
} from '@nestjs/swagger';
import { ErrorResponseDto, PageQueryDto, pageDtoOf, ParseIdPipe } from '@pilotlink/core';
import {
  AllowOrgKinds,
  CurrentActor,
  Public,
  ReqContext,
  RequireBureauRole,
  RequireVerifiedOrg,
} from '@pilotlink/core';
import type { Actor, RequestContext } from '@pilotlink/core';
import { PublicNoticePageDto } from '../dto/claim.response.dto';
import { CreateProgramDto, ProgramListQueryDto, TopUpDto, UpdateProgramDto } from '../dto/program.request.dto';
import { LedgerBalancesDto, LedgerPageDto, ProgramResponseDto, ProgramSummaryDto } from '../dto/program.response.dto';
import { ApplyDto } from '../dto/voucher.request.dto';
import { ApplicationResponseDto } from '../dto/voucher.response.dto';
import { Idempotent } from '../idempotency/idempotency.interceptor';
import { ProgramReportsService } from '../programs/program-reports.service';
import { ProgramsService } from '../programs/programs.service';
import { ApplicationsService } from '../vouchers/applications.service';

class ProgramPageDto extends pageDtoOf(ProgramResponseDto, 'VoucherProgramPageDto') {}

@ApiTags('vouchers')
@ApiBearerAuth()
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown, or not yours to see' })
@Controller('voucher-programs')
export class ProgramsController {
  constructor(
    private readonly programs: ProgramsService,
    private readonly reports: ProgramReportsService,
    private readonly applications: ApplicationsService,
  ) {}

  @Post()
  @AllowOrgKinds('BUREAU')
  @RequireBureauRole()
  @ApiOperation({ summary: 'Bureau: create a voucher program (DRAFT), with its initial budget' })
  @ApiCreatedResponse({ type: ProgramResponseDto })
  async create(@ReqContext() ctx: RequestContext, @Body() body: CreateProgramDto): Promise<ProgramResponseDto> {
    return ProgramResponseDto.from(await this.programs.create(ctx, body));
  }

  @Get()
  @ApiOperation({ summary: 'Programs: a bureau its own; SMEs and platforms the open and closed ones' })
  @ApiOkResponse({ type: ProgramPageDto })
  async list(@CurrentActor() actor: Actor, @Query() query: ProgramListQueryDto): Promise<ProgramPageDto> {
    const page = await this.programs.list(actor, query);
    return { ...page, items: page.items.map((p) => ProgramResponseDto.from(p)) } as ProgramPageDto;
  }

  @Get(':id')
  @ApiOperation({ summary: 'One program' })
  @ApiOkResponse({ type: ProgramResponseDto })
  async get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<ProgramResponseDto> {
    return ProgramResponseDto.from(await this.programs.get(actor, id));
  }

  @Patch(':id')
  @AllowOrgKinds('BUREAU')
  @RequireBureauRole()
  @ApiOperation({ summary: 'Bureau: change the rules — only until the first voucher is issued (then 409)' })
  @ApiOkResponse({ type: ProgramResponseDto })
  async update(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: UpdateProgramDto,
  ): Promise<ProgramResponseDto> {
    return ProgramResponseDto.from(await this.programs.update(ctx, id, body));
  }

  @Post(':id/open')
  @HttpCode(200)
  @AllowOrgKinds('BUREAU')
  @RequireBureauRole()
  @ApiOperation({ summary: 'Bureau: open the program for applications' })
  @ApiOkResponse({ type: ProgramResponseDto })
  async open(@ReqContext() ctx: RequestContext, @Param('id', ParseIdPipe) id: string): Promise<ProgramResponseDto> {
    return ProgramResponseDto.from(await this.programs.transition(ctx, id, 'OPEN'));
  }

  @Post(':id/close')
  @HttpCode(200)
  @AllowOrgKinds('BUREAU')
  @RequireBureauRole()
  @ApiOperation({ summary: 'Bureau: close the program (no more applications or budget)' })
  @ApiOkResponse({ type: ProgramResponseDto })
  async close(@ReqContext() ctx: RequestContext, @Param('id', ParseIdPipe) id: string): Promise<ProgramResponseDto> {
    return ProgramResponseDto.from(await this.programs.transition(ctx, id, 'CLOSED'));
  }

  @Post(':id/budget')
  @HttpCode(200)
  @AllowOrgKinds('BUREAU')
  @RequireBureauRole()
  @Idempotent()
  @ApiOperation({ summary: 'Bureau: add budget (the only change once vouchers are issued, besides closing)' })
  @ApiOkResponse({ type: ProgramResponseDto })
  async topUp(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: TopUpDto,
  ): Promise<ProgramResponseDto> {
    return ProgramResponseDto.from(await this.programs.topUp(ctx, id, body));
  }

  @Get(':id/summary')
  @AllowOrgKinds('BUREAU', 'ADMIN')
  @ApiOperation({ summary: 'Budget, issued, held, payable, paid, remaining — per co-funder too (from the ledger)' })
  @ApiOkResponse({ type: ProgramSummaryDto })
  summary(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<ProgramSummaryDto> {
    return this.reports.summary(actor, id);
  }

  @Get(':id/ledger')
  @AllowOrgKinds('BUREAU', 'ADMIN')
  @ApiOperation({ summary: "The program's ledger transactions with their postings, oldest first" })
  @ApiOkResponse({ type: LedgerPageDto })
  ledger(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Query() page: PageQueryDto,
  ): Promise<LedgerPageDto> {
    return this.reports.ledgerPage(actor, id, page);
  }

  @Get(':id/ledger/balances')
  @AllowOrgKinds('BUREAU', 'ADMIN')
  @ApiOperation({ summary: "The program's ledger accounts with their balances, and the ledger verifier's result" })
  @ApiOkResponse({ type: LedgerBalancesDto })
  ledgerBalances(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<LedgerBalancesDto> {
    return this.reports.ledgerBalances(actor, id);
  }

  @Get(':id/public-notice')
  @Public()
  @ApiOperation({ summary: '公示: approved claims within their public-notice period' })
  @ApiOkResponse({ type: PublicNoticePageDto })
  publicNotice(@Param('id', ParseIdPipe) id: string, @Query() page: PageQueryDto): Promise<PublicNoticePageDto> {
    return this.reports.publicNotice(id, page);
  }

  @Post(':id/applications')
  @AllowOrgKinds('SME')
  @RequireVerifiedOrg()
  @ApiOperation({ summary: 'SME: apply for a voucher of this program (409 APPLICATION_EXISTS while one is pending)' })
  @ApiCreatedResponse({ type: ApplicationResponseDto })
  async apply(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: ApplyDto,
  ): Promise<ApplicationResponseDto> {
    return ApplicationResponseDto.from(await this.applications.apply(ctx, id, body));
  }
}
