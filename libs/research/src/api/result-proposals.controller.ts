import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorResponseDto, PageQueryDto, ParseIdPipe } from '@pilotlink/core';
import { AllowOrgKinds, CurrentActor, ReqContext, RequireVerifiedOrg } from '@pilotlink/core';
import type { Actor, RequestContext } from '@pilotlink/core';
import {
  AcceptResultProposalDto,
  DeclineResultProposalDto,
  SubmitResultProposalDto,
} from '../dto/result-proposal.request.dto';
import { ResultProposalPageDto, ResultProposalResponseDto } from '../dto/result-proposal.response.dto';
import { ResultProposal } from '../proposals/result-proposal.entity';
import { ResultProposalsService } from '../proposals/result-proposals.service';

@ApiTags('research results')
@ApiBearerAuth()
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown result or proposal, or one you may not see' })
@Controller()
export class ResultProposalsController {
  constructor(private readonly proposals: ResultProposalsService) {}

  @Post('results/:id/proposals')
  @AllowOrgKinds('PLATFORM_OPERATOR')
  @RequireVerifiedOrg()
  @ApiOperation({
    summary: 'Platform: propose a verification of a published result you may see (price, timeline, scope, IP terms)',
  })
  @ApiCreatedResponse({ type: ResultProposalResponseDto })
  async submit(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: SubmitResultProposalDto,
  ): Promise<ResultProposalResponseDto> {
    return this.one(await this.proposals.submit(ctx, id, body));
  }

  @Get('results/:id/proposals')
  @AllowOrgKinds('INSTITUTE', 'PLATFORM_OPERATOR', 'ADMIN')
  @ApiOperation({ summary: 'The institute: every proposal on its result. A platform: its own proposals on it' })
  @ApiOkResponse({ type: ResultProposalPageDto })
  async list(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Query() page: PageQueryDto,
  ): Promise<ResultProposalPageDto> {
    const found = await this.proposals.list(actor, id, page);
    const names = await this.proposals.platformNames(found.items);
    return {
      ...found,
      items: found.items.map((p) => ResultProposalResponseDto.from(p, names.get(p.platformId) ?? '')),
    };
  }

  @Post('result-proposals/:id/accept')
  @HttpCode(200)
  @AllowOrgKinds('INSTITUTE')
  @RequireVerifiedOrg()
  @ApiOperation({
    summary:
      'Institute: accept a proposal — creates the order (you are the buyer), declines the others, result IN_PILOT',
    description: 'The order id is in `orderId`. Accepting a second proposal of one result answers 409.',
  })
  @ApiOkResponse({ type: ResultProposalResponseDto })
  async accept(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: AcceptResultProposalDto,
  ): Promise<ResultProposalResponseDto> {
    return this.one(await this.proposals.accept(ctx, id, body));
  }

  @Post('result-proposals/:id/decline')
  @HttpCode(200)
  @AllowOrgKinds('INSTITUTE')
  @ApiOperation({ summary: 'Institute: decline a proposal with a reason the platform sees' })
  @ApiOkResponse({ type: ResultProposalResponseDto })
  async decline(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: DeclineResultProposalDto,
  ): Promise<ResultProposalResponseDto> {
    return this.one(await this.proposals.decline(ctx, id, body));
  }

  @Post('result-proposals/:id/withdraw')
  @HttpCode(200)
  @AllowOrgKinds('PLATFORM_OPERATOR')
  @ApiOperation({ summary: 'Platform: withdraw your proposal' })
  @ApiOkResponse({ type: ResultProposalResponseDto })
  async withdraw(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
  ): Promise<ResultProposalResponseDto> {
    return this.one(await this.proposals.withdraw(ctx, id));
  }

  private async one(proposal: ResultProposal): Promise<ResultProposalResponseDto> {
    const names = await this.proposals.platformNames([proposal]);
    return ResultProposalResponseDto.from(proposal, names.get(proposal.platformId) ?? '');
  }
}
