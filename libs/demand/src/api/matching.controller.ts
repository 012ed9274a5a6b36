import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiOkResponse,
} from '@nestjs/swagger';
import { ErrorResponseDto, ParseIdPipe } from '@pilotlink/core';
import { AllowOrgKinds, CurrentActor, RequireVerifiedOrg } from '@pilotlink/core';
import type { Actor } from '@pilotlink/core';
import { DemandMatchesDto, DemandSearchPageDto, FittingDemandsDto } from '../matching/matching.response.dto';
import { DemandSearchQueryDto, MatchLimitQueryDto } from '../matching/matching.request.dto';
import { MatchingService } from '../matching/matching.service';

@ApiTags('matching')
@ApiBearerAuth()
@ApiServiceUnavailableResponse({
  type: ErrorResponseDto,
  description: 'SEARCH_UNAVAILABLE: Meilisearch is unreachable',
})
@Controller()
export class MatchingController {
  constructor(private readonly matching: MatchingService) {}

  @Get('demands/:id/matches')
  @ApiOperation({
    summary: 'The owner SME: services fitting your demand, ranked, with a score and the reasons',
    description:
      'Text relevance first (the demand’s title and description terms, synonyms included), with the field, ' +
      'stage, category and region; then recognition level, rating and lead time.',
  })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown demand, or not yours' })
  @ApiOkResponse({ type: DemandMatchesDto })
  matches(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Query() query: MatchLimitQueryDto,
  ): Promise<DemandMatchesDto> {
    return this.matching.matchesFor(actor, id, query.limit);
  }

  @Get('services/:id/matching-demands')
  @ApiOperation({
    summary: "The service's operator: open demands the service fits, each as you may see it (SUMMARY: summary only)",
  })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown service, or not one of your platforms' })
  @ApiOkResponse({ type: FittingDemandsDto })
  matchingDemands(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Query() query: MatchLimitQueryDto,
  ): Promise<FittingDemandsDto> {
    return this.matching.matchingDemandsFor(actor, id, query);
  }

  @Get('search/demands')
  @AllowOrgKinds('PLATFORM_OPERATOR')
  @RequireVerifiedOrg()
  @ApiOperation({
    summary: 'Verified platforms: search open demands (PUBLIC and SUMMARY), each as you may see it',
    description:
      'SUMMARY demands are searchable on their summary fields only: their description never matches and is ' +
      'never returned unless you were invited or accepted the NDA. PRIVATE demands are never in search. Only ' +
      'PUBLIC demands state their preferred region to other platforms, so only they can match `region`.',
  })
  @ApiForbiddenResponse({
    type: ErrorResponseDto,
    description: 'FORBIDDEN: not a platform operator; ORG_NOT_VERIFIED: your organisation is not verified yet',
  })
  @ApiOkResponse({ type: DemandSearchPageDto })
  searchDemands(@CurrentActor() actor: Actor, @Query() query: DemandSearchQueryDto): Promise<DemandSearchPageDto> {
    return this.matching.searchDemands(actor, query);
  }
}
