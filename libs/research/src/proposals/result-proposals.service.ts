import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@pilotlink/audit';
import { DEFAULT_IP_TERMS, IpTerms, ipTermsProblems, OrderRecords } from '@pilotlink/booking';
import { PlatformDirectory } from '@pilotlink/catalogue';
import {
  assertTransition,
  chinaDate,
  Clock,
  DomainError,
  fieldInvalid,
  NotFoundError,
  Page,
  PageQueryDto,
  toPage,
  validationFailed,
} from '@pilotlink/core';
import { uniqueViolation, withTransaction } from '@pilotlink/database';
import { OrgDirectory } from '@pilotlink/identity';
import type { Actor, RequestContext } from '@pilotlink/core';
import { OutboxService } from '@pilotlink/queue';
import { DataSource, EntityManager } from 'typeorm';
import { RESULT_TRANSITIONS } from '../domain/result';
import { ResearchResult } from '../domain/result.entity';
import {
  AcceptResultProposalDto,
  DeclineResultProposalDto,
  SubmitResultProposalDto,
} from '../dto/result-proposal.request.dto';
import { ResultsService } from '../results/results.service';
import { PROPOSAL_TRANSITIONS } from './result-proposal';
import { ResultProposal } from './result-proposal.entity';

/**
 * From result to pilot (issue 21): a platform that may see a published result proposes a verification (price,
 * timeline, scope, IP terms — a quote, as for demands); the institute sees every proposal on its result, a
 * platform only its own; the institute accepts one, which creates an order (booking's OrderRecords) with the
 * institute as the buyer and optionally an SME co-funding adopter, declines the others and moves the result to
 * IN_PILOT — in one transaction with the result row locked, so two racing accepts make one order.
 */
