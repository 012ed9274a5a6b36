import { parseFen } from '@pilotlink/core';
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
  /** The order's hold that is not released, if any. */
  liveHoldId: string | null;
  subject: EligibilityFacts['service'];
  platform: EligibilityFacts['platform'];
  sme: EligibilityFacts['sme'];
  /** The buyer's org kind: an institute buying a result's verification is no SME (issue 21). */
  buyerKind: string;
}

interface OrderFactsRow {
  id: string;
  status: string;
  sme_org_id: string;
  platform_id: string;
  platform_org_id: string;
  agreed_amount_fen: string;
  voucher_deduction_fen: string;
  contract_number: string;
  completed_at: Date | null;
  delivered_at: Date | null;
  started_at: Date | null;
  service_category: string | null;
  service_fields: string[] | null;
  voucher_eligible: boolean | null;
  lead_time_days: number | null;
  demand_categories: string[] | null;
  demand_field: string | null;
  is_reservation: boolean;
  equipment_sharing_eligible: boolean;
  live_hold_id: string | null;
  platform_status: string;
  recognition_level: string;
  platform_fields: string[];
  tech_sme: boolean;
  is_team: boolean;
  sme_region: string;
  buyer_kind: string;
}

/**
 * The facts of one order in one query. An order from a quote has no service: what was bought is the
 * demand's (its first category, its field); an equipment reservation is EQUIPMENT_SHARING in the
 * platform's fields. `lock` takes the order row's lock (FOR UPDATE), as a change by one of its parties does.
 */
export async function orderFacts(manager: EntityManager, orderId: string, lock = false): Promise<OrderFacts | null> {
  const [row] = await manager.query<OrderFactsRow[]>(
    `SELECT o.id, o.status, o.sme_org_id, o.platform_id, o.platform_org_id, o.agreed_amount_fen,
            o.voucher_deduction_fen, o.contract_number, o.completed_at, o.delivered_at,
            (SELECT min(e.created_at) FROM order_events e WHERE e.order_id = o.id AND e.to_status = 'IN_PROGRESS') AS started_at,
            s.category AS service_category, s.field_codes AS service_fields, s.voucher_eligible, s.lead_time_days,
            d.categories AS demand_categories, d.field_code AS demand_field,
            EXISTS (SELECT 1 FROM reservations r WHERE r.order_id = o.id) AS is_reservation,
            EXISTS (SELECT 1 FROM services es WHERE es.platform_id = o.platform_id AND es.category = 'EQUIPMENT_SHARING'
                      AND es.status = 'PUBLISHED' AND es.voucher_eligible) AS equipment_sharing_eligible,
            (SELECT h.id FROM voucher_holds h WHERE h.order_id = o.id AND h.status <> 'RELEASED') AS live_hold_id,
            p.status AS platform_status, p.recognition_level, p.field_codes AS platform_fields,
            sme.tech_sme, sme.is_team, sme.region_code AS sme_region, sme.kind AS buyer_kind
       FROM orders o
       JOIN platforms p ON p.id = o.platform_id
       JOIN orgs sme ON sme.id = o.sme_org_id
       LEFT JOIN services s ON s.id = o.service_id
       LEFT JOIN demands d ON d.id = o.demand_id
      WHERE o.id = $1 ${lock ? 'FOR UPDATE OF o' : ''}`,
    [orderId],
  );
  return row ? factsOf(row) : null;
}

/**
 * The facts an order from this quote would have (its price, the demand's SME, the service it is delivered
 * under or the demand's category and field), for a voucher preview before acceptance. The would-be order
 * is REQUESTED and, not existing yet, holds nothing.
 */
