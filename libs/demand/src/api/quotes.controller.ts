import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiCreatedResponse,
  ApiOkResponse,
} from '@nestjs/swagger';
import { ErrorResponseDto, PageQueryDto, ParseIdPipe } from '@pilotlink/core';
import { AllowOrgKinds, CurrentActor, ReqContext, RequireVerifiedOrg } from '@pilotlink/core';
import type { Actor, RequestContext } from '@pilotlink/core';
import { DeclineQuoteDto, MyQuotesQueryDto, ReviseQuoteDto, SubmitQuoteDto } from '../dto/quote.request.dto';
import { MyQuotePageDto, MyQuoteResponseDto, QuotePageDto, QuoteResponseDto } from '../dto/quote.response.dto';
import { QuotesService } from '../quotes/quotes.service';

@ApiTags('quotes')
@ApiBearerAuth()
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown, or not yours to see' })
@Controller()
export class QuotesController {
  constructor(private readonly quotes: QuotesService) {}

  @Get('quotes')
  @AllowOrgKinds('PLATFORM_OPERATOR')
  @ApiOperation({
    summary: 'Platform: your quotes and proposals on every demand, latest change first, with each outcome',
    description:
      'Each with the demand it answers (title, mode, status); a declined one with the SME’s reason, an accepted ' +
      'one with its order.',
  })
  @ApiOkResponse({ type: MyQuotePageDto })
  async mine(@CurrentActor() actor: Actor, @Query() query: MyQuotesQueryDto): Promise<MyQuotePageDto> {
    const result = await this.quotes.listMine(actor, query);
    return {
      ...result,
      items: result.items.map(({ quote, demand, orderId }) => MyQuoteResponseDto.fromMine(quote, demand, orderId)),
    };
  }

  @Get('demands/:id/quotes')
  @AllowOrgKinds('SME', 'PLATFORM_OPERATOR', 'ADMIN')
  @ApiOperation({ summary: 'The SME: every quote on its demand. A platform: its own quotes on it' })
  @ApiOkResponse({ type: QuotePageDto })
  async list(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) demandId: string,
    @Query() page: PageQueryDto,
  ): Promise<QuotePageDto> {
    const result = await this.quotes.list(actor, demandId, page);
    return { ...result, items: result.items.map(({ quote, orderId }) => QuoteResponseDto.from(quote, orderId)) };
  }

  @Post('demands/:id/quotes')
  @AllowOrgKinds('PLATFORM_OPERATOR')
  @RequireVerifiedOrg()
  @ApiOperation({ summary: 'Platform: quote (or propose, for a challenge) on an open demand you may see' })
  @ApiCreatedResponse({ type: QuoteResponseDto })
  async submit(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) demandId: string,
    @Body() body: SubmitQuoteDto,
  ): Promise<QuoteResponseDto> {
    return QuoteResponseDto.from(await this.quotes.submit(ctx, demandId, body));
  }

  @Post('quotes/:id/revise')
  @HttpCode(200)
  @AllowOrgKinds('SME', 'PLATFORM_OPERATOR')
  @ApiOperation({ summary: 'SME: ask for a revision (`note`). Quoting platform: send revised terms' })
  @ApiOkResponse({ type: QuoteResponseDto })
  async revise(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: ReviseQuoteDto,
  ): Promise<QuoteResponseDto> {
    return QuoteResponseDto.from(await this.quotes.revise(ctx, id, body));
  }

  @Post('quotes/:id/accept')
  @HttpCode(200)
  @AllowOrgKinds('SME')
  @ApiOperation({ summary: 'SME: accept — awards the demand, declines the other quotes, creates the order' })
  @ApiOkResponse({ type: QuoteResponseDto })
  async accept(@ReqContext() ctx: RequestContext, @Param('id', ParseIdPipe) id: string): Promise<QuoteResponseDto> {
    const { quote, orderId } = await this.quotes.accept(ctx, id);
    return QuoteResponseDto.from(quote, orderId);
  }

  @Post('quotes/:id/decline')
  @HttpCode(200)
  @AllowOrgKinds('SME')
  @ApiOperation({ summary: 'SME: decline with a structured reason the platform sees' })
  @ApiOkResponse({ type: QuoteResponseDto })
  async decline(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: DeclineQuoteDto,
  ): Promise<QuoteResponseDto> {
    return QuoteResponseDto.from(await this.quotes.decline(ctx, id, body));
  }

  @Post('quotes/:id/withdraw')
  @HttpCode(200)
  @AllowOrgKinds('PLATFORM_OPERATOR')
  @ApiOperation({ summary: 'Platform: withdraw your quote' })
  @ApiOkResponse({ type: QuoteResponseDto })
  async withdraw(@ReqContext() ctx: RequestContext, @Param('id', ParseIdPipe) id: string): Promise<QuoteResponseDto> {
    return QuoteResponseDto.from(await this.quotes.withdraw(ctx, id));
  }
}
