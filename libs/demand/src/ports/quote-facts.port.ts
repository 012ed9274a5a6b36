import { Injectable } from '@nestjs/common';
import { parseFen } from '@pilotlink/core';
import { EntityManager } from 'typeorm';

/** What a quote offers: its price, its platform, the service it is delivered under, and the demand behind it. */
export interface QuoteOfferFacts {
  id: string;
  demandId: string;
  /** The demand's SME: the would-be buyer. */
  smeOrgId: string;
  platformId: string;
  platformOrgId: string;
  serviceId: string | null;
  priceFen: number;
  demand: DemandSubject;
}

/** What a demand asks for: its categories (the first is the main one) and its field. */
export interface DemandSubject {
  categories: string[];
  fieldCode: string | null;
}

/**
 * The demand context's query port for quotes and the subject of demands, as the voucher context judges
 * them (a preview of a quote, an order from a quote naming no service). Reads in the caller's transaction.
 */
@Injectable()
export class QuoteFacts {
  /** The quote with its demand's SME and subject, in one query; null for an unknown quote. */
  async ofQuote(manager: EntityManager, quoteId: string): Promise<QuoteOfferFacts | null> {
    const [row] = await manager.query<
      {
        id: string;
        demand_id: string;
        sme_org_id: string;
        platform_id: string;
        platform_org_id: string;
        service_id: string | null;
        price_fen: string;
        categories: string[];
        field_code: string | null;
      }[]
    >(
      `SELECT q.id, q.demand_id, d.sme_org_id, q.platform_id, q.platform_org_id, q.service_id, q.price_fen,
              d.categories, d.field_code
         FROM quotes q JOIN demands d ON d.id = q.demand_id
        WHERE q.id = $1`,
      [quoteId],
    );
    if (!row) return null;
    return {
      id: row.id,
      demandId: row.demand_id,
      smeOrgId: row.sme_org_id,
      platformId: row.platform_id,
      platformOrgId: row.platform_org_id,
      serviceId: row.service_id,
      priceFen: parseFen(row.price_fen),
      demand: { categories: row.categories, fieldCode: row.field_code },
    };
  }

  /** A demand's subject; null for an unknown demand. */
  async demandSubject(manager: EntityManager, demandId: string): Promise<DemandSubject | null> {
    const [row] = await manager.query<{ categories: string[]; field_code: string | null }[]>(
      `SELECT categories, field_code FROM demands WHERE id = $1`,
      [demandId],
    );
    return row ? { categories: row.categories, fieldCode: row.field_code } : null;
  }
}
