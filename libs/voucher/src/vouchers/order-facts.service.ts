import { Injectable } from '@nestjs/common';
import { OrderFacts as BookingOrderFacts, OrderVoucherFacts, VoucherFactsRow } from '@pilotlink/booking';
import { CatalogueFacts, OfferFacts, OfferRow } from '@pilotlink/catalogue';
import { NotFoundError } from '@pilotlink/core';
import { querySql, rawSql, sql } from '@pilotlink/database';
import { QuoteFacts } from '@pilotlink/demand';
import { OrgDirectory, OrgVoucherFacts } from '@pilotlink/identity';
import { EntityManager } from 'typeorm';
import type { EligibilityFacts } from '../domain/eligibility';
import { orderSubject } from '../domain/order-subject';
import { PartyFacts, relatedPartyReason } from '../domain/related-party';

/** What eligibility and claims need to know about an order: what was bought, from whom, by whom. */
export interface OrderFacts {
  id: string;
  status: string;
  smeOrgId: string;
  platformId: string;
  platformOrgId: string;
  agreedAmountFen: number;
  deductionFen: number;
  contractNumber: string;
  completedAt: Date | null;
  startedAt: Date | null;
  deliveredAt: Date | null;
  leadTimeDays: number | null;
  /** Paid so far, when asked for; else null. */
  paidFen: number | null;
  subject: EligibilityFacts['service'];
  platform: EligibilityFacts['platform'];
  sme: EligibilityFacts['sme'];
  /** The buyer's org kind: an institute buying a result's verification is no SME (issue 21). */
  buyerKind: string;
  /** The related-party facts of the SME and of the platform's host. */
  parties: PartyFacts[];
}

/**
 * The facts of an order (or of the order a quote would make) gathered from their owners through their
 * ports — booking (the order), catalogue (platform and service), identity (the two orgs, shareholders
 * included) and demand (a quote, or the demand of an order naming no service) — one query each.
 */
@Injectable()
export class OrderFactsService {
  constructor(
    private readonly orders: BookingOrderFacts,
    private readonly catalogue: CatalogueFacts,
    private readonly orgs: OrgDirectory,
    private readonly quotes: QuoteFacts,
  ) {}

  /** Booking's facts of the order alone: `lock` takes its row lock, `paid` adds what is paid. */
  order(
    manager: EntityManager,
    orderId: string,
    options: { lock?: boolean; paid?: boolean } = {},
  ): Promise<OrderVoucherFacts | null> {
    return this.orders.forVoucher(manager, orderId, options);
  }

  /** The rest of an order's facts, once booking's are in hand. */
  async complete(manager: EntityManager, order: OrderVoucherFacts): Promise<OrderFacts> {
    const offer = await this.offer(manager, order);
    const orgs = await this.orgs.voucherFactsOf([order.smeOrgId, order.platformOrgId], manager);
    return this.assemble(manager, order, offer, orgs);
  }

  /**
   * What a hold needs of its order, in one statement: booking's facts with the order's row lock, the
   * catalogue's offer and identity's two orgs — each owner's own query (`forVoucherSql`, `offerSql`,
   * `voucherFactsSql`) composed here, so no context names another's tables. Null for an unknown order; `facts`
   * completes them (asking demand only for an order from a quote that names no service).
   */
  async forHold(
    manager: EntityManager,
    orderId: string,
  ): Promise<{ order: OrderVoucherFacts; facts: () => Promise<OrderFacts> } | null> {
    const [row] = await querySql<{ order: VoucherFactsRow; offer: OfferRow | null; orgs: OrgVoucherFacts[] | null }>(
      manager,
      sql`SELECT row_to_json(vo) AS "order",
                 (SELECT row_to_json(x) FROM (${this.catalogue.offerSql(rawSql('vo.platform_id'), rawSql('vo.service_id'))}) x) AS offer,
                 (SELECT json_agg(x) FROM (${this.orgs.voucherFactsSql(rawSql('ARRAY[vo.sme_org_id, vo.platform_org_id]'))}) x) AS orgs
            FROM (${this.orders.forVoucherSql(sql`${orderId}::uuid`, { lock: true })}) vo`,
    );
    if (!row) return null;
    const order = this.orders.voucherFactsOf(row.order);
    return {
      order,
      facts: async () => {
        // Orders and quotes reference their platform by a foreign key: a missing one is no order.
        if (!row.offer) throw new NotFoundError('Order');
        const orgs = new Map((row.orgs ?? []).map((o) => [o.orgId, o]));
        return this.assemble(manager, order, this.catalogue.offerOf(row.offer), orgs);
      },
    };
  }

