import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { PlatformStatus, ServiceCategory, ServiceStage, ServiceStatus } from '@pilotlink/core';

/** A platform as other contexts see it: who operates it, its name, status and region. */
export interface PlatformSummary {
  id: string;
  /** The host org (依托单位) that operates the platform. */
  operatorOrgId: string;
  name: string;
  status: PlatformStatus;
  regionCode: string;
}

/** A service as other contexts see it: whose it is, its status, and what matching reads of it. */
export interface ServiceSummary {
  id: string;
  platformId: string;
  status: ServiceStatus;
  title: string;
  description: string;
  category: ServiceCategory;
  fieldCodes: string[];
  stages: ServiceStage[];
}

interface PlatformRow {
  id: string;
  operator_org_id: string;
  name: string;
  status: PlatformStatus;
  region_code: string;
}

interface ServiceRow {
  id: string;
  platform_id: string;
  status: ServiceStatus;
  title: string;
  description: string;
  category: ServiceCategory;
  field_codes: string[];
  stages: ServiceStage[];
}

const PLATFORM_COLUMNS = 'id, operator_org_id, name, status, region_code';
const SERVICE_COLUMNS = 'id, platform_id, status, title, description, category, field_codes, stages';

/**
 * Reads of platforms and their services that other contexts need (quotes, invitations, matching, research
 * proposals), by id and in batches. Each method is one query; `manager` puts it in the caller's transaction.
 */
@Injectable()
export class PlatformDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Platforms by id; unknown ids are absent. */
  async ofIds(
    platformIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, PlatformSummary>> {
    if (platformIds.length === 0) return new Map();
    const rows = await manager.query<PlatformRow[]>(
      `SELECT ${PLATFORM_COLUMNS} FROM platforms WHERE id = ANY($1::uuid[])`,
      [[...new Set(platformIds)]],
    );
    return new Map(rows.map((row) => [row.id, platformSummary(row)]));
  }

  /** The operator org of each platform (matching's hot path: just the one column); unknown ids are absent. */
  async operatorsOf(platformIds: readonly string[]): Promise<Map<string, string>> {
    if (platformIds.length === 0) return new Map();
    const rows = await this.dataSource.query<{ id: string; operator_org_id: string }[]>(
      `SELECT id, operator_org_id FROM platforms WHERE id = ANY($1::uuid[])`,
      [[...new Set(platformIds)]],
    );
    return new Map(rows.map((row) => [row.id, row.operator_org_id]));
  }

  /**
   * The platform, its row locked FOR UPDATE in the caller's transaction (which then serialises with every
   * other writer of that platform, e.g. a quote and the response time it refreshes); null when unknown.
   */
  async lock(manager: EntityManager, platformId: string): Promise<PlatformSummary | null> {
    const [row] = await manager.query<PlatformRow[]>(
      `SELECT ${PLATFORM_COLUMNS} FROM platforms WHERE id = $1 FOR UPDATE`,
      [platformId],
    );
    return row ? platformSummary(row) : null;
  }

  /** Services by id, in any status; unknown ids are absent. */
  async servicesOf(
    serviceIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, ServiceSummary>> {
    if (serviceIds.length === 0) return new Map();
    const rows = await manager.query<ServiceRow[]>(
      `SELECT ${SERVICE_COLUMNS} FROM services WHERE id = ANY($1::uuid[])`,
      [[...new Set(serviceIds)]],
    );
    return new Map(rows.map((row) => [row.id, serviceSummary(row)]));
  }

  /** A service with its platform, in one query; null when either is unknown. */
  async serviceWithPlatform(serviceId: string): Promise<{ service: ServiceSummary; platform: PlatformSummary } | null> {
    const [row] = await this.dataSource.query<(ServiceRow & { p: PlatformRow })[]>(
      `SELECT s.id, s.platform_id, s.status, s.title, s.description, s.category, s.field_codes, s.stages,
              json_build_object('id', p.id, 'operator_org_id', p.operator_org_id, 'name', p.name,
                                'status', p.status, 'region_code', p.region_code) AS p
         FROM services s JOIN platforms p ON p.id = s.platform_id
        WHERE s.id = $1`,
      [serviceId],
    );
    return row ? { service: serviceSummary(row), platform: platformSummary(row.p) } : null;
  }
}

function platformSummary(row: PlatformRow): PlatformSummary {
  return {
    id: row.id,
    operatorOrgId: row.operator_org_id,
    name: row.name,
    status: row.status,
    regionCode: row.region_code,
  };
}

function serviceSummary(row: ServiceRow): ServiceSummary {
  return {
    id: row.id,
    platformId: row.platform_id,
    status: row.status,
    title: row.title,
    description: row.description,
    category: row.category,
    fieldCodes: row.field_codes,
    stages: row.stages,
  };
}
