import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PlatformDirectory } from '@pilotlink/catalogue';
import { chinaDate, Clock, NotFoundError } from '@pilotlink/core';
import type { Actor } from '@pilotlink/core';
import { MeiliSearchClient, meiliEq, SearchIndexes, searchOr, toSimplified } from '@pilotlink/search';
import type { MultiSearchQuery, MultiSearchResult, RecordAny } from 'meilisearch';
import { DataSource } from 'typeorm';
import { DemandsService } from '../demands/demands.service';
import { Demand } from '../domain/demand.entity';
import { DemandResponseDto } from '../dto/demand.response.dto';
import { QuotesService } from '../quotes/quotes.service';
import {
  buildFitQuery,
  buildMatchQuery,
  explainMatch,
  fitScore,
  fuseTermScores,
  MatchableDemand,
  MatchableService,
  MatchedDemand,
  MatchedService,
  matchScore,
  RankedService,
  rankServices,
} from './match-query';
import { DemandMatchDto, DemandMatchesDto, DemandSearchPageDto, FittingDemandsDto } from './matching.response.dto';
import { DemandSearchQueryDto, MatchLimitQueryDto } from './matching.request.dto';

export interface TopPlatform {
  platformId: string;
  platformOrgId: string;
  rank: number;
  score: number;
}

export interface FittingDemand {
  demandId: string;
  smeOrgId: string;
  score: number;
}

/** A demand fits a service when the fit reaches this: notifying an SME of a weak fit is noise. */
const MIN_FIT = 0.4;

/**
 * Matching (SPEC §4) on Meilisearch: services for a demand, platforms to notify, and open demands for a
 * service; plus the demand search of verified platforms. Each request is one Meilisearch round trip and
 * one or two SQL queries; what a viewer sees of a demand is decided by demandViewFor, as everywhere.
 */
