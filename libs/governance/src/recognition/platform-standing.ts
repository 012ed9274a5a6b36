import { Injectable } from '@nestjs/common';
import { AuditService } from '@pilotlink/audit';
import { Platform, PLATFORM_TRANSITIONS, RECOGNITION_RANK } from '@pilotlink/catalogue';
import type { PlatformStatus, RecognitionLevel } from '@pilotlink/catalogue';
import { assertTransition, NotFoundError } from '@pilotlink/core';
import type { RequestContext } from '@pilotlink/identity';
import { OutboxService } from '@pilotlink/queue';
import { EntityManager } from 'typeorm';

/** A platform row locked for a governance decision, with the validity of its recognition level. */
export interface LockedPlatform {
  platform: Platform;
  /** platforms.recognition_valid_until (YYYY-MM-DD); null for no level, or one recorded without a date. */
  recognitionValidUntil: string | null;
}

export interface StandingChange {
  recognitionLevel?: RecognitionLevel;
  recognitionValidUntil?: string | null;
  status?: PlatformStatus;
  statusReason?: string | null;
}

/**
 * The platform's recognition level and status as governance changes them. Each change writes the
 * platform row, an audit event and the platform outbox row in the caller's transaction — the same
 * event the catalogue writes for its own status moves, so the relay re-indexes the platform and, with
 * it, all its services (a suspended or delisted platform's services leave search). Status moves obey
 * the catalogue's transition table.
 */
@Injectable()
export class PlatformStanding {
  constructor(
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /** Locks the platform row (FOR UPDATE); 404 when it does not exist. Callers check access themselves. */
  async lock(manager: EntityManager, platformId: string): Promise<LockedPlatform> {
    const platform = await manager.findOne(Platform, {
      where: { id: platformId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!platform) throw new NotFoundError('Platform');
    const [row] = await manager.query<{ valid_until: string | null }[]>(
      `SELECT recognition_valid_until::text AS valid_until FROM platforms WHERE id = $1`,
      [platformId],
    );
    return { platform, recognitionValidUntil: row?.valid_until ?? null };
  }

  /** Applies the change (if it changes anything) and records it; `ctx` null for the scheduler. */
  async change(
    manager: EntityManager,
    ctx: RequestContext | null,
    locked: LockedPlatform,
    change: StandingChange,
    action: string,
  ): Promise<boolean> {
    const { platform } = locked;
    const before = standingOf(locked);
    const after = { ...before, ...change };
    if (JSON.stringify(before) === JSON.stringify(after)) return false;
    if (after.status !== before.status) assertTransition('Platform', PLATFORM_TRANSITIONS, before.status, after.status);
    await manager.query(
      `UPDATE platforms
          SET recognition_level = $2, recognition_valid_until = $3, status = $4, status_reason = $5, updated_at = now()
        WHERE id = $1`,
      [platform.id, after.recognitionLevel, after.recognitionValidUntil, after.status, after.statusReason],
    );
    platform.recognitionLevel = after.recognitionLevel;
    platform.status = after.status;
    platform.statusReason = after.statusReason;
    locked.recognitionValidUntil = after.recognitionValidUntil;
    await this.audit.record(manager, {
      actor: ctx && { userId: ctx.actor.userId, orgId: ctx.actor.orgId },
      action,
      entityType: 'platform',
      entityId: platform.id,
      subjectOrgId: platform.operatorOrgId,
      before,
      after,
      requestId: ctx?.requestId ?? null,
    });
    await this.outbox.add(manager, { aggregateType: 'platform', aggregateId: platform.id, eventType: action });
    return true;
  }
}

function standingOf(locked: LockedPlatform): Required<StandingChange> {
  return {
    recognitionLevel: locked.platform.recognitionLevel,
    recognitionValidUntil: locked.recognitionValidUntil,
    status: locked.platform.status,
    statusReason: locked.platform.statusReason,
  };
}

/** The level a platform effectively holds today: a level whose validity has passed counts as NONE. */
export function effectiveLevel(locked: LockedPlatform, today: string): RecognitionLevel {
  const until = locked.recognitionValidUntil;
  return until !== null && until < today ? 'NONE' : locked.platform.recognitionLevel;
}

export function higherLevel(a: RecognitionLevel, b: RecognitionLevel): boolean {
  return RECOGNITION_RANK[a] > RECOGNITION_RANK[b];
}
