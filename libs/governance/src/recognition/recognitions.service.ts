import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@pilotlink/audit';
import { operatesPlatform, PlatformStanding } from '@pilotlink/catalogue';
import { RECOGNITION_RANK } from '@pilotlink/core';
import type { PlatformStandingFacts } from '@pilotlink/catalogue';
import type { RecognitionLevel } from '@pilotlink/core';
import {
  chinaDate,
  Clock,
  DomainError,
  fieldInvalid,
  NotFoundError,
  Page,
  PageQueryDto,
  toPage,
} from '@pilotlink/core';
import { uniqueViolation, withTransaction } from '@pilotlink/database';
import type { Actor, RequestContext } from '@pilotlink/core';
import { DataSource, EntityManager } from 'typeorm';
import { assertRecognitionTransition } from '../domain/recognition';
import { ApplyRecognitionDto, ApproveRecognitionDto, RejectRecognitionDto } from '../dto/recognition.request.dto';
import { PlatformRecognition } from './platform-recognition.entity';
import type { RecognisedLevel } from './platform-recognition.entity';
import { decidesRecognition, seesGovernanceOf } from './recognition-access';
import { effectiveLevel, higherLevel } from './recognition-levels';

/** Lapse this many platforms per run at most; the next quarter-hourly run takes the rest. */
const LAPSE_BATCH = 500;

/**
 * Recognition (认定, SPEC §7): the operator applies; the bureau of the right level and jurisdiction
 * (an admin for NATIONAL) approves with a validity period or rejects; the platform's level follows.
 * A platform shows the highest level it holds: approving a lower level than the one in force
 * leaves the platform as it is (the lower one takes over when the higher lapses). Approvals take
 * effect at once, so `validFrom` is today or earlier.
 */
