import { Injectable } from '@nestjs/common';
import { chinaDate, Clock } from '@pilotlink/core';
import { EntityManager } from 'typeorm';
import { Order } from './order.entity';

export interface OrderFromQuote {
  smeOrgId: string;
  platformId: string;
  platformOrgId: string;
  demandId: string;
  quoteId: string;
  agreedAmountFen: number;
}

/**
 * Creates order records inside the caller's transaction. An accepted quote is the platform's offer
 * taken up by the SME, so its order starts ACCEPTED (both sides agree on price and scope); the
 * contract is confirmed next.
 */
@Injectable()
export class OrderRecords {
  constructor(private readonly clock: Clock) {}

  async createFromQuote(manager: EntityManager, input: OrderFromQuote): Promise<Order> {
    const [{ seq }] = await manager.query<{ seq: string }[]>(`SELECT nextval('order_contract_seq') AS seq`);
    const year = chinaDate(this.clock.now()).slice(0, 4);
    return manager.save(
      manager.create(Order, {
        ...input,
        agreedAmountFen: String(input.agreedAmountFen),
        contractNumber: `PL-${year}-${seq.padStart(6, '0')}`,
        status: 'ACCEPTED',
      }),
    );
  }
}
