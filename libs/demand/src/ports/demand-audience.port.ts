import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ServiceCategory, ServiceStage } from '@pilotlink/core';
import { DataSource } from 'typeorm';
import { DemandsService } from '../demands/demands.service';
import type { Confidentiality, DemandMode, DemandStatus } from '../domain/demand';
import { Demand } from '../domain/demand.entity';
import { MatchingService } from '../matching/matching.service';

/**
 * A demand as one org may see it. In the SUMMARY view the description and the region are null: they are
 * neither rendered for that org nor matched against its criteria.
 */
export interface DemandNotice {
  id: string;
  title: string;
  description: string | null;
  fieldCode: string;
  stage: ServiceStage;
  categories: ServiceCategory[];
  budgetMinFen: string | null;
  budgetMaxFen: string | null;
  regionCode: string | null;
  mode: DemandMode;
  confidentiality: Confidentiality;
  rewardFen: string | null;
  challengeDeadline: string | null;
}

/** An org that may see the demand (never its owner), with what it sees. */
export interface DemandAudienceMember {
  orgId: string;
  view: 'FULL' | 'SUMMARY';
  demand: DemandNotice;
}

/** What a demand is about: the facts other contexts find their own candidates by (e.g. subscriptions). */
export interface DemandTopic {
  fieldCode: string;
  categories: ServiceCategory[];
}

/** A platform whose best service fits the demand, ranked among the platforms whose org may see it. */
export interface MatchedPlatform {
  platformId: string;
  platformOrgId: string;
  rank: number;
  score: number;
}

export interface DemandAudienceOptions {
  /** Also the first k platforms by their best fitting service (only for an open demand). */
  matchedPlatforms?: number;
  /** Also the orgs the caller finds by the demand's topic (only for an open demand). */
  byTopic?: (topic: DemandTopic) => Promise<readonly string[]>;
}

export interface DemandAudienceResult {
  demandId: string;
  status: DemandStatus;
  topic: DemandTopic;
  /** Matched platforms when asked for, best first; each one's org is a member. */
  matched: MatchedPlatform[];
  /** Every invited org, by id, and whether it was invited after the demand was published. */
  invitations: { orgId: string; afterPublication: boolean }[];
  /** The candidates, the matched and the invited orgs that may see the demand, each with its view. */
  members: Map<string, DemandAudienceMember>;
}

/**
 * The demand context's port for whoever tells orgs about a demand (notification): who may see it and
 * how much of it, by the same rule (demandViewFor) as every read of the API and of search. One read of
 * the demand answers for all recipients, so the teller need not read it again per recipient.
 */
@Injectable()
export class DemandAudience {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly demands: DemandsService,
    private readonly matching: MatchingService,
  ) {}

  /**
   * The audience among the candidates (plus the matched and invited platforms, and the orgs found by the
   * topic): the orgs that may see the demand, each with its view; null when the demand does not exist.
   */
  async audienceFor(
    demandId: string,
    candidateOrgIds: readonly string[],
    options: DemandAudienceOptions = {},
  ): Promise<DemandAudienceResult | null> {
    const demand = await this.dataSource.getRepository(Demand).findOneBy({ id: demandId });
    if (!demand) return null;
    const topic = { fieldCode: demand.fieldCode, categories: demand.categories };
    const open = demand.status === 'OPEN';
    const [invitations, fitting, found] = await Promise.all([
      this.invitationsOf(demand),
      open && options.matchedPlatforms ? this.matching.fittingPlatformsFor(demand) : [],
      open && options.byTopic ? options.byTopic(topic) : [],
    ]);
    const views = await this.demands.viewsOf(demand, [
      ...candidateOrgIds,
      ...fitting.map((fit) => fit.platformOrgId),
      ...found,
      ...invitations.map((invitation) => invitation.orgId),
    ]);

    const members = new Map<string, DemandAudienceMember>();
    for (const [orgId, view] of views) {
      if (view === 'NONE' || orgId === demand.smeOrgId) continue;
      members.set(orgId, { orgId, view, demand: noticeOf(demand, view) });
    }
    // Ranked among the platforms whose org may be told, as the top-k matching of the demand ranks them.
    const matched: MatchedPlatform[] = [];
    for (const fit of fitting) {
      if (matched.length === (options.matchedPlatforms ?? 0)) break;
      if (!members.has(fit.platformOrgId)) continue;
      matched.push({ ...fit, rank: matched.length + 1 });
    }
    return { demandId, status: demand.status, topic, matched, invitations, members };
  }

  private async invitationsOf(demand: Demand): Promise<DemandAudienceResult['invitations']> {
    const rows = await this.dataSource.query<{ platform_org_id: string; after: boolean }[]>(
      `SELECT platform_org_id, invited_at >= $2::timestamptz AS after
         FROM demand_invitations WHERE demand_id = $1 ORDER BY platform_org_id`,
      [demand.id, demand.publishedAt ?? new Date(0)],
    );
    return rows.map((row) => ({ orgId: row.platform_org_id, afterPublication: row.after }));
  }
}

function noticeOf(demand: Demand, view: 'FULL' | 'SUMMARY'): DemandNotice {
  const full = view === 'FULL';
  return {
    id: demand.id,
    title: demand.title,
    description: full ? demand.description : null,
    fieldCode: demand.fieldCode,
    stage: demand.stage,
    categories: demand.categories,
    budgetMinFen: demand.budgetMinFen,
    budgetMaxFen: demand.budgetMaxFen,
    regionCode: full ? demand.regionCode : null,
    mode: demand.mode,
    confidentiality: demand.confidentiality,
    rewardFen: demand.rewardFen,
    challengeDeadline: demand.challengeDeadline,
  };
}