@Injectable()
export class RecognitionsService {
  private readonly logger = new Logger(RecognitionsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly standing: PlatformStanding,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async apply(ctx: RequestContext, platformId: string, input: ApplyRecognitionDto): Promise<PlatformRecognition> {
    try {
      return await withTransaction(this.dataSource, async (manager) => {
        const platform = await this.standing.lock(manager, platformId);
        if (!operatesPlatform(ctx.actor, platform)) throw new NotFoundError('Platform');
        if (platform.status === 'DELISTED') {
          throw new DomainError('CONFLICT', 'A delisted platform cannot apply for recognition', {
            currentState: platform.status,
          });
        }
        const pending = await manager.findOneBy(PlatformRecognition, { platformId, status: 'PENDING' });
        if (pending) throw pendingConflict(pending.id);
        const recognition = await manager.save(
          manager.create(PlatformRecognition, {
            platformId,
            level: input.level,
            status: 'PENDING',
            evidence: input.evidence,
            evidenceUrls: input.evidenceUrls ?? [],
            requestedByOrgId: ctx.actor.orgId,
          }),
        );
        await this.record(manager, ctx, recognition, platform, 'platform_recognition.requested', null);
        return recognition;
      });
    } catch (error) {
      if (uniqueViolation(error) === 'platform_recognitions_one_pending') throw pendingConflict(null);
      throw error;
    }
  }

  /** The platform's applications, newest first: for its operator, a supervising bureau, an admin. */
  async listForPlatform(actor: Actor, platformId: string, page: PageQueryDto): Promise<Page<PlatformRecognition>> {
    const platform = await this.standing.ofId(platformId);
    if (!platform || !seesGovernanceOf(actor, platform)) throw new NotFoundError('Platform');
    const [items, total] = await this.dataSource.manager.findAndCount(PlatformRecognition, {
      where: { platformId },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: page.offset,
      take: page.limit,
    });
    return toPage(items, total, page);
  }

  async approve(ctx: RequestContext, id: string, input: ApproveRecognitionDto): Promise<PlatformRecognition> {
    const today = chinaDate(this.clock.now());
    const validFrom = input.validFrom ?? today;
    return withTransaction(this.dataSource, async (manager) => {
      const { recognition, locked } = await this.lockForDecision(manager, ctx.actor, id);
      assertRecognitionTransition(recognition.status, 'APPROVED');
      if (validFrom > today)
        throw fieldInvalid('validFrom', 'must not be after today: an approval takes effect at once');
      if (input.validUntil < today) throw fieldInvalid('validUntil', 'must not be before today');
      if (locked.status === 'DELISTED') {
        throw new DomainError('CONFLICT', 'The platform was delisted: its application can only be rejected', {
          currentState: locked.status,
        });
      }
      const before = snapshot(recognition);
      recognition.status = 'APPROVED';
      recognition.decidedByOrgId = ctx.actor.orgId;
      recognition.decidedAt = this.clock.now();
      recognition.validFrom = validFrom;
      recognition.validUntil = input.validUntil;
      await manager.save(recognition);
      await this.record(manager, ctx, recognition, locked, 'platform_recognition.approved', before);
      await this.raiseLevel(manager, ctx, locked, recognition.level, input.validUntil, today);
      return recognition;
    });
  }

  async reject(ctx: RequestContext, id: string, input: RejectRecognitionDto): Promise<PlatformRecognition> {
    return withTransaction(this.dataSource, async (manager) => {
      const { recognition, locked } = await this.lockForDecision(manager, ctx.actor, id);
      assertRecognitionTransition(recognition.status, 'REJECTED');
      const before = snapshot(recognition);
      recognition.status = 'REJECTED';
      recognition.decidedByOrgId = ctx.actor.orgId;
      recognition.decidedAt = this.clock.now();
      recognition.reason = input.reason;
      await manager.save(recognition);
      await this.record(manager, ctx, recognition, locked, 'platform_recognition.rejected', before);
      return recognition;
    });
  }

  /**
   * The scheduled lapse: approved recognitions past their valid-until date (China calendar days)
   * become LAPSED, and a platform whose level's validity has passed drops to the highest level it
   * still holds by another approved recognition, else NONE. One transaction per platform, the
   * platform row locked.
   */
  async lapseDue(): Promise<{ recognitions: number; platforms: number }> {
    const today = chinaDate(this.clock.now());
    // Platforms with an approved recognition past its date, and those whose level's validity passed.
    const expired = await this.dataSource.query<{ platform_id: string }[]>(
      `SELECT DISTINCT platform_id FROM platform_recognitions WHERE status = 'APPROVED' AND valid_until < $1
        LIMIT ${LAPSE_BATCH}`,
      [today],
    );
    const lapsedLevels = await this.standing.levelsLapsedBefore(today, LAPSE_BATCH);
    const due = [...new Set([...expired.map((row) => row.platform_id), ...lapsedLevels])].slice(0, LAPSE_BATCH);
    const totals = { recognitions: 0, platforms: 0 };
    for (const platformId of due) {
      const result = await withTransaction(this.dataSource, (manager) =>
        this.lapsePlatform(manager, platformId, today),
      );
      totals.recognitions += result.recognitions;
      totals.platforms += result.levelChanged ? 1 : 0;
    }
    if (totals.recognitions || totals.platforms) this.logger.log(totals, 'lapsed recognitions');
    return totals;
  }

  /**
   * Marks the platform's approved recognitions above `level` LAPSED with `reason` (a downgrade or a
   * delisting ends them before their date), so a later re-derivation cannot bring them back.
   */
  async endAbove(
    manager: EntityManager,
    ctx: RequestContext,
    platform: PlatformStandingFacts,
    level: RecognitionLevel,
    reason: string,
  ): Promise<number> {
    const approved = await manager.find(PlatformRecognition, {
      where: { platformId: platform.id, status: 'APPROVED' },
      lock: { mode: 'pessimistic_write' },
    });
    const ended = approved.filter((r) => higherLevel(r.level, level));
    for (const recognition of ended) {
      await this.lapse(manager, ctx, recognition, platform, reason);
    }
    return ended.length;
  }

  private async lapsePlatform(
    manager: EntityManager,
    platformId: string,
    today: string,
  ): Promise<{ recognitions: number; levelChanged: boolean }> {
    const locked = await this.standing.lock(manager, platformId);
    const expired = await manager
      .createQueryBuilder(PlatformRecognition, 'r')
      .setLock('pessimistic_write')
      .where('r.platform_id = :platformId', { platformId })
      .andWhere(`r.status = 'APPROVED'`)
      .andWhere('r.valid_until < :today', { today })
      .getMany();
    for (const recognition of expired) {
      await this.lapse(manager, null, recognition, locked, null);
    }
    let levelChanged = false;
    if (locked.recognitionValidUntil !== null && locked.recognitionValidUntil < today) {
      const next = await this.heldLevel(manager, platformId, today);
      levelChanged = await this.standing.change(
        manager,
        null,
        locked,
        { recognitionLevel: next.level, recognitionValidUntil: next.validUntil },
        'platform.recognition_lapsed',
      );
    }
    return { recognitions: expired.length, levelChanged };
  }

  /** The highest level held today by an approved recognition, and the last day it holds. */
  private async heldLevel(
    manager: EntityManager,
    platformId: string,
    today: string,
  ): Promise<{ level: RecognitionLevel; validUntil: string | null }> {
    const rows = await manager.query<{ level: RecognisedLevel; valid_until: string }[]>(
      `SELECT level, max(valid_until)::text AS valid_until FROM platform_recognitions
        WHERE platform_id = $1 AND status = 'APPROVED' AND valid_from <= $2 AND valid_until >= $2
        GROUP BY level`,
      [platformId, today],
    );
    const best = rows.sort((a, b) => RECOGNITION_RANK[b.level] - RECOGNITION_RANK[a.level])[0];
    return best ? { level: best.level, validUntil: best.valid_until } : { level: 'NONE', validUntil: null };
  }

  /** An approval raises the platform to its level, or extends the validity of the level it holds. */
  private async raiseLevel(
    manager: EntityManager,
    ctx: RequestContext,
    locked: PlatformStandingFacts,
    level: RecognisedLevel,
    validUntil: string,
    today: string,
  ): Promise<void> {
    const current = effectiveLevel(locked, today);
    if (higherLevel(current, level)) return;
    let until: string | null = validUntil;
    if (current === level) {
      const held = locked.recognitionValidUntil;
      // A level recorded without an end date (seeded before recognitions existed) keeps having none.
      until = held === null ? null : held > validUntil ? held : validUntil;
    }
    await this.standing.change(
      manager,
      ctx,
      locked,
      { recognitionLevel: level, recognitionValidUntil: until },
      'platform.recognised',
    );
  }

  private async lapse(
    manager: EntityManager,
    ctx: RequestContext | null,
    recognition: PlatformRecognition,
    platform: PlatformStandingFacts,
    reason: string | null,
  ): Promise<void> {
    const before = snapshot(recognition);
    assertRecognitionTransition(recognition.status, 'LAPSED');
    recognition.status = 'LAPSED';
    if (reason) recognition.reason = reason;
    await manager.save(recognition);
    await this.record(manager, ctx, recognition, platform, 'platform_recognition.lapsed', before);
  }

  /**
   * The application, with its platform locked, for an actor who may decide it. A bureau that may not
   * (wrong level or outside its jurisdiction) is answered 404: it must not learn the application
   * exists. An admin sees every application but decides NATIONAL ones only (403 otherwise).
   */
  private async lockForDecision(
    manager: EntityManager,
    actor: Actor,
    id: string,
  ): Promise<{ recognition: PlatformRecognition; locked: PlatformStandingFacts }> {
    const found = await manager.findOneBy(PlatformRecognition, { id });
    if (!found) throw new NotFoundError('Recognition');
    // Platform first, then the application: the order every governance writer takes.
    const locked = await this.standing.lock(manager, found.platformId);
    if (!decidesRecognition(actor, locked, found.level)) {
      if (actor.orgKind === 'ADMIN') {
        throw new DomainError('FORBIDDEN', `A ${found.level} recognition is decided by a bureau of that level`);
      }
      throw new NotFoundError('Recognition');
    }
    const recognition = await manager.findOneOrFail(PlatformRecognition, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    return { recognition, locked };
  }

  private record(
    manager: EntityManager,
    ctx: RequestContext | null,
    recognition: PlatformRecognition,
    platform: PlatformStandingFacts,
    action: string,
    before: Record<string, unknown> | null,
  ): Promise<void> {
    return this.audit.record(manager, {
      actor: ctx && { userId: ctx.actor.userId, orgId: ctx.actor.orgId },
      action,
      entityType: 'platform_recognition',
      entityId: recognition.id,
      subjectOrgId: platform.operatorOrgId,
      before,
      after: snapshot(recognition),
      requestId: ctx?.requestId ?? null,
    });
  }
}

function pendingConflict(pendingId: string | null): DomainError {
  return new DomainError('CONFLICT', 'This platform already has a recognition application pending', {
    ...(pendingId && { pendingRecognitionId: pendingId }),
  });
}

function snapshot(r: PlatformRecognition): Record<string, unknown> {
  return {
    platformId: r.platformId,
    level: r.level,
    status: r.status,
    validFrom: r.validFrom,
    validUntil: r.validUntil,
    decidedByOrgId: r.decidedByOrgId,
    reason: r.reason,
  };
}
