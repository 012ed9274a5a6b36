import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorResponseDto, ParseIdPipe } from '@pilotlink/core';
import { MatchLimitQueryDto } from '@pilotlink/demand';
import { CurrentActor } from '@pilotlink/core';
import type { Actor } from '@pilotlink/core';
import { ResultMatchesDto } from '../dto/result-matching.response.dto';
import { ResultMatchingService } from '../matching/result-matching.service';

@ApiTags('research results')
@ApiBearerAuth()
@Controller()
export class ResultMatchingController {
  constructor(private readonly matching: ResultMatchingService) {}

  @Get('results/:id/matches')
  @ApiOperation({
    summary: 'Platform services that can verify a result, ranked, with the reasons',
    description:
      'For whoever may see the result (the institute, admins, and the viewers its confidentiality admits): ' +
      'the demands’ matching on the result’s field, target stage, verification categories, budget and text. ' +
      'A SUMMARY viewer’s match uses only the summary.',
  })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown result, or one you may not see' })
  @ApiServiceUnavailableResponse({ type: ErrorResponseDto, description: 'SEARCH_UNAVAILABLE' })
  @ApiOkResponse({ type: ResultMatchesDto })
  matches(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Query() query: MatchLimitQueryDto,
  ): Promise<ResultMatchesDto> {
    return this.matching.matchesFor(actor, id, query.limit);
  }
}
