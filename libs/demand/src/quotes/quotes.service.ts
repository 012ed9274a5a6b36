import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@pilotlink/audit';
import { DEFAULT_IP_TERMS, IpOwnership, IpTerms, ipTermsProblems, OrderRecords } from '@pilotlink/booking';
import { PlatformDirectory, PlatformResponseTime } from '@pilotlink/catalogue';
import {
  assertTransition,
  chinaDate,
  Clock,
  DomainError,
  NotFoundError,
  Page,
  PageQueryDto,
  toPage,
  fieldInvalid,
  validationFailed,
} from '@pilotlink/core';
import { uniqueViolation, withTransaction } from '@pilotlink/database';
import { Actor, RequestContext } from '@pilotlink/core';
import { OutboxEntry, OutboxService } from '@pilotlink/queue';
import { DataSource, EntityManager, In } from 'typeorm';
import { DemandsService } from '../demands/demands.service';
import { awardBy, challengePhase, DEMAND_TRANSITIONS, QUOTE_TRANSITIONS, QuoteStatus } from '../domain/demand';
import { Demand } from '../domain/demand.entity';
import { Quote } from '../domain/quote.entity';
import { DeclineQuoteDto, MyQuotesQueryDto, ReviseQuoteDto, SubmitQuoteDto } from '../dto/quote.request.dto';
import { isFirstQuote, responseTimeOf } from './response-time';

const LIVE: QuoteStatus[] = ['SUBMITTED', 'REVISION_REQUESTED'];

/** A quote with the order its acceptance created, if any. */
export interface QuoteWithOrder {
  quote: Quote;
  orderId?: string;
}

