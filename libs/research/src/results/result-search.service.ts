import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@pilotlink/core';
import { MEILI, meiliEq, SearchIndexes, searchOr, toSimplified } from '@pilotlink/search';
import type { Meilisearch } from 'meilisearch';
import { RESULT_AUDIENCE } from '../domain/result-visibility';
import { ResultSearchQueryDto } from '../dto/result.request.dto';
import { ResultResponseDto, ResultSearchPageDto } from '../dto/result.response.dto';
import { ResultsService } from './results.service';

const round = (score: number) => Math.round(score * 10_000) / 10_000;

/**
 * GET /search/results: the index holds only published PUBLIC and SUMMARY results, SUMMARY ones with their
 * summary fields only, so a query can neither match on nor return hidden text. Anonymous visitors search
 * PUBLIC results; signed-in viewers also the SUMMARY ones they may see. Each hit is then rendered by the one
 * visibility rule (an invited or NDA-accepting org sees it in full).
 */
@Injectable()
export class ResultSearchService {
  constructor(
    @Inject(MEILI) private readonly meili: Meilisearch,
    private readonly indexes: SearchIndexes,
    private readonly results: ResultsService,
  ) {}

  async search(actor: Actor | undefined, query: ResultSearchQueryDto): Promise<ResultSearchPageDto> {
    const filter: string[] = [];
    // Only the results' audience (and admins) can see SUMMARY results; for anyone else they are not hits.
    const audience = actor && (actor.orgKind === 'ADMIN' || RESULT_AUDIENCE.kinds.includes(actor.orgKind));
    if (!audience) filter.push(meiliEq('confidentiality', 'PUBLIC'));
    if (query.field) filter.push(meiliEq('fieldCodes', query.field));
    if (query.stage) filter.push(meiliEq('stageReached', query.stage));
    if (query.category) filter.push(meiliEq('verificationCategories', query.category));
    if (query.transferMode) filter.push(meiliEq('transferModes', query.transferMode));
    const index = this.meili.index<{ id: string }>(this.indexes.uid('results'));
    const found = await searchOr(null, () =>
      index.search(toSimplified(query.q ?? ''), {
        filter,
        page: query.page,
        hitsPerPage: query.limit,
        locales: ['cmn'],
        showRankingScore: true,
        attributesToRetrieve: ['id'],
      }),
    );
    const scores = new Map((found?.hits ?? []).map((hit) => [String(hit.id), hit._rankingScore ?? 0]));
    // The index may trail PostgreSQL by a moment: what the viewer may no longer see drops out here.
    const visible = await this.results.visibleMany(actor, [...scores.keys()]);
    const names = await this.results.instituteNames(visible);
    return {
      items: visible.map(({ result, view }) => ({
        ...ResultResponseDto.from(result, view, names.get(result.instituteOrgId)),
        score: round(scores.get(result.id) ?? 0),
      })),
      total: found?.totalHits ?? 0,
      page: query.page,
      limit: query.limit,
    };
  }
}
