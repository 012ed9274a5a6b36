import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { withParentFields } from '@pilotlink/core';
import { Clock } from '@pilotlink/core';
import { DemandsService, MatchingService } from '@pilotlink/demand';
import { OrgDirectory } from '@pilotlink/identity';
import type { Actor } from '@pilotlink/core';
import { Notifier, SubscriptionMatches } from '@pilotlink/notification';
import { DEFAULT_JOB_OPTIONS, jobId, NotificationJobs, QUEUES, ResearchDigestJob } from '@pilotlink/queue';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { LIVE_RESULT_STATUSES } from '../domain/result';
import { ResearchResult } from '../domain/result.entity';
import { matchableResult } from '../matching/result-matching.service';
import { ResultsService } from '../results/results.service';
import { DIGEST_FREQUENCIES, DigestPeriod, frequencyOfPeriodKey, lastCompleteDigestPeriod } from './digest-period';
import { DigestSettingsService } from './digest-settings.service';
import { renderResultDigest } from './render-digest';

/** A platform is told of a result its best service fits at least this well (as a demand's fit: noise below). */
const MIN_DIGEST_FIT = 0.4;

export interface DigestPlan {
  periodKey: string;
  results: number;
  /** New OPEN demands of the period that fit some platform. */
  demands: number;
  recipients: number;
}

/**
 * The research digest (issue 21: results "定期推送给相关中试基地"): weekly (or daily, by the org's setting),
 * each verified platform hears of the results published in the last period that its services fit, and each SME of those in its subscribed
 * fields — one inbox item (and webhook) per org and period. Planning queues one job per recipient under a
 * deterministic id; the job writes the inbox row under the key `research-digest.<period>`, unique per org.
 * PRIVATE results are never in a digest; each recipient sees a result only as its view allows.
 */
@Injectable()
export class ResearchDigestService {
  private readonly logger = new Logger(ResearchDigestService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly results: ResultsService,
    private readonly matching: MatchingService,
    private readonly demands: DemandsService,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
    private readonly settings: DigestSettingsService,
    @InjectQueue(QUEUES.NOTIFICATIONS) private readonly queue: Queue,
    private readonly orgs: OrgDirectory,
    private readonly subscriptions: SubscriptionMatches,
  ) {}

  /**
   * Plans the digests of the last complete week and day before `at`, each for the orgs that chose that
   * frequency (no choice: weekly; OFF: none). Safe to repeat: nothing is sent twice.
   */
  async plan(at: Date = this.clock.now()): Promise<DigestPlan[]> {
    const plans: DigestPlan[] = [];
    for (const frequency of DIGEST_FREQUENCIES) {
      const period = lastCompleteDigestPeriod(at, frequency);
      const recipients = await this.recipientsOf(period);
      const settings = await this.settings.settingsOf([...recipients.byOrg.keys()]);
      const name: keyof NotificationJobs = 'send-research-digest';
      let planned = 0;
      for (const [orgId, { resultIds, demandIds }] of recipients.byOrg) {
        if ((settings.get(orgId) ?? 'WEEKLY') !== frequency) continue;
        const data: ResearchDigestJob = {
          orgId,
          periodKey: period.key,
          resultIds: [...resultIds].sort(),
          demandIds: [...demandIds].sort(),
        };
        await this.queue.add(name, data, {
          ...DEFAULT_JOB_OPTIONS,
          jobId: jobId('research-digest', period.key, orgId),
        });
        planned += 1;
      }
      const plan = {
        periodKey: period.key,
        results: recipients.results,
        demands: recipients.demands,
        recipients: planned,
      };
      if (plan.recipients) this.logger.log(plan, 'research digest planned');
      plans.push(plan);
    }
    return plans;
  }

