import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DeclineReason } from '../domain/demand';

/** A quote as its two parties are told of it: its terms, the demand's title and who the parties are. */
export interface QuoteNotice {
  id: string;
  demandId: string;
  demandTitle: string;
  smeOrgId: string;
  platformId: string;
  platformOrgId: string;
  priceFen: string;
  timelineDays: number;
  revision: number;
  revisionNote: string | null;
  declineReason: DeclineReason | null;
  declineComment: string | null;
}

/**
 * The demand context's port for telling the parties of a quote (notification): the quote with its
 * demand's title and SME in one query. Both parties see the title in every view of the demand.
 */
@Injectable()
export class QuoteNotices {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Quotes by id; unknown ids are absent. */
  async ofIds(ids: readonly string[]): Promise<QuoteNotice[]> {
    if (ids.length === 0) return [];
    const rows = await this.dataSource.query<
      {
        id: string;
        demand_id: string;
        demand_title: string;
        sme_org_id: string;
        platform_id: string;
        platform_org_id: string;
        price_fen: string;
        timeline_days: number;
        revision: number;
        revision_note: string | null;
        decline_reason: DeclineReason | null;
        decline_comment: string | null;
      }[]
    >(
      `SELECT q.id, q.demand_id, d.title AS demand_title, d.sme_org_id, q.platform_id, q.platform_org_id,
              q.price_fen, q.timeline_days, q.revision, q.revision_note, q.decline_reason, q.decline_comment
         FROM quotes q JOIN demands d ON d.id = q.demand_id
        WHERE q.id = ANY($1::uuid[])`,
      [[...new Set(ids)]],
    );
    return rows.map((row) => ({
      id: row.id,
      demandId: row.demand_id,
      demandTitle: row.demand_title,
      smeOrgId: row.sme_org_id,
      platformId: row.platform_id,
      platformOrgId: row.platform_org_id,
      priceFen: row.price_fen,
      timelineDays: row.timeline_days,
      revision: row.revision,
      revisionNote: row.revision_note,
      declineReason: row.decline_reason,
      declineComment: row.decline_comment,
    }));
  }
}
