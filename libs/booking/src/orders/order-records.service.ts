import { DEFAULT_IP_TERMS, IpTerms } from '../domain/ip-terms';
import { Injectable } from '@nestjs/common';
import { chinaDate, Clock } from '@pilotlink/core';
import { EntityManager } from 'typeorm';
import { planOrderAction } from '../domain/order';
import { Order } from './order.entity';

export interface OrderFromQuote {
  smeOrgId: string;
  platformId: string;
  platformOrgId: string;
  demandId: string;
  quoteId: string;
  /** The service the accepted quote is delivered under, if it named one. */
  serviceId?: string | null;
  agreedAmountFen: number;
  /** 揭榜挂帅: the challenge's stated reward, in fen (bigint string), carried onto the order. */
  challengeRewardFen?: string | null;
  /** The accepted quote's IP terms, carried onto the order (issue 21). */
  ipTerms?: IpTerms;
}

/** A platform's verification proposal to a research result, accepted by the institute (issue 21). */
export interface OrderFromResultProposal {
  /** The institute: the buyer, on the order's buyer side (smeOrgId). */
  buyerOrgId: string;
  /** Optionally an SME adopting the result that co-funds the pilot. */
  coFunderOrgId: string | null;
  platformId: string;
  platformOrgId: string;
  serviceId: string | null;
  agreedAmountFen: number;
  ipTerms: IpTerms;
  /** What is verified: the result's title and the proposal's scope. */
  requestNote: string;
}

export interface OrderFromReservation {
  /** The booking org (an SME, or another platform's org). */
  smeOrgId: string;
  platformId: string;
  platformOrgId: string;
  agreedAmountFen: number;
  requestNote: string | null;
}

export interface OrderFromService {
  smeOrgId: string;
  platformId: string;
  platformOrgId: string;
  serviceId: string;
  quantity: number;
  agreedAmountFen: number;
  requestNote: string | null;
}

/**
 * Creates order records inside the caller's transaction. An accepted quote is the platform's offer
 * taken up by the SME, so its order starts ACCEPTED (both sides agree on price and scope); the
 * contract is confirmed next.
 */
@Injectable()
export class OrderRecords {
  constructor(private readonly clock: Clock) {}

  async createFromQuote(manager: EntityManager, { ipTerms, ...input }: OrderFromQuote): Promise<Order> {
    return manager.save(
      manager.create(Order, {
        ...input,
        ...(ipTerms ?? DEFAULT_IP_TERMS),
        agreedAmountFen: String(input.agreedAmountFen),
        contractNumber: await this.nextContractNumber(manager),
        status: 'ACCEPTED',
      }),
    );
  }

  /** Like an accepted quote: both sides agreed on price, scope and IP terms, so the order starts ACCEPTED. */
  async createFromResultProposal(
    manager: EntityManager,
    { buyerOrgId, ipTerms, ...input }: OrderFromResultProposal,
  ): Promise<Order> {
    return manager.save(
      manager.create(Order, {
        ...input,
        ...ipTerms,
        smeOrgId: buyerOrgId,
        agreedAmountFen: String(input.agreedAmountFen),
        contractNumber: await this.nextContractNumber(manager),
        status: 'ACCEPTED',
      }),
    );
  }

  /** An SME orders a priced service directly: the platform has not agreed yet, so it starts REQUESTED. */
  async createFromService(manager: EntityManager, input: OrderFromService): Promise<Order> {
    return manager.save(
      manager.create(Order, {
        ...input,
        agreedAmountFen: String(input.agreedAmountFen),
        contractNumber: await this.nextContractNumber(manager),
        status: 'REQUESTED',
      }),
    );
  }

  /**
   * A confirmed equipment reservation is an order line (SPEC §5): the booker took the platform's
   * published slot at its published rate, so the order is accepted at once — moved there by the
   * transition table, not written by hand. No service behind it (service_id null).
   */
  async createFromReservation(manager: EntityManager, input: OrderFromReservation): Promise<Order> {
    return manager.save(
      manager.create(Order, {
        ...input,
        agreedAmountFen: String(input.agreedAmountFen),
        contractNumber: await this.nextContractNumber(manager),
        serviceId: null,
        status: planOrderAction('accept', 'REQUESTED', 'PLATFORM'),
      }),
    );
  }

  /** The orders made from these quotes (an accepted quote has one), as quote id → order id. */
  async idsByQuote(manager: EntityManager, quoteIds: readonly string[]): Promise<Map<string, string>> {
    if (quoteIds.length === 0) return new Map();
    const rows = await manager.query<{ id: string; quote_id: string }[]>(
      `SELECT id, quote_id FROM orders WHERE quote_id = ANY($1::uuid[])`,
      [quoteIds],
    );
    return new Map(rows.map((row) => [row.quote_id, row.id]));
  }

  /** PL-YYYY-NNNNNN: the year in China time, a database sequence so numbers never repeat. */
  private async nextContractNumber(manager: EntityManager): Promise<string> {
    const [{ seq }] = await manager.query<{ seq: string }[]>(`SELECT nextval('order_contract_seq') AS seq`);
    return `PL-${chinaDate(this.clock.now()).slice(0, 4)}-${seq.padStart(6, '0')}`;
  }
}