  /**
   * An order's facts from booking's, the offer and the orgs. An order from a quote has no service: what
   * was bought is the demand's (its first category, its field); an equipment reservation is
   * EQUIPMENT_SHARING in the platform's fields.
   */
  private async assemble(
    manager: EntityManager,
    order: OrderVoucherFacts,
    offer: OfferFacts,
    orgs: Map<string, OrgVoucherFacts>,
  ): Promise<OrderFacts> {
    const demand =
      !offer.service && !order.isReservation && order.demandId
        ? await this.quotes.demandSubject(manager, order.demandId)
        : null;
    return {
      id: order.id,
      status: order.status,
      smeOrgId: order.smeOrgId,
      platformId: order.platformId,
      platformOrgId: order.platformOrgId,
      agreedAmountFen: order.agreedAmountFen,
      deductionFen: order.deductionFen,
      contractNumber: order.contractNumber,
      completedAt: order.completedAt,
      startedAt: order.startedAt,
      deliveredAt: order.deliveredAt,
      leadTimeDays: offer.service?.leadTimeDays ?? null,
      paidFen: order.paidFen,
      subject: orderSubject({
        service: offer.service,
        reservation: order.isReservation
          ? { platformFieldCodes: offer.platform.fieldCodes, equipmentSharingEligible: offer.equipmentSharingEligible }
          : null,
        demand,
      }),
      ...this.orgFacts(orgs, order.smeOrgId, order.platformOrgId),
      platform: platformOf(offer),
    };
  }

  /** An order's facts, or null for an unknown order. */
  async ofOrder(manager: EntityManager, orderId: string): Promise<OrderFacts | null> {
    const order = await this.order(manager, orderId);
    return order ? this.complete(manager, order) : null;
  }

  /**
   * The facts an order from this quote would have (its price, the demand's SME, the service it is delivered
   * under or the demand's category and field), for a voucher preview before acceptance. The would-be order
   * is REQUESTED and, not existing yet, holds nothing.
   */
  async ofQuote(manager: EntityManager, quoteId: string): Promise<OrderFacts | null> {
    const quote = await this.quotes.ofQuote(manager, quoteId);
    if (!quote) return null;
    const offer = await this.offer(manager, quote);
    const orgs = await this.orgs.voucherFactsOf([quote.smeOrgId, quote.platformOrgId], manager);
    return {
      id: quote.id,
      status: 'REQUESTED',
      smeOrgId: quote.smeOrgId,
      platformId: quote.platformId,
      platformOrgId: quote.platformOrgId,
      agreedAmountFen: quote.priceFen,
      deductionFen: 0,
      contractNumber: '',
      completedAt: null,
      startedAt: null,
      deliveredAt: null,
      leadTimeDays: offer.service?.leadTimeDays ?? null,
      paidFen: null,
      subject: orderSubject({ service: offer.service, reservation: null, demand: quote.demand }),
      ...this.orgFacts(orgs, quote.smeOrgId, quote.platformOrgId),
      platform: platformOf(offer),
    };
  }

  private async offer(
    manager: EntityManager,
    ref: { platformId: string; serviceId: string | null },
  ): Promise<OfferFacts> {
    const offer = await this.catalogue.offer(manager, ref);
    // Orders and quotes reference their platform by a foreign key: a missing one is no order.
    if (!offer) throw new NotFoundError('Order');
    return offer;
  }

  private orgFacts(
    orgs: Map<string, OrgVoucherFacts>,
    smeOrgId: string,
    platformOrgId: string,
  ): Pick<OrderFacts, 'sme' | 'buyerKind' | 'parties'> {
    const sme = orgs.get(smeOrgId);
    if (!sme || !orgs.has(platformOrgId)) throw new NotFoundError('Order');
    return {
      sme: { techSme: sme.techSme, isTeam: sme.isTeam, regionCode: sme.regionCode },
      buyerKind: sme.kind,
      parties: [...orgs.values()].map((o) => ({
        orgId: o.orgId,
        uscc: o.uscc,
        legalRepresentative: o.legalRepresentative,
        shareholders: o.shareholders,
      })),
    };
  }
}

function platformOf(offer: OfferFacts): EligibilityFacts['platform'] {
  return { id: offer.platform.id, status: offer.platform.status, recognitionLevel: offer.platform.recognitionLevel };
}

/** Are the order's SME and the platform's host related parties (关联交易), given both orgs' facts? */
export function partiesRelated(facts: Pick<OrderFacts, 'parties' | 'smeOrgId' | 'platformOrgId'>): boolean {
  const of = (orgId: string) => facts.parties.find((p) => p.orgId === orgId)!;
  return relatedPartyReason(of(facts.smeOrgId), of(facts.platformOrgId)) !== null;
}