@Injectable()
export class MatchingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly meili: MeiliSearchClient,
    private readonly indexes: SearchIndexes,
    private readonly demands: DemandsService,
    private readonly quotes: QuotesService,
    private readonly clock: Clock,
    private readonly platforms: PlatformDirectory,
  ) {}

  /** The owner (or an admin) sees the services fitting its demand, in any state; anyone else 404. */
  async matchesFor(actor: Actor, demandId: string, limit = 20): Promise<DemandMatchesDto> {
    const demand = await this.dataSource.getRepository(Demand).findOneBy({ id: demandId });
    if (!demand || (demand.smeOrgId !== actor.orgId && actor.orgKind !== 'ADMIN')) throw new NotFoundError('Demand');
    const ranked = await this.rankedServices(demand);
    return {
      demandId,
      total: ranked.length,
      items: ranked.slice(0, limit).map((match, i) => toDemandMatch(demand, match, i + 1)),
    };
  }

  /**
   * Services fitting anything matchable like a demand (a research result seeking verification: issue 21),
   * ranked, with reasons. The caller has decided that the viewer may see the subject.
   */
  async matchesForSubject(subject: MatchableDemand, limit = 20): Promise<Omit<DemandMatchesDto, 'demandId'>> {
    const ranked = await this.rankedServices(subject);
    return {
      total: ranked.length,
      items: ranked.slice(0, limit).map((match, i) => toDemandMatch(subject, match, i + 1)),
    };
  }

  /**
   * The platforms (with their operator org) whose best service fits the subject at least `minScore`,
   * best first. The caller filters by who may see the subject.
   */
  async fittingPlatformsFor(subject: MatchableDemand, minScore = 0): Promise<TopPlatform[]> {
    const best = new Map<string, number>();
    for (const { doc, score } of await this.rankedServices(subject)) {
      if (score >= minScore && !best.has(doc.platformId)) best.set(doc.platformId, score);
    }
    if (best.size === 0) return [];
    const orgOf = await this.platforms.operatorsOf([...best.keys()]);
    return [...best]
      .filter(([platformId]) => orgOf.has(platformId))
      .map(([platformId, score], i) => ({ platformId, platformOrgId: orgOf.get(platformId)!, rank: i + 1, score }));
  }

  /**
   * The first k distinct platforms by their best service, leaving out the owner and every platform whose
   * org may not see the demand (unverified, or not invited to a PRIVATE demand).
   */
  async topPlatformsFor(demandId: string, k = 20): Promise<TopPlatform[]> {
    const demand = await this.dataSource.getRepository(Demand).findOneBy({ id: demandId });
    if (!demand) return [];
    const best = new Map<string, number>();
    for (const { doc, score } of await this.rankedServices(demand)) {
      if (!best.has(doc.platformId)) best.set(doc.platformId, score);
    }
    if (best.size === 0) return [];
    const orgOf = await this.platforms.operatorsOf([...best.keys()]);
    const views = await this.demands.viewsOf(demand, [...orgOf.values()]);
    const top: TopPlatform[] = [];
    for (const [platformId, score] of best) {
      const orgId = orgOf.get(platformId);
      if (!orgId || orgId === demand.smeOrgId || views.get(orgId) === 'NONE') continue;
      top.push({ platformId, platformOrgId: orgId, rank: top.length + 1, score });
      if (top.length === k) break;
    }
    return top;
  }

  /** Open, indexed demands (PUBLIC or SUMMARY) a published service of a listed platform fits, best first. */
  async fittingDemandsForService(serviceId: string, limit = 50): Promise<FittingDemand[]> {
    const found = await this.platforms.serviceWithPlatform(serviceId);
    if (!found || found.service.status !== 'PUBLISHED' || found.platform.status !== 'LISTED') return [];
    const fits = await this.fittingDemands(found.service);
    return fits.slice(0, limit).map(({ doc, score }) => ({ demandId: doc.id, smeOrgId: doc.smeOrgId, score }));
  }

  /** The operator of the service's platform sees the open demands it fits, each as it may see it; others 404. */
  async matchingDemandsFor(actor: Actor, serviceId: string, query: MatchLimitQueryDto): Promise<FittingDemandsDto> {
    const found = await this.platforms.serviceWithPlatform(serviceId);
    if (!found || found.platform.operatorOrgId !== actor.orgId) throw new NotFoundError('Service');
    const fits = await this.fittingDemands(found.service);
    const scores = new Map(fits.map(({ doc, score }) => [doc.id, score]));
    const visible = (await this.demands.visibleMany(actor, [...scores.keys()])).filter(
      ({ demand }) => demand.status === 'OPEN',
    );
    const page = visible.slice(0, query.limit);
    const counts = await this.quotes.countsFor(page.map(({ demand }) => demand.id));
    return {
      serviceId,
      total: visible.length,
      items: page.map(({ demand, view }) => ({
        ...DemandResponseDto.from(demand, view, counts.get(demand.id) ?? 0, chinaDate(this.clock.now())),
        score: round(scores.get(demand.id) ?? 0),
      })),
    };
  }

  /**
   * GET /search/demands for verified platforms: the index holds only open PUBLIC and SUMMARY demands, and
   * SUMMARY documents only their summary fields, so a query can neither match on nor return hidden text.
   * Each hit is then rendered for the viewer (an invited or NDA-accepting platform sees it in full).
   */
  async searchDemands(actor: Actor, query: DemandSearchQueryDto): Promise<DemandSearchPageDto> {
    const filter = [meiliEq('status', 'OPEN')];
    if (query.field) filter.push(meiliEq('fieldCodes', query.field));
    if (query.stage) filter.push(meiliEq('stage', query.stage));
    if (query.category) filter.push(meiliEq('categories', query.category));
    if (query.region) filter.push(meiliEq('regionCodes', query.region));
    const [result] = await this.multiSearch<{ id: string }>([
      {
        indexUid: this.indexes.uid('demands'),
        q: toSimplified(query.q ?? ''),
        filter,
        page: query.page,
        hitsPerPage: query.limit,
        locales: ['cmn'],
        showRankingScore: true,
        attributesToRetrieve: ['id'],
      },
    ]);
    const scores = new Map((result?.hits ?? []).map((hit) => [String(hit.id), hit._rankingScore ?? 0]));
    // The index may trail PostgreSQL by a moment: a demand closed since is left out here.
    const visible = (await this.demands.visibleMany(actor, [...scores.keys()])).filter(
      ({ demand }) => demand.status === 'OPEN' && demand.confidentiality !== 'PRIVATE',
    );
    const counts = await this.quotes.countsFor(visible.map(({ demand }) => demand.id));
    return {
      items: visible.map(({ demand, view }) => ({
        ...DemandResponseDto.from(demand, view, counts.get(demand.id) ?? 0, chinaDate(this.clock.now())),
        score: round(scores.get(demand.id) ?? 0),
      })),
      total: result?.totalHits ?? 0,
      page: query.page,
      limit: query.limit,
    };
  }

  private async rankedServices(demand: MatchableDemand): Promise<RankedService<MatchedService>[]> {
    const plan = buildMatchQuery(demand, this.indexes.uid('services'));
    const candidates = fuseTermScores<MatchedService>(plan, await this.multiSearch(plan.queries));
    return rankServices(
      [...candidates.values()].map(({ doc, text, terms }) => ({ doc, terms, score: matchScore(demand, doc, text) })),
    );
  }

  private async fittingDemands(service: MatchableService): Promise<{ doc: MatchedDemand; score: number }[]> {
    const plan = buildFitQuery(service, this.indexes.uid('demands'));
    const candidates = fuseTermScores<MatchedDemand>(plan, await this.multiSearch(plan.queries));
    return [...candidates.values()]
      .map(({ doc, text }) => ({ doc, score: fitScore(service, doc, text) }))
      .filter(({ score }) => score >= MIN_FIT)
      .sort((a, b) => b.score - a.score || b.doc.publishedAt - a.doc.publishedAt);
  }

  /** One round trip; an index that does not exist yet (nothing published) is an empty result. */
  private async multiSearch<T extends RecordAny = RecordAny>(
    queries: MultiSearchQuery[],
  ): Promise<MultiSearchResult<T>[]> {
    const response = await searchOr(null, () => this.meili.multiSearch<T>(queries));
    return response?.results ?? [];
  }
}

const round = (score: number) => Math.round(score * 10_000) / 10_000;

function toDemandMatch(demand: MatchableDemand, match: RankedService<MatchedService>, rank: number): DemandMatchDto {
  const { doc } = match;
  const original = doc.original ?? {};
  return {
    rank,
    score: round(match.score),
    service: {
      id: doc.id,
      title: original.title ?? doc.title,
      category: doc.category,
      categoryLabel: doc.categoryLabel,
      fieldCodes: doc.fieldCodes,
      stages: doc.stages,
      pricingKind: doc.pricingKind,
      priceFen: doc.priceFen,
      priceUnit: original.unitName ?? doc.unitName,
      leadTimeDays: doc.leadTimeDays,
      voucherEligible: doc.voucherEligible,
    },
    platform: {
      id: doc.platformId,
      name: original.platformName ?? doc.platformName,
      type: doc.platformType,
      recognitionLevel: doc.recognitionLevel ?? null,
      regionCode: doc.regionCode,
      ratingAvg: doc.ratingAvg,
    },
    reasons: explainMatch(demand, doc, match.terms),
  };
}
