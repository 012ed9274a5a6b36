import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@pilotlink/audit';
import { chinaDate, Clock, DomainError, fieldInvalid, NotFoundError } from '@pilotlink/core';
import { uniqueViolation, withTransaction } from '@pilotlink/database';
import { OrgDirectory } from '@pilotlink/identity';
import { Actor, RequestContext } from '@pilotlink/core';
import { DataSource, EntityManager, In } from 'typeorm';
import { assertActive, assertDoneOn, assertStageChange, groupByStage } from '../domain/key-project';
import type { KeyProjectSubjectType } from '../domain/key-project';
import {
  CreateKeyProjectDto,
  CreateMilestoneDto,
  KeyProjectBoardQueryDto,
  UpdateKeyProjectDto,
  UpdateMilestoneDto,
} from '../dto/key-project.request.dto';
import { KeyProject, KeyProjectMilestone } from './key-project.entity';
import { KeyProjectSubjects } from './key-project-subjects.service';
import { KeyProjectView, KeyProjectViews } from './key-project-views.service';

/**
 * 重点项目清单 (SPEC §4a): a bureau marks a result, demand or order of an org in its jurisdiction, names the
 * officer who follows it (an active user of the bureau), moves it along the stages and records milestones;
 * closing ends the tracking. Only the bureau that marked a project sees or changes it (anyone else: 404).
 * Every change writes its audit event in the same transaction.
 */
