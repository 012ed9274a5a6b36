import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiServiceUnavailableResponse, ApiTags, ApiOkResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from '@pilotlink/core';
import { Public } from '@pilotlink/core';
import { PlatformSearchQueryDto, ServiceSearchQueryDto } from '../dto/search.request.dto';
import { PlatformSearchPageDto, ServiceSearchPageDto } from '../dto/search.response.dto';
import { SearchQueryService } from '../query/search-query.service';

/** The directory and catalogue are public (SPEC §4): anyone may search, signed in or not. */
@ApiTags('search')
@ApiServiceUnavailableResponse({
  type: ErrorResponseDto,
  description: 'SEARCH_UNAVAILABLE: Meilisearch is unreachable',
})
@Controller('search')
export class SearchController {
  constructor(private readonly search: SearchQueryService) {}

  @Get('services')
  @Public()
  @ApiOperation({
    summary: 'Full-text search over published services of listed platforms, with filters and facet counts',
    description:
      'Simplified and Traditional Chinese queries both work; synonyms such as 中试/中间试验 and 检测/检验 match. ' +
      'Changes become searchable within about a second of being saved.',
  })
  @ApiOkResponse({ type: ServiceSearchPageDto })
  services(@Query() query: ServiceSearchQueryDto): Promise<ServiceSearchPageDto> {
    return this.search.services(query);
  }

  @Get('platforms')
  @Public()
  @ApiOperation({ summary: 'Full-text search over the directory of listed platforms, with filters and facet counts' })
  @ApiOkResponse({ type: PlatformSearchPageDto })
  platforms(@Query() query: PlatformSearchQueryDto): Promise<PlatformSearchPageDto> {
    return this.search.platforms(query);
  }
}