  /** One org's digest: re-reads the results and renders those the org may (still) see. */
  async send(job: ResearchDigestJob) {
    // The org may have switched frequency (or off) since the plan.
    const setting = (await this.settings.settingsOf([job.orgId])).get(job.orgId) ?? 'WEEKLY';
    if (setting !== frequencyOfPeriodKey(job.periodKey)) return { skipped: 'setting-changed' as const };
    const visible = (await this.results.visibleToOrg(job.orgId, job.resultIds)).filter(
      ({ result }) =>
        result.confidentiality !== 'PRIVATE' &&
        result.instituteOrgId !== job.orgId &&
        (LIVE_RESULT_STATUSES as readonly string[]).includes(result.status),
    );
    // New demands, each as the org may see it now (the demands' one rule); only those still open.
    const reader = await this.orgActor(job.orgId);
    const demands = (reader ? await this.demands.visibleMany(reader, job.demandIds ?? []) : []).filter(
      ({ demand }) => demand.status === 'OPEN' && demand.smeOrgId !== job.orgId,
    );
    if (visible.length === 0 && demands.length === 0) return { skipped: 'nothing-visible' as const };
    return this.notifier.deliverOnce({
      recipientOrgId: job.orgId,
      eventKey: `research-digest.${job.periodKey}`,
      eventType: 'research.digest',
      subjectType: 'digest',
      subjectId: job.orgId,
      ...renderResultDigest(job.periodKey, visible, demands),
    });
  }

  /** Who hears of which results published in the period. */
  private async recipientsOf(period: DigestPeriod) {
    const published = await this.dataSource
      .getRepository(ResearchResult)
      .createQueryBuilder('r')
      .where('r.published_at >= :start AND r.published_at < :end', { start: period.start, end: period.end })
      .andWhere('r.status IN (:...live)', { live: LIVE_RESULT_STATUSES })
      .andWhere(`r.confidentiality <> 'PRIVATE'`)
      .getMany();
    const byOrg = new Map<string, { resultIds: Set<string>; demandIds: Set<string> }>();
    const entry = (orgId: string) => {
      if (!byOrg.has(orgId)) byOrg.set(orgId, { resultIds: new Set(), demandIds: new Set() });
      return byOrg.get(orgId)!;
    };
    const add = (orgId: string, resultId: string) => entry(orgId).resultIds.add(resultId);
    const smesInField = await this.smesByField(published.map((result) => result.fieldCode));
    for (const result of published) {
      // Matched on what every recipient may see of it: a SUMMARY result on its summary only.
      const view = result.confidentiality === 'PUBLIC' ? 'FULL' : 'SUMMARY';
      for (const platform of await this.matching.fittingPlatformsFor(matchableResult(result, view), MIN_DIGEST_FIT)) {
        add(platform.platformOrgId, result.id);
      }
      for (const orgId of smesInField(result.fieldCode)) add(orgId, result.id);
    }
    // New OPEN demands to the platforms whose services fit them, among those the demand's confidentiality
    // admits (a PRIVATE demand: invited platforms only); the owner never hears of its own.
    let demandCount = 0;
    for (const demand of await this.demands.openPublishedBetween(period.start, period.end)) {
      const fitting = await this.matching.fittingPlatformsFor(demand, MIN_DIGEST_FIT);
      const views = await this.demands.viewsOf(
        demand,
        fitting.map((platform) => platform.platformOrgId),
      );
      let told = false;
      for (const { platformOrgId } of fitting) {
        if (platformOrgId === demand.smeOrgId || (views.get(platformOrgId) ?? 'NONE') === 'NONE') continue;
        entry(platformOrgId).demandIds.add(demand.id);
        told = true;
      }
      if (told) demandCount += 1;
    }
    // Verification (and everything else the view depends on) is checked again when each digest is sent.
    return { results: published.length, demands: demandCount, byOrg };
  }

  /** The org as a reader (no user acts in a digest): its kind and region from its row. */
  private async orgActor(orgId: string): Promise<Actor | null> {
    const org = (await this.orgs.profilesOf([orgId])).get(orgId);
    return org ? { userId: orgId, orgId, orgKind: org.kind, role: 'MEMBER', regionCode: org.regionCode } : null;
  }

  /**
   * SMEs with a subscription to a field or a parent of it (潜在承接企业), for every field of the period's results
   * at once: two queries, however many results.
   */
  private async smesByField(fieldCodes: readonly string[]): Promise<(fieldCode: string) => string[]> {
    if (fieldCodes.length === 0) return () => [];
    const interests = await this.subscriptions.inFields(withParentFields([...new Set(fieldCodes)]));
    const profiles = await this.orgs.profilesOf(interests.map((interest) => interest.orgId));
    const smes = interests.filter((interest) => profiles.get(interest.orgId)?.kind === 'SME');
    return (fieldCode) => {
      const fields = withParentFields([fieldCode]);
      const orgIds = smes
        .filter((interest) => interest.fieldCodes.some((code) => fields.includes(code)))
        .map((interest) => interest.orgId);
      return [...new Set(orgIds)];
    };
  }
}