@Injectable()
export class KeyProjectsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly subjects: KeyProjectSubjects,
    private readonly views: KeyProjectViews,
    private readonly orgs: OrgDirectory,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async mark(ctx: RequestContext, input: CreateKeyProjectDto): Promise<KeyProjectView> {
    const subject = await this.subjects.inJurisdiction(ctx.actor, input.subjectType, input.subjectId);
    await this.assertOfficer(ctx.actor, input.officerUserId);
    try {
      const project = await withTransaction(this.dataSource, async (manager) => {
        const created = await manager.save(
          manager.create(KeyProject, {
            bureauOrgId: ctx.actor.orgId,
            subjectType: subject.type,
            subjectId: subject.id,
            subjectTitle: subject.title,
            partyOrgIds: subject.partyOrgIds,
            stage: input.stage ?? 'CONCEPT',
            officerUserId: input.officerUserId,
            note: input.note || null,
            status: 'ACTIVE',
          }),
        );
        await this.record(manager, ctx, created, 'key_project.marked', null, snapshot(created));
        return created;
      });
      return this.views.one(project, this.today());
    } catch (error) {
      if (uniqueViolation(error) !== 'key_projects_one_active') throw error;
      const existing = await this.dataSource.manager.findOneBy(KeyProject, {
        bureauOrgId: ctx.actor.orgId,
        subjectType: subject.type,
        subjectId: subject.id,
        status: 'ACTIVE',
      });
      throw new DomainError('CONFLICT', 'This is already one of your key projects', {
        ...(existing && { keyProjectId: existing.id }),
      });
    }
  }

  /** The bureau's board: its projects by stage (every stage, in order), optionally one officer's. */
  async board(actor: Actor, query: KeyProjectBoardQueryDto) {
    const projects = await this.dataSource.manager.find(KeyProject, {
      where: {
        bureauOrgId: actor.orgId,
        status: query.status ?? 'ACTIVE',
        ...(query.officerUserId && { officerUserId: query.officerUserId }),
      },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: 500,
    });
    const today = this.today();
    const items = await this.views.many(projects, today);
    return {
      columns: groupByStage(items),
      total: items.length,
      overdueCount: items.reduce((sum, item) => sum + item.overdueCount, 0),
      today,
    };
  }

  async get(actor: Actor, id: string): Promise<KeyProjectView> {
    const project = await this.dataSource.manager.findOneBy(KeyProject, { id, bureauOrgId: actor.orgId });
    if (!project) throw new NotFoundError('KeyProject');
    return this.views.one(project, this.today());
  }

  async update(ctx: RequestContext, id: string, patch: UpdateKeyProjectDto): Promise<KeyProjectView> {
    if (patch.officerUserId) await this.assertOfficer(ctx.actor, patch.officerUserId);
    const project = await withTransaction(this.dataSource, async (manager) => {
      const locked = await this.lockOwn(manager, ctx.actor, id);
      assertActive(locked.status, 'UPDATED');
      if (patch.stage) assertStageChange(locked.status, locked.stage, patch.stage);
      const before = snapshot(locked);
      if (patch.stage) locked.stage = patch.stage;
      if (patch.officerUserId) locked.officerUserId = patch.officerUserId;
      if (patch.note !== undefined) locked.note = patch.note || null;
      await manager.save(locked);
      const action = patch.stage && patch.stage !== before.stage ? 'key_project.stage_changed' : 'key_project.updated';
      await this.record(manager, ctx, locked, action, before, snapshot(locked));
      return locked;
    });
    return this.views.one(project, this.today());
  }

  async close(ctx: RequestContext, id: string, reason: string): Promise<KeyProjectView> {
    const project = await withTransaction(this.dataSource, async (manager) => {
      const locked = await this.lockOwn(manager, ctx.actor, id);
      assertActive(locked.status, 'CLOSED');
      const before = snapshot(locked);
      locked.status = 'CLOSED';
      locked.closedAt = this.clock.now();
      locked.closeReason = reason;
      await manager.save(locked);
      await this.record(manager, ctx, locked, 'key_project.closed', before, snapshot(locked));
      return locked;
    });
    return this.views.one(project, this.today());
  }

  async addMilestone(ctx: RequestContext, id: string, input: CreateMilestoneDto): Promise<KeyProjectView> {
    const today = this.today();
    assertDoneOn(input.doneOn, today);
    const project = await withTransaction(this.dataSource, async (manager) => {
      const locked = await this.lockOwn(manager, ctx.actor, id);
      assertActive(locked.status, 'MILESTONE_ADDED');
      const milestone = await manager.save(
        manager.create(KeyProjectMilestone, {
          keyProjectId: locked.id,
          stage: input.stage,
          title: input.title,
          dueOn: input.dueOn,
          doneOn: input.doneOn ?? null,
          note: input.note || null,
        }),
      );
      await this.record(manager, ctx, locked, 'key_project.milestone_added', null, milestoneSnapshot(milestone));
      return locked;
    });
    return this.views.one(project, today);
  }

  async updateMilestone(
    ctx: RequestContext,
    id: string,
    milestoneId: string,
    patch: UpdateMilestoneDto,
  ): Promise<KeyProjectView> {
    const today = this.today();
    assertDoneOn(patch.doneOn, today);
    const project = await withTransaction(this.dataSource, async (manager) => {
      const locked = await this.lockOwn(manager, ctx.actor, id);
      assertActive(locked.status, 'MILESTONE_UPDATED');
      const milestone = await manager.findOneBy(KeyProjectMilestone, { id: milestoneId, keyProjectId: locked.id });
      if (!milestone) throw new NotFoundError('Milestone');
      const before = milestoneSnapshot(milestone);
      if (patch.title !== undefined) milestone.title = patch.title;
      if (patch.dueOn !== undefined) milestone.dueOn = patch.dueOn;
      if (patch.doneOn !== undefined) milestone.doneOn = patch.doneOn;
      if (patch.note !== undefined) milestone.note = patch.note || null;
      await manager.save(milestone);
      await this.record(manager, ctx, locked, 'key_project.milestone_updated', before, milestoneSnapshot(milestone));
      return locked;
    });
    return this.views.one(project, today);
  }

  /**
   * What the subject's parties see: which bureaus track it, by whom (name only) and at which stage. A
   * bureau covering the subject sees the same; anyone else gets the subject's 404.
   */
  async tracking(actor: Actor, type: KeyProjectSubjectType, subjectId: string) {
    const subject = await this.subjects.find(type, subjectId);
    const party = !!subject && subject.partyOrgIds.includes(actor.orgId);
    if (!subject || !(party || actor.orgKind === 'ADMIN' || (await this.subjects.covers(actor, subject.partyOrgIds)))) {
      throw new NotFoundError(type === 'RESULT' ? 'Result' : type === 'DEMAND' ? 'Demand' : 'Order');
    }
    const projects = await this.dataSource.manager.find(KeyProject, {
      where: { subjectType: type, subjectId, status: 'ACTIVE' },
      order: { createdAt: 'ASC' },
    });
    const [bureaus, officers] = await Promise.all([
      this.orgs.namesOf(projects.map((p) => p.bureauOrgId)),
      this.orgs.userNamesOf(projects.map((p) => p.officerUserId)),
    ]);
    return {
      items: projects.map((p) => ({
        bureauName: bureaus.get(p.bureauOrgId) ?? '',
        officerName: officers.get(p.officerUserId) ?? '',
        stage: p.stage,
        since: p.createdAt,
      })),
    };
  }

  /** Subjects in the bureau's jurisdiction it may mark, each saying whether it already tracks it. */
  async candidates(actor: Actor, type: KeyProjectSubjectType, q: string | undefined) {
    const found = await this.subjects.candidates(actor, type, q);
    const tracked = found.length
      ? await this.dataSource.manager.findBy(KeyProject, {
          bureauOrgId: actor.orgId,
          subjectType: type,
          subjectId: In(found.map((s) => s.id)),
          status: 'ACTIVE',
        })
      : [];
    const trackedIds = new Set(tracked.map((p) => p.subjectId));
    return { items: found.map((s) => ({ id: s.id, title: s.title, tracked: trackedIds.has(s.id) })) };
  }

  private async assertOfficer(actor: Actor, userId: string): Promise<void> {
    if (!(await this.orgs.activeMember(actor.orgId, userId))) {
      throw fieldInvalid('officerUserId', 'officerUserId must be an active member of your bureau');
    }
  }

  private async lockOwn(manager: EntityManager, actor: Actor, id: string): Promise<KeyProject> {
    const project = await manager.findOne(KeyProject, {
      where: { id, bureauOrgId: actor.orgId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!project) throw new NotFoundError('KeyProject');
    return project;
  }

  private today(): string {
    return chinaDate(this.clock.now());
  }

  private record(
    manager: EntityManager,
    ctx: RequestContext,
    project: KeyProject,
    action: string,
    before: Record<string, unknown> | null,
    after: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(manager, {
      actor: { userId: ctx.actor.userId, orgId: ctx.actor.orgId },
      action,
      entityType: 'key_project',
      entityId: project.id,
      subjectOrgId: project.partyOrgIds[0],
      before,
      after,
      requestId: ctx.requestId,
    });
  }
}

function snapshot(p: KeyProject): Record<string, unknown> & { stage: string } {
  return {
    subjectType: p.subjectType,
    subjectId: p.subjectId,
    stage: p.stage,
    officerUserId: p.officerUserId,
    note: p.note,
    status: p.status,
    closeReason: p.closeReason,
  };
}

function milestoneSnapshot(m: KeyProjectMilestone): Record<string, unknown> {
  return { milestoneId: m.id, stage: m.stage, title: m.title, dueOn: m.dueOn, doneOn: m.doneOn, note: m.note };
}
