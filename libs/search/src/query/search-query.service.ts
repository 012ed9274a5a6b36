import { Injectable } from '@nestjs/common';
import type { RecordAny, SearchResponse } from 'meilisearch';
import type { PlatformDocument } from '../documents/platform-document';
import type { ServiceDocument } from '../documents/service-document';
import { PlatformSearchQueryDto, ServiceSearchQueryDto } from '../dto/search.request.dto';
import { PlatformSearchPageDto, ServiceSearchPageDto } from '../dto/search.response.dto';
import { SearchIndexes } from '../indexes/search-indexes.service';
import { searchOr } from '../meili/meili-errors';
import { MeiliSearchClient } from '../meili/meili-search-client';
import { platformSearchRequest, SearchRequest, serviceSearchRequest } from './search-request';
import { toPlatformPage, toServicePage } from './search-response';

/** The public catalogue search (SPEC §4). Reads Meilisearch only; PostgreSQL is never queried here. */
@Injectable()
export class SearchQueryService {
  constructor(
    private readonly meili: MeiliSearchClient,
    private readonly indexes: SearchIndexes,
  ) {}

  async services(query: ServiceSearchQueryDto): Promise<ServiceSearchPageDto> {
    const response = await this.run<ServiceDocument>(this.indexes.uid('services'), serviceSearchRequest(query));
    return toServicePage(response, query);
  }

  async platforms(query: PlatformSearchQueryDto): Promise<PlatformSearchPageDto> {
    const response = await this.run<PlatformDocument>(this.indexes.uid('platforms'), platformSearchRequest(query));
    return toPlatformPage(response, query);
  }

  /** null when the index does not exist yet (nothing was ever published): an empty result, not an error. */
  private run<D extends RecordAny>(uid: string, request: SearchRequest): Promise<SearchResponse<D> | null> {
    return searchOr(null, () => this.meili.search<D>(uid, request.q, request.params));
  }
}