@Injectable()
export class QuotesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly demands: DemandsService,
    private readonly orders: OrderRecords,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly platforms: PlatformDirectory,
    private readonly responseTime: PlatformResponseTime,
  ) {}

  /** A platform that may see an open demand quotes on it, for one of its own listed platforms. */
  async submit(ctx: RequestContext, demandId: string, input: SubmitQuoteDto): Promise<Quote> {
    const { demand } = await this.demands.get(ctx.actor, demandId);
    if (demand.status !== 'OPEN') {
      throw new DomainError('CONFLICT', 'Quotes are taken on open demands only', { currentState: demand.status });
    }
    this.assertSubmissionsOpen(demand);
    this.assertNotPast('validUntil', input.validUntil);
    return withTransaction(this.dataSource, async (manager) => {
      // Locked first: the quote's insert takes a key-share lock on this row (its foreign key) and the
      // response-time refresh below then wants it for update — two quotes of one platform taking the
      // locks in that order deadlock each other, as a burst of quotes on several demands showed.
      const platform = await this.platforms.lock(manager, input.platformId);
      if (!platform || platform.operatorOrgId !== ctx.actor.orgId) throw new NotFoundError('Platform');
      if (platform.status !== 'LISTED') {
        throw new DomainError('CONFLICT', 'Only a listed platform can quote', { platformStatus: platform.status });
      }
      const ipTerms = ipTermsOf(DEFAULT_IP_TERMS, input);
      if (input.serviceId) {
        const service = (await this.platforms.servicesOf([input.serviceId], manager)).get(input.serviceId);
        if (!service || service.platformId !== platform.id || service.status !== 'PUBLISHED')
          throw fieldInvalid('serviceId', 'must be a published service of this platform');
      }
      try {
        const quote = await manager.save(
          manager.create(Quote, {
            demandId,
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
        await this.record(manager, ctx, quote, demand, 'quote.submitted', null);
        await this.outbox.add(manager, quoteEvent('quote.submitted', quote));
        if (await isFirstQuote(manager, demandId, platform.id)) {
          await this.responseTime.record(manager, platform.id, await responseTimeOf(manager, platform.id));
        }
        return quote;
      } catch (error) {
        if (uniqueViolation(error) === 'quotes_one_live_per_platform') {
          throw new DomainError('CONFLICT', 'You already have a live quote on this demand: revise or withdraw it');
        }
        throw error;
      }
    });
  }

  /** The SME sees every quote on its demand; a platform only its own. Accepted ones carry their order. */
  async list(actor: Actor, demandId: string, page: PageQueryDto): Promise<Page<QuoteWithOrder>> {
    const { demand } = await this.demands.get(actor, demandId);
    const where =
      demand.smeOrgId === actor.orgId || actor.orgKind === 'ADMIN'
        ? { demandId }
        : { demandId, platformOrgId: actor.orgId };
    const [items, total] = await this.dataSource
      .getRepository(Quote)
      .findAndCount({ where, order: { createdAt: 'ASC', id: 'ASC' }, skip: page.offset, take: page.limit });
    return toPage(await this.withOrders(items), total, page);
  }

  /**
   * A platform's own quotes and proposals on every demand, the latest change first, each with the demand it
   * answers (title, mode, status — the platform quoted on it, so it saw at least its summary) and, once
   * accepted, its order: how the platform learns the outcome.
   */
  async listMine(actor: Actor, page: MyQuotesQueryDto): Promise<Page<QuoteWithOrder & { demand: Demand }>> {
    const [items, total] = await this.dataSource.getRepository(Quote).findAndCount({
      where: { platformOrgId: actor.orgId, ...(page.status ? { status: page.status } : {}) },
      order: { updatedAt: 'DESC', id: 'ASC' },
      skip: page.offset,
      take: page.limit,
    });
    const demands = await this.dataSource
      .getRepository(Demand)
      .findBy({ id: In([...new Set(items.map((q) => q.demandId))]) });
    const byId = new Map(demands.map((d) => [d.id, d]));
    const withOrders = await this.withOrders(items);
    return toPage(
      withOrders.map((item) => ({ ...item, demand: byId.get(item.quote.demandId)! })),
      total,
      page,
    );
  }

  private async withOrders(quotes: Quote[]): Promise<QuoteWithOrder[]> {
    const accepted = quotes.filter((q) => q.status === 'ACCEPTED').map((q) => q.id);
    const orders = await this.orders.idsByQuote(this.dataSource.manager, accepted);
    return quotes.map((quote) => ({ quote, orderId: orders.get(quote.id) }));
  }

  /** SME: ask for a revision (with a note). Quoting platform: answer it with revised terms. */
  async revise(ctx: RequestContext, quoteId: string, input: ReviseQuoteDto): Promise<Quote> {
    return withTransaction(this.dataSource, async (manager) => {
      const { quote, demand, party } = await this.lockForParty(manager, ctx.actor, quoteId);
      const before = { ...quote };
      if (party === 'SME') {
        if (!input.note) throw fieldInvalid('note', 'say what should change');
        assertTransition('Quote', QUOTE_TRANSITIONS, quote.status, 'REVISION_REQUESTED');
        quote.status = 'REVISION_REQUESTED';
        quote.revisionNote = input.note;
      } else {
        assertTransition('Quote', QUOTE_TRANSITIONS, quote.status, 'SUBMITTED');
        this.assertSubmissionsOpen(demand);
        if (input.validUntil) this.assertNotPast('validUntil', input.validUntil);
        if (input.priceFen !== undefined) quote.priceFen = String(input.priceFen);
        quote.timelineDays = input.timelineDays ?? quote.timelineDays;
        quote.scope = input.scope ?? quote.scope;
        quote.validUntil = input.validUntil ?? quote.validUntil;
        Object.assign(quote, ipTermsOf(quote, input));
        quote.status = 'SUBMITTED';
        quote.revision += 1;
      }
      await manager.save(quote);
      await this.record(
        manager,
        ctx,
        quote,
        demand,
        `quote.${party === 'SME' ? 'revision_requested' : 'revised'}`,
        before,
      );
      await this.outbox.add(manager, quoteEvent(party === 'SME' ? 'quote.revision-requested' : 'quote.revised', quote));
      return quote;
    });
  }

  /**
   * The SME takes a quote: the demand is awarded, the other live quotes are declined (CHOSE_ANOTHER)
   * and an order is created — all in one transaction, with the demand row locked so two racing
   * acceptances on one demand cannot both win (a partial unique index backs this up).
   */
  async accept(ctx: RequestContext, quoteId: string): Promise<{ quote: Quote; orderId: string }> {
    return withTransaction(this.dataSource, async (manager) => {
      const { quote, demand, party } = await this.lockForParty(manager, ctx.actor, quoteId);
      if (party !== 'SME') throw new DomainError('FORBIDDEN', 'Only the SME accepts a quote');
      assertTransition('Quote', QUOTE_TRANSITIONS, quote.status, 'ACCEPTED');
      if (quote.validUntil < chinaDate(this.clock.now())) {
        throw new DomainError('CONFLICT', `This quote expired after ${quote.validUntil}`, {
          validUntil: quote.validUntil,
        });
      }
      assertTransition('Demand', DEMAND_TRANSITIONS, demand.status, 'AWARDED');
      if (demand.mode === 'CHALLENGE' && demand.challengeDeadline) {
        // 揭榜挂帅: the SME awards until the award window ends (SPEC §4), even before the expiry job has run
        const today = chinaDate(this.clock.now());
        if (challengePhase(demand.challengeDeadline, demand.awardWindowDays, today) === 'OVER') {
          throw new DomainError('AWARD_WINDOW_CLOSED', 'The award window of this challenge has ended', {
            awardBy: awardBy(demand.challengeDeadline, demand.awardWindowDays),
          });
        }
      }
      const before = { ...quote };
      quote.status = 'ACCEPTED';
      await manager.save(quote);
      demand.status = 'AWARDED';
      await manager.save(demand);
      const others = await manager.find(Quote, { where: { demandId: demand.id, status: In(LIVE) } });
      await manager.update(
        Quote,
        { demandId: demand.id, status: In(LIVE) },
        { status: 'DECLINED', declineReason: 'CHOSE_ANOTHER' },
      );
      const order = await this.orders.createFromQuote(manager, {
        smeOrgId: demand.smeOrgId,
        platformId: quote.platformId,
        platformOrgId: quote.platformOrgId,
        demandId: demand.id,
        quoteId: quote.id,
        // eligibility of the order is judged by this service, like any order's (issue 16 point 11)
        serviceId: quote.serviceId,
        agreedAmountFen: Number(quote.priceFen),
        // "The reward is shown on the demand and on the resulting order" (揭榜挂帅)
        challengeRewardFen: demand.mode === 'CHALLENGE' ? demand.rewardFen : null,
        // IP terms (issue 21): what the SME accepted is what the order says
        ipTerms: {
          ipOwnership: quote.ipOwnership,
          ipBuyerShareBp: quote.ipBuyerShareBp,
          benefitSharingNote: quote.benefitSharingNote,
        },
      });
      await this.record(manager, ctx, quote, demand, 'quote.accepted', before, { orderId: order.id });
      // The winner and the others learn the outcome; the awarded demand leaves the search index.
      await this.outbox.add(
        manager,
        quoteEvent('quote.accepted', quote),
        ...others.map((other) => quoteEvent('quote.declined', other)),
        { aggregateType: 'demand', aggregateId: demand.id, eventType: 'demand.awarded' },
      );
      return { quote, orderId: order.id };
    });
  }

  async decline(ctx: RequestContext, quoteId: string, input: DeclineQuoteDto): Promise<Quote> {
    return withTransaction(this.dataSource, async (manager) => {
      const { quote, demand, party } = await this.lockForParty(manager, ctx.actor, quoteId);
      if (party !== 'SME') throw new DomainError('FORBIDDEN', 'Only the SME declines a quote');
      assertTransition('Quote', QUOTE_TRANSITIONS, quote.status, 'DECLINED');
      const before = { ...quote };
      quote.status = 'DECLINED';
      quote.declineReason = input.reason;
      quote.declineComment = input.comment ?? null;
      await manager.save(quote);
      await this.record(manager, ctx, quote, demand, 'quote.declined', before);
      await this.outbox.add(manager, quoteEvent('quote.declined', quote));
      return quote;
    });
  }

  async withdraw(ctx: RequestContext, quoteId: string): Promise<Quote> {
    return withTransaction(this.dataSource, async (manager) => {
      const { quote, demand, party } = await this.lockForParty(manager, ctx.actor, quoteId);
      if (party !== 'PLATFORM') throw new DomainError('FORBIDDEN', 'Only the quoting platform withdraws its quote');
      assertTransition('Quote', QUOTE_TRANSITIONS, quote.status, 'WITHDRAWN');
      const before = { ...quote };
      quote.status = 'WITHDRAWN';
      await manager.save(quote);
      await this.record(manager, ctx, quote, demand, 'quote.withdrawn', before);
      await this.outbox.add(manager, quoteEvent('quote.withdrawn', quote));
      return quote;
    });
  }

  /** Quote counts per demand, for the demand views (withdrawn quotes do not count). */
  async countsFor(demandIds: string[]): Promise<Map<string, number>> {
    if (demandIds.length === 0) return new Map();
    const rows = await this.dataSource.query<{ demand_id: string; n: string }[]>(
      `SELECT demand_id, count(*) AS n FROM quotes WHERE demand_id = ANY($1) AND status <> 'WITHDRAWN' GROUP BY demand_id`,
      [demandIds],
    );
    return new Map(rows.map((r) => [r.demand_id, Number(r.n)]));
  }

  /**
   * The quote and its demand, locked (demand first, always, so concurrent actions cannot deadlock),
   * with the caller's side; anyone but the SME owner and the quoting platform gets 404.
   */
  private async lockForParty(manager: EntityManager, actor: Actor, quoteId: string) {
    const found = await manager.findOneBy(Quote, { id: quoteId });
    if (!found) throw new NotFoundError('Quote');
    const demand = await manager.findOne(Demand, {
      where: { id: found.demandId },
      lock: { mode: 'pessimistic_write' },
    });
    const quote = await manager.findOne(Quote, { where: { id: quoteId }, lock: { mode: 'pessimistic_write' } });
    if (!demand || !quote) throw new NotFoundError('Quote');
    if (demand.smeOrgId === actor.orgId) return { quote, demand, party: 'SME' as const };
    if (quote.platformOrgId === actor.orgId) return { quote, demand, party: 'PLATFORM' as const };
    throw new NotFoundError('Quote');
  }

  /**
   * 揭榜挂帅: "platforms submit proposals until the deadline, then the SME has an award window … to pick
   * one" (SPEC §4) — after the deadline no new proposal and no revised terms.
   */
  private assertSubmissionsOpen(demand: Demand): void {
    if (demand.mode !== 'CHALLENGE' || !demand.challengeDeadline) return;
    const today = chinaDate(this.clock.now());
    if (challengePhase(demand.challengeDeadline, demand.awardWindowDays, today) !== 'SUBMISSIONS') {
      throw new DomainError('SUBMISSIONS_CLOSED', `Proposals were taken until ${demand.challengeDeadline}`, {
        challengeDeadline: demand.challengeDeadline,
        awardBy: awardBy(demand.challengeDeadline, demand.awardWindowDays),
      });
    }
  }

  private assertNotPast(field: string, date: string): void {
    if (date < chinaDate(this.clock.now())) throw fieldInvalid(field, `${field} must not be in the past`);
  }

  private async record(
    manager: EntityManager,
    ctx: RequestContext,
    quote: Quote,
    demand: Demand,
    action: string,
    before: Record<string, unknown> | null,
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    await this.audit.record(manager, {
      actor: { userId: ctx.actor.userId, orgId: ctx.actor.orgId },
      action,
      entityType: 'quote',
      entityId: quote.id,
      subjectOrgId: demand.smeOrgId,
      before,
      after: { ...quote, ...extra },
      requestId: ctx.requestId,
    });
  }
}

/**
 * The outbox row that tells the other party (notifications): the revision in the payload makes a
 * revised quote a new event and a duplicate row for the same revision the same one.
 */
function quoteEvent(eventType: string, quote: Quote): OutboxEntry {
  return { aggregateType: 'quote', aggregateId: quote.id, eventType, payload: { revision: quote.revision } };
}

/**
 * The IP terms after applying a submission or revision to `current`: a new ownership other than SHARED drops
 * the share; the result must hold together (400 naming ipBuyerShareBp otherwise).
 */
function ipTermsOf(
  current: IpTerms,
  input: { ipOwnership?: IpOwnership; ipBuyerShareBp?: number; benefitSharingNote?: string },
): IpTerms {
  const ipOwnership = input.ipOwnership ?? current.ipOwnership;
  const keepShare = input.ipOwnership === undefined || input.ipOwnership === 'SHARED';
  const terms: IpTerms = {
    ipOwnership,
    ipBuyerShareBp: input.ipBuyerShareBp ?? (keepShare ? current.ipBuyerShareBp : null),
    benefitSharingNote: input.benefitSharingNote ?? current.benefitSharingNote,
  };
  const problems = ipTermsProblems(terms);
  if (problems.length) throw validationFailed(problems);
  return terms;
}