export async function quoteFacts(manager: EntityManager, quoteId: string): Promise<OrderFacts | null> {
  const [row] = await manager.query<OrderFactsRow[]>(
    `SELECT q.id, 'REQUESTED' AS status, d.sme_org_id, q.platform_id, q.platform_org_id,
            q.price_fen AS agreed_amount_fen, 0::bigint AS voucher_deduction_fen, '' AS contract_number,
            NULL::timestamptz AS completed_at, NULL::timestamptz AS delivered_at, NULL::timestamptz AS started_at,
            s.category AS service_category, s.field_codes AS service_fields, s.voucher_eligible, s.lead_time_days,
            d.categories AS demand_categories, d.field_code AS demand_field,
            false AS is_reservation, false AS equipment_sharing_eligible, NULL::uuid AS live_hold_id,
            p.status AS platform_status, p.recognition_level, p.field_codes AS platform_fields,
            sme.tech_sme, sme.is_team, sme.region_code AS sme_region
       FROM quotes q
       JOIN demands d ON d.id = q.demand_id
       JOIN platforms p ON p.id = q.platform_id
       JOIN orgs sme ON sme.id = d.sme_org_id
       LEFT JOIN services s ON s.id = q.service_id
      WHERE q.id = $1`,
    [quoteId],
  );
  return row ? factsOf(row) : null;
}

function factsOf(row: OrderFactsRow): OrderFacts {
  return {
    id: row.id,
    status: row.status,
    smeOrgId: row.sme_org_id,
    platformId: row.platform_id,
    platformOrgId: row.platform_org_id,
    agreedAmountFen: parseFen(row.agreed_amount_fen),
    deductionFen: parseFen(row.voucher_deduction_fen),
    contractNumber: row.contract_number,
    completedAt: row.completed_at,
    startedAt: row.started_at,
    deliveredAt: row.delivered_at,
    leadTimeDays: row.lead_time_days,
    liveHoldId: row.live_hold_id,
    subject: subjectOf(row),
    platform: { id: row.platform_id, status: row.platform_status, recognitionLevel: row.recognition_level },
    sme: { techSme: row.tech_sme, isTeam: row.is_team, regionCode: row.sme_region },
    buyerKind: row.buyer_kind,
  };
}

function subjectOf(row: OrderFactsRow): EligibilityFacts['service'] {
  return orderSubject({
    service: row.service_category
      ? {
          category: row.service_category,
          fieldCodes: row.service_fields ?? [],
          voucherEligible: !!row.voucher_eligible,
        }
      : null,
    reservation: row.is_reservation
      ? { platformFieldCodes: row.platform_fields, equipmentSharingEligible: row.equipment_sharing_eligible }
      : null,
    demand: row.demand_categories ? { categories: row.demand_categories, fieldCode: row.demand_field } : null,
  });
}

/**
 * The related-party facts of the orgs whose ids `orgIdsParam` names (a uuid[] parameter), shareholders
 * included, as one JSON array: a subquery the holds embed in their voucher query to save a round trip.
 */
export function partyFactsJson(orgIdsParam: string): string {
  return `(SELECT coalesce(json_agg(f), '[]') FROM (
             SELECT o.id AS "orgId", o.uscc, o.legal_representative AS "legalRepresentative",
                    coalesce(json_agg(json_build_object('holderKey', s.holder_key, 'shareBp', s.share_bp))
                             FILTER (WHERE s.holder_key IS NOT NULL), '[]') AS shareholders
               FROM orgs o LEFT JOIN org_shareholders s ON s.org_id = o.id
              WHERE o.id = ANY(${orgIdsParam}::uuid[]) GROUP BY o.id) f)`;
}

/** Are the order's SME and the platform's host related parties (关联交易), given both orgs' facts? */
export function partiesRelated(parties: PartyFacts[], facts: Pick<OrderFacts, 'smeOrgId' | 'platformOrgId'>): boolean {
  const of = (orgId: string) => parties.find((p) => p.orgId === orgId)!;
  return relatedPartyReason(of(facts.smeOrgId), of(facts.platformOrgId)) !== null;
}

/** Are the order's SME and the platform's host related parties (关联交易)? One query. */
export async function orderPartiesRelated(manager: EntityManager, facts: OrderFacts): Promise<boolean> {
  const [{ parties }] = await manager.query<{ parties: PartyFacts[] }[]>(`SELECT ${partyFactsJson('$1')} AS parties`, [
    [facts.smeOrgId, facts.platformOrgId],
  ]);
  return partiesRelated(parties, facts);
}
