import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiOkResponse,
  ApiCreatedResponse,
} from '@nestjs/swagger';
import { ErrorResponseDto, PageQueryDto, ParseIdPipe } from '@pilotlink/core';
import { AllowOrgKinds, CurrentActor, ReqContext } from '@pilotlink/core';
import type { Actor, RequestContext } from '@pilotlink/core';
import { CreateSubscriptionDto } from '../dto/subscription.request.dto';
import { SubscriptionPageDto, SubscriptionResponseDto } from '../dto/subscription.response.dto';
import { SubscriptionsService } from '../subscriptions/subscriptions.service';

@ApiTags('subscriptions')
@ApiBearerAuth()
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Only platform operators and SMEs subscribe' })
@AllowOrgKinds('PLATFORM_OPERATOR', 'SME')
@Controller('subscriptions')
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Get()
  @ApiOperation({ summary: "Your org's subscriptions, newest first" })
  @ApiOkResponse({ type: SubscriptionPageDto })
  async list(@CurrentActor() actor: Actor, @Query() page: PageQueryDto): Promise<SubscriptionPageDto> {
    const result = await this.subscriptions.list(actor, page);
    return { ...result, items: result.items.map(SubscriptionResponseDto.from) };
  }

  @Post()
  @ApiOperation({
    summary: 'Subscribe to fields, categories, keywords and/or regions',
    description:
      'Platforms hear about published demands that fit, SMEs about published services that fit. Every criterion given ' +
      'must match (an empty one matches anything); at least one is required. Keywords match only text your org may see.',
  })
  @ApiCreatedResponse({ type: SubscriptionResponseDto })
  async create(
    @ReqContext() ctx: RequestContext,
    @Body() body: CreateSubscriptionDto,
  ): Promise<SubscriptionResponseDto> {
    return SubscriptionResponseDto.from(await this.subscriptions.create(ctx, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown, or another org’s subscription' })
  @ApiOperation({ summary: 'Delete one of your subscriptions' })
  async remove(@ReqContext() ctx: RequestContext, @Param('id', ParseIdPipe) id: string): Promise<void> {
    await this.subscriptions.remove(ctx, id);
  }
}