@Injectable()
export class ResultProposalsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly results: ResultsService,
    private readonly platforms: PlatformDirectory,
    private readonly orders: OrderRecords,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly orgs: OrgDirectory,
  ) {}

  async submit(ctx: RequestContext, resultId: string, input: SubmitResultProposalDto): Promise<ResultProposal> {
    const { result } = await this.results.get(ctx.actor, resultId);
    if (result.status !== 'PUBLISHED') {
      throw new DomainError('CONFLICT', 'Verifications are proposed to published results only', {
        currentState: result.status,
      });
    }
    if (input.validUntil < chinaDate(this.clock.now()))
      throw fieldInvalid('validUntil', 'validUntil must not be in the past');
    const ipTerms = ipTermsOf(input);
    // Only the operator gets past this, and it sees its platform whatever the status.
    const platform = (await this.platforms.ofIds([input.platformId])).get(input.platformId);
    if (!platform || platform.operatorOrgId !== ctx.actor.orgId) throw new NotFoundError('Platform');
    if (platform.status !== 'LISTED') {
      throw new DomainError('CONFLICT', 'Only a listed platform can propose', { platformStatus: platform.status });
    }
    if (input.serviceId) {
      const service = (await this.platforms.servicesOf([input.serviceId])).get(input.serviceId);
      if (!service || service.platformId !== platform.id || service.status !== 'PUBLISHED') {
        throw fieldInvalid('serviceId', 'must be a published service of this platform');
      }
    }
    return withTransaction(this.dataSource, async (manager) => {
      try {
        const proposal = await manager.save(
          manager.create(ResultProposal, {
            resultId,
            platformId: platform.id,
            platformOrgId: ctx.actor.orgId,
            serviceId: input.serviceId ?? null,
            priceFen: String(input.priceFen),
            timelineDays: input.timelineDays,
            scope: input.scope,
            validUntil: input.validUntil,
            ...ipTerms,
          }),
        );
        await this.record(manager, ctx, proposal, result, 'result_proposal.submitted', null);
        return proposal;
      } catch (error) {
        if (uniqueViolation(error) === 'research_result_proposals_one_live_per_platform') {
          throw new DomainError('CONFLICT', 'You already have a live proposal on this result: withdraw it first');
        }
        throw error;
      }
    });
  }

  /** The institute (and an admin) sees every proposal on its result; a platform only its own; others 404. */
  async list(actor: Actor, resultId: string, page: PageQueryDto): Promise<Page<ResultProposal>> {
    const { result } = await this.results.get(actor, resultId);
    const seesAll = result.instituteOrgId === actor.orgId || actor.orgKind === 'ADMIN';
    // Another institute is no party to a result's proposals, even of a PUBLIC result.
    if (!seesAll && actor.orgKind !== 'PLATFORM_OPERATOR') throw new NotFoundError('Result');
    const where = seesAll ? { resultId } : { resultId, platformOrgId: actor.orgId };
    const [items, total] = await this.dataSource
      .getRepository(ResultProposal)
      .findAndCount({ where, order: { createdAt: 'ASC', id: 'ASC' }, skip: page.offset, take: page.limit });
    return toPage(items, total, page);
  }

  async accept(ctx: RequestContext, proposalId: string, input: AcceptResultProposalDto): Promise<ResultProposal> {
    const coFunderOrgId = input.coFunderOrgId ?? null;
    if (coFunderOrgId) await this.assertCoFunder(coFunderOrgId);
    return withTransaction(this.dataSource, async (manager) => {
      const { proposal, result, party } = await this.lockForParty(manager, ctx.actor, proposalId);
      if (party !== 'INSTITUTE') throw new DomainError('FORBIDDEN', 'Only the institute accepts a proposal');
      assertTransition('Proposal', PROPOSAL_TRANSITIONS, proposal.status, 'ACCEPTED');
      if (proposal.validUntil < chinaDate(this.clock.now())) {
        throw new DomainError('CONFLICT', `This proposal expired after ${proposal.validUntil}`, {
          validUntil: proposal.validUntil,
        });
      }
      assertTransition('Result', RESULT_TRANSITIONS, result.status, 'IN_PILOT');
      const before = { ...proposal };
      const order = await this.orders.createFromResultProposal(manager, {
        buyerOrgId: result.instituteOrgId,
        coFunderOrgId,
        platformId: proposal.platformId,
        platformOrgId: proposal.platformOrgId,
        serviceId: proposal.serviceId,
        agreedAmountFen: Number(proposal.priceFen),
        ipTerms: {
          ipOwnership: proposal.ipOwnership,
          ipBuyerShareBp: proposal.ipBuyerShareBp,
          benefitSharingNote: proposal.benefitSharingNote,
        },
        requestNote: `科技成果中试验证：${result.title}\n${proposal.scope}`,
      });
      proposal.status = 'ACCEPTED';
      proposal.orderId = order.id;
      proposal.coFunderOrgId = coFunderOrgId;
      await manager.save(proposal);
      await manager
        .createQueryBuilder()
        .update(ResultProposal)
        .set({ status: 'DECLINED', declineReason: 'CHOSE_ANOTHER' })
        .where(`result_id = :resultId AND status = 'SUBMITTED'`, { resultId: result.id })
        .execute();
      const resultBefore = { ...result };
      result.status = 'IN_PILOT';
      result.statusReason = `中试验证订单 ${order.contractNumber}`;
      await manager.save(result);
      await this.record(manager, ctx, proposal, result, 'result_proposal.accepted', before, {
        orderId: order.id,
        contractNumber: order.contractNumber,
      });
      await this.audit.record(manager, {
        actor: { userId: ctx.actor.userId, orgId: ctx.actor.orgId },
        action: 'result.in_pilot',
        entityType: 'research_result',
        entityId: result.id,
        subjectOrgId: result.instituteOrgId,
        before: resultBefore,
        after: { ...result, orderId: order.id },
        requestId: ctx.requestId,
      });
      // The order's parties hear of it as of any order; the result's index entry shows it in pilot.
      await this.outbox.add(manager, { aggregateType: 'result', aggregateId: result.id, eventType: 'result.in_pilot' });
      return proposal;
    });
  }

  async decline(ctx: RequestContext, proposalId: string, input: DeclineResultProposalDto): Promise<ResultProposal> {
    return withTransaction(this.dataSource, async (manager) => {
      const { proposal, result, party } = await this.lockForParty(manager, ctx.actor, proposalId);
      if (party !== 'INSTITUTE') throw new DomainError('FORBIDDEN', 'Only the institute declines a proposal');
      assertTransition('Proposal', PROPOSAL_TRANSITIONS, proposal.status, 'DECLINED');
      const before = { ...proposal };
      proposal.status = 'DECLINED';
      proposal.declineReason = input.reason;
      await manager.save(proposal);
      await this.record(manager, ctx, proposal, result, 'result_proposal.declined', before);
      return proposal;
    });
  }

  async withdraw(ctx: RequestContext, proposalId: string): Promise<ResultProposal> {
    return withTransaction(this.dataSource, async (manager) => {
      const { proposal, result, party } = await this.lockForParty(manager, ctx.actor, proposalId);
      if (party !== 'PLATFORM') throw new DomainError('FORBIDDEN', 'Only the proposing platform withdraws');
      assertTransition('Proposal', PROPOSAL_TRANSITIONS, proposal.status, 'WITHDRAWN');
      const before = { ...proposal };
      proposal.status = 'WITHDRAWN';
      await manager.save(proposal);
      await this.record(manager, ctx, proposal, result, 'result_proposal.withdrawn', before);
      return proposal;
    });
  }

  /** Names of the proposing platforms. */
  async platformNames(proposals: readonly ResultProposal[]): Promise<Map<string, string>> {
    const platforms = await this.platforms.ofIds(proposals.map((p) => p.platformId));
    return new Map([...platforms].map(([id, platform]) => [id, platform.name]));
  }

  /** The co-funder is a verified SME. */
  private async assertCoFunder(orgId: string): Promise<void> {
    const org = (await this.orgs.profilesOf([orgId])).get(orgId);
    if (!org || org.kind !== 'SME' || !org.verified) {
      throw fieldInvalid('coFunderOrgId', 'must be a verified SME');
    }
  }

  /**
   * The proposal and its result, locked (result first, always: it serialises racing accepts), with the
   * caller's side; anyone but the institute and the proposing platform gets 404.
   */
  private async lockForParty(manager: EntityManager, actor: Actor, proposalId: string) {
    const found = await manager.findOneBy(ResultProposal, { id: proposalId });
    if (!found) throw new NotFoundError('Proposal');
    const result = await manager.findOne(ResearchResult, {
      where: { id: found.resultId },
      lock: { mode: 'pessimistic_write' },
    });
    const proposal = await manager.findOne(ResultProposal, {
      where: { id: proposalId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!result || !proposal) throw new NotFoundError('Proposal');
    if (result.instituteOrgId === actor.orgId) return { proposal, result, party: 'INSTITUTE' as const };
    if (proposal.platformOrgId === actor.orgId) return { proposal, result, party: 'PLATFORM' as const };
    throw new NotFoundError('Proposal');
  }

  private async record(
    manager: EntityManager,
    ctx: RequestContext,
    proposal: ResultProposal,
    result: ResearchResult,
    action: string,
    before: Record<string, unknown> | null,
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    await this.audit.record(manager, {
      actor: { userId: ctx.actor.userId, orgId: ctx.actor.orgId },
      action,
      entityType: 'research_result_proposal',
      entityId: proposal.id,
      subjectOrgId: result.instituteOrgId,
      before,
      after: { ...proposal, ...extra },
      requestId: ctx.requestId,
    });
  }
}

/** The proposal's IP terms; they must hold together (400 naming ipBuyerShareBp otherwise). */
function ipTermsOf(input: SubmitResultProposalDto): IpTerms {
  const terms: IpTerms = {
    ipOwnership: input.ipOwnership ?? DEFAULT_IP_TERMS.ipOwnership,
    ipBuyerShareBp: input.ipBuyerShareBp ?? null,
    benefitSharingNote: input.benefitSharingNote ?? null,
  };
  const problems = ipTermsProblems(terms);
  if (problems.length) throw validationFailed(problems);
  return terms;
}
