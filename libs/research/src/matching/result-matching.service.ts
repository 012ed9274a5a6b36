import { Injectable } from '@nestjs/common';
import { MatchableDemand, MatchingService } from '@pilotlink/demand';
import type { Actor } from '@pilotlink/identity';
import { ResearchResult } from '../domain/result.entity';
import { ResultView } from '../domain/result-visibility';
import { ResultMatchesDto } from '../dto/result-matching.dto';
import { ResultsService } from '../results/results.service';

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

/** Platform services that can verify a result (issue 21), by the demands' matching machinery. */
@Injectable()
export class ResultMatchingService {
  constructor(
    private readonly results: ResultsService,
    private readonly matching: MatchingService,
  ) {}

  /** Whoever may see the result sees its matches (as far as they see it); anyone else 404. */
  async matchesFor(actor: Actor, resultId: string, limit = 20): Promise<ResultMatchesDto> {
    const { result, view } = await this.results.get(actor, resultId);
    const matches = await this.matching.matchesForSubject(matchableResult(result, view), limit);
    return { resultId, ...matches };
  }
}
