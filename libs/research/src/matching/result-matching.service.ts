import { Injectable } from '@nestjs/common';
import { withParentFields } from '@pilotlink/core';
import { MatchableDemand, MatchingService } from '@pilotlink/demand';
import { OrgDirectory } from '@pilotlink/identity';
import type { Actor } from '@pilotlink/core';
import { SubscriptionMatches } from '@pilotlink/notification';
import { ResearchResult } from '../domain/result.entity';
import { ResultView } from '../domain/result-visibility';
import { AdopterMatchDto, ResultMatchesDto } from '../dto/result-matching.response.dto';
import { ResultsService } from '../results/results.service';
import { AdopterSubscription, rankAdopters } from './adopters';

/**
 * A result as matching sees it: what it needs verified (categories, target stage, budget) in place of a
 * demand's. Only the text the viewer may see is matched on — a SUMMARY viewer's reasons must not name a
 * word of the technical detail.
 */
export function matchableResult(result: ResearchResult, view: Exclude<ResultView, 'NONE'>): MatchableDemand {
  return {
    title: result.title,
    description: view === 'FULL' ? `${result.summary}\n${result.description}` : result.summary,
    fieldCode: result.fieldCode,
    stage: result.targetStage,
    categories: result.verificationCategories,
    budgetMinFen: view === 'FULL' ? result.budgetMinFen : null,
    budgetMaxFen: view === 'FULL' ? result.budgetMaxFen : null,
    regionCode: null,
  };
}

/**
 * Platform services that can verify a result (issue 21), by the demands' matching machinery; and, for the
 * result's owner, the SMEs that may adopt it.
 */
@Injectable()
export class ResultMatchingService {
  constructor(
    private readonly results: ResultsService,
    private readonly matching: MatchingService,
    private readonly orgs: OrgDirectory,
    private readonly subscriptions: SubscriptionMatches,
  ) {}

  /** Whoever may see the result sees its matches (as far as they see it); anyone else 404. */
  async matchesFor(actor: Actor, resultId: string, limit = 20): Promise<ResultMatchesDto> {
    const { result, view } = await this.results.get(actor, resultId);
    const matches = await this.matching.matchesForSubject(matchableResult(result, view), limit);
    // Who might adopt a result is the institute's lead to follow, not something to show its competitors.
    if (result.instituteOrgId !== actor.orgId) return { resultId, ...matches };
    return { resultId, ...matches, adopters: await this.adoptersOf(result, limit) };
  }

  /** Verified SMEs whose subscriptions fit the result, best first. */
  async adoptersOf(result: ResearchResult, limit = 20): Promise<AdopterMatchDto[]> {
    const interests = await this.subscriptions.inFieldsOrWithKeywords(withParentFields([result.fieldCode]));
    const profiles = await this.orgs.profilesOf(interests.map((interest) => interest.orgId));
    const orgs = new Map([...profiles].filter(([, org]) => org.kind === 'SME' && org.verified));
    const subscriptions: AdopterSubscription[] = interests.filter((interest) => orgs.has(interest.orgId));
    const text = `${result.title}\n${result.summary}\n${result.description}`;
    return rankAdopters({ fieldCode: result.fieldCode, text }, subscriptions)
      .slice(0, limit)
      .map((adopter, i) => {
        const org = orgs.get(adopter.orgId)!;
        return {
          rank: i + 1,
          score: adopter.score,
          orgId: adopter.orgId,
          name: org.name,
          regionCode: org.regionCode.trim(),
          techSme: org.techSme,
          reasons: adopter.reasons,
        };
      });
  }
}
