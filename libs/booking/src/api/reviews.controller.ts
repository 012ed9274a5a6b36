import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiCreatedResponse,
  ApiOkResponse,
} from '@nestjs/swagger';
import { ErrorResponseDto, PageQueryDto, ParseIdPipe } from '@pilotlink/core';
import { AllowOrgKinds, OptionalActor, Public, ReqContext } from '@pilotlink/core';
import type { Actor, RequestContext } from '@pilotlink/core';
import { ReplyToReviewDto, ReviewOrderDto } from '../dto/review.request.dto';
import { ReviewPageDto, ReviewResponseDto } from '../dto/review.response.dto';
import { ReviewsService } from '../orders/reviews.service';

@ApiTags('reviews')
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown, or not yours to see' })
@Controller()
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Post('orders/:id/review')
  @ApiBearerAuth()
  @AllowOrgKinds('SME')
  @ApiOperation({ summary: 'SME: rate a COMPLETED order once (409 ALREADY_REVIEWED on a second try)' })
  @ApiCreatedResponse({ type: ReviewResponseDto })
  async review(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: ReviewOrderDto,
  ): Promise<ReviewResponseDto> {
    return ReviewResponseDto.from(await this.reviews.review(ctx, id, body));
  }

  @Post('orders/:id/review/reply')
  @ApiBearerAuth()
  @AllowOrgKinds('PLATFORM_OPERATOR')
  @ApiOperation({ summary: 'Platform: answer the review of your order, once' })
  @ApiCreatedResponse({ type: ReviewResponseDto })
  async reply(
    @ReqContext() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: ReplyToReviewDto,
  ): Promise<ReviewResponseDto> {
    return ReviewResponseDto.from(await this.reviews.reply(ctx, id, body));
  }

  @Get('platforms/:id/reviews')
  @Public()
  @ApiOperation({ summary: "A listed platform's reviews, newest first (reviewers are not named)" })
  @ApiOkResponse({ type: ReviewPageDto })
  async list(
    @OptionalActor() actor: Actor | undefined,
    @Param('id', ParseIdPipe) id: string,
    @Query() page: PageQueryDto,
  ): Promise<ReviewPageDto> {
    const result = await this.reviews.listForPlatform(actor, id, page);
    return { ...result, items: result.items.map((r) => ReviewResponseDto.from(r)) };
  }
}
