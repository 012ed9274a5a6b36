import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parseFen } from '@pilotlink/core';
import { querySql, Sql, sql } from '@pilotlink/database';
import { DataSource, EntityManager } from 'typeorm';
import type { PlatformStatus, PricingKind, RecognitionLevel } from '@pilotlink/core';

/** A platform as another context sees it: who runs it, what it is called, where it stands. */
export interface OfferedPlatform {
  id: string;
  name: string;
  operatorOrgId: string;
  status: PlatformStatus;
  recognitionLevel: RecognitionLevel;
  fieldCodes: string[];
}

/** A service of a platform's catalogue, as far as voucher eligibility and claim checks go. */
export interface OfferedService {
  category: string;
  fieldCodes: string[];
  voucherEligible: boolean;
  leadTimeDays: number;
}

/** What was offered under an order or a quote: the platform, the service (if one is named) and equipment sharing. */
export interface OfferFacts {
  platform: OfferedPlatform;
  service: OfferedService | null;
  /** The platform publishes a voucher-eligible EQUIPMENT_SHARING service (its reservations are then one). */
  equipmentSharingEligible: boolean;
}

/** A published service of a listed platform, as an order from it needs it: who provides it, at what price. */
export interface OrderableService {
  id: string;
  platformId: string;
  platformOrgId: string;
  pricingKind: PricingKind;
  priceFen: number | null;
}

/**
 * The catalogue context's query port for what orders and quotes are about (voucher eligibility, ordering a
 * service) and for the platforms an org operates: plain facts, never entities (PlatformDirectory has
 * platforms and services by id). Methods taking an `EntityManager` read inside the caller's transaction.
 */
@Injectable()
export class CatalogueFacts {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The platform and service an order or quote is about, in one query; null for an unknown platform. */
  async offer(
    manager: EntityManager,
    ref: { platformId: string; serviceId: string | null },
  ): Promise<OfferFacts | null> {
    const [row] = await querySql<OfferRow>(
      manager,
      this.offerSql(sql`${ref.platformId}::uuid`, sql`${ref.serviceId}::uuid`),
    );
    return row ? this.offerOf(row) : null;
  }

  /**
   * `offer`'s query, for another context to gather it with its own facts in one statement (the ids are SQL
   * expressions, e.g. columns of an order row); its row, as read or as JSON, goes to `offerOf`.
   */
  offerSql(platformId: Sql, serviceId: Sql): Sql {
    return sql`SELECT p.id, p.name, p.operator_org_id, p.status, p.recognition_level, p.field_codes,
              s.category AS service_category, s.field_codes AS service_fields, s.voucher_eligible, s.lead_time_days,
              EXISTS (SELECT 1 FROM services es WHERE es.platform_id = p.id AND es.category = 'EQUIPMENT_SHARING'
                        AND es.status = 'PUBLISHED' AND es.voucher_eligible) AS equipment_sharing_eligible
         FROM platforms p LEFT JOIN services s ON s.id = ${serviceId}
        WHERE p.id = ${platformId}`;
  }

  offerOf(row: OfferRow): OfferFacts {
    return {
      platform: platformOf(row),
      service: row.service_category
        ? {
            category: row.service_category,
            fieldCodes: row.service_fields ?? [],
            voucherEligible: !!row.voucher_eligible,
            leadTimeDays: row.lead_time_days ?? 0,
          }
        : null,
      equipmentSharingEligible: row.equipment_sharing_eligible,
    };
  }

  /** The service if it is published on a listed platform (one may order it), else null: one query. */
  async orderableService(manager: EntityManager, serviceId: string): Promise<OrderableService | null> {
    const [row] = await manager.query<
      {
        id: string;
        platform_id: string;
        operator_org_id: string;
        pricing_kind: PricingKind;
        price_fen: string | null;
      }[]
    >(
      `SELECT s.id, s.platform_id, p.operator_org_id, s.pricing_kind, s.price_fen
         FROM services s JOIN platforms p ON p.id = s.platform_id AND p.status = 'LISTED'
        WHERE s.id = $1 AND s.status = 'PUBLISHED'`,
      [serviceId],
    );
    if (!row) return null;
    return {
      id: row.id,
      platformId: row.platform_id,
      platformOrgId: row.operator_org_id,
      pricingKind: row.pricing_kind,
      priceFen: row.price_fen === null ? null : parseFen(row.price_fen),
    };
  }

  /** Ids of the platforms this org operates. */
  async platformIdsOperatedBy(orgId: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(`SELECT id FROM platforms WHERE operator_org_id = $1`, [orgId]);
    return rows.map((row) => row.id);
  }
}

/** A row of `offerSql`. */
export type OfferRow = PlatformRow & {
  service_category: string | null;
  service_fields: string[] | null;
  voucher_eligible: boolean | null;
  lead_time_days: number | null;
  equipment_sharing_eligible: boolean;
};

interface PlatformRow {
  id: string;
  name: string;
  operator_org_id: string;
  status: PlatformStatus;
  recognition_level: RecognitionLevel;
  field_codes: string[];
}

function platformOf(row: PlatformRow): OfferedPlatform {
  return {
    id: row.id,
    name: row.name,
    operatorOrgId: row.operator_org_id,
    status: row.status,
    recognitionLevel: row.recognition_level,
    fieldCodes: row.field_codes,
  };
}
