import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@pilotlink/audit';
import { assertTransition, NotFoundError } from '@pilotlink/core';
import { OutboxService } from '@pilotlink/queue';
import { DataSource, EntityManager } from 'typeorm';
import { PLATFORM_TRANSITIONS } from '@pilotlink/core';
import type { PlatformStatus, RecognitionLevel } from '@pilotlink/core';

/** A platform's standing: what governance decides on and changes (recognition level, its validity, status). */
export interface PlatformStandingFacts {
  id: string;
  operatorOrgId: string;
  regionCode: string;
  recognitionLevel: RecognitionLevel;
  /** YYYY-MM-DD; null for no level, or one recorded without a date. */
  recognitionValidUntil: string | null;
  status: PlatformStatus;
  statusReason: string | null;
}

/** The fields a standing change may set; those left out keep their value. */
export interface StandingChange {
  recognitionLevel?: RecognitionLevel;
  recognitionValidUntil?: string | null;
  status?: PlatformStatus;
  statusReason?: string | null;
}

/** Who changes a standing, as the audit event records it; null for the scheduler. */
export interface StandingChangedBy {
  actor: { userId: string | null; orgId: string | null };
  requestId: string | null;
}

interface StandingRow {
  id: string;
  operator_org_id: string;
  region_code: string;
  recognition_level: RecognitionLevel;
  recognition_valid_until: string | null;
  status: PlatformStatus;
  status_reason: string | null;
}

const STANDING_COLUMNS = `id, operator_org_id, region_code, recognition_level,
  recognition_valid_until::text AS recognition_valid_until, status, status_reason`;

/**
 * The platform's recognition level and status as governance reads and changes them (the catalogue owns
 * the row). Each change writes the platform row, an audit event and the platform outbox row in the
 * caller's transaction — the same event the catalogue writes for its own status moves, so the relay
 * re-indexes the platform and, with it, all its services (a suspended or delisted platform's services
 * leave search). Status moves obey the catalogue's transition table.
 */
@Injectable()
export class PlatformStanding {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /** The standing of each platform found, by id (unknown ids are left out). */
  async ofIds(
    ids: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, PlatformStandingFacts>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await manager.query<StandingRow[]>(
      `SELECT ${STANDING_COLUMNS} FROM platforms WHERE id = ANY($1::uuid[])`,
      [unique],
    );
    return new Map(rows.map((row) => [row.id, toFacts(row)]));
  }

  /** The standing of one platform, or undefined when it does not exist. */
  async ofId(id: string, manager: EntityManager = this.dataSource.manager): Promise<PlatformStandingFacts | undefined> {
    return (await this.ofIds([id], manager)).get(id);
  }

  /** Locks the platform row (FOR UPDATE); 404 when it does not exist. Callers check access themselves. */
  async lock(manager: EntityManager, platformId: string): Promise<PlatformStandingFacts> {
    const [row] = await manager.query<StandingRow[]>(
      `SELECT ${STANDING_COLUMNS} FROM platforms WHERE id = $1 FOR UPDATE`,
      [platformId],
    );
    if (!row) throw new NotFoundError('Platform');
    return toFacts(row);
  }

  /**
   * Applies the change to a platform locked by `lock` (if it changes anything), records it, and updates
   * `locked` to the new standing. Answers whether anything changed.
   */
  async change(
    manager: EntityManager,
    by: StandingChangedBy | null,
    locked: PlatformStandingFacts,
    change: StandingChange,
    action: string,
  ): Promise<boolean> {
    const before = standingOf(locked);
    const after = { ...before, ...change };
    if (JSON.stringify(before) === JSON.stringify(after)) return false;
    if (after.status !== before.status) assertTransition('Platform', PLATFORM_TRANSITIONS, before.status, after.status);
    await manager.query(
      `UPDATE platforms
          SET recognition_level = $2, recognition_valid_until = $3, status = $4, status_reason = $5, updated_at = now()
        WHERE id = $1`,
      [locked.id, after.recognitionLevel, after.recognitionValidUntil, after.status, after.statusReason],
    );
    Object.assign(locked, after);
    await this.audit.record(manager, {
      actor: by && { userId: by.actor.userId, orgId: by.actor.orgId },
      action,
      entityType: 'platform',
      entityId: locked.id,
      subjectOrgId: locked.operatorOrgId,
      before,
      after,
      requestId: by?.requestId ?? null,
    });
    await this.outbox.add(manager, { aggregateType: 'platform', aggregateId: locked.id, eventType: action });
    return true;
  }

  /** Up to `limit` platforms holding a level whose validity ended before `today` (YYYY-MM-DD). */
  async levelsLapsedBefore(today: string, limit: number): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM platforms WHERE recognition_level <> 'NONE' AND recognition_valid_until < $1 LIMIT $2`,
      [today, limit],
    );
    return rows.map((row) => row.id);
  }
}

function toFacts(row: StandingRow): PlatformStandingFacts {
  return {
    id: row.id,
    operatorOrgId: row.operator_org_id,
    regionCode: row.region_code,
    recognitionLevel: row.recognition_level,
    recognitionValidUntil: row.recognition_valid_until,
    status: row.status,
    statusReason: row.status_reason,
  };
}

function standingOf(facts: PlatformStandingFacts): Required<StandingChange> {
  return {
    recognitionLevel: facts.recognitionLevel,
    recognitionValidUntil: facts.recognitionValidUntil,
    status: facts.status,
    statusReason: facts.statusReason,
  };
}
