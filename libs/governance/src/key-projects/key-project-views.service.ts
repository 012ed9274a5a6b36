import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OrgDirectory } from '@pilotlink/identity';
import { DataSource, In } from 'typeorm';
import { isOverdue } from '../domain/key-project';
import type { KeyProjectResponseDto } from '../dto/key-project.response.dto';
import { KeyProject, KeyProjectMilestone } from './key-project.entity';

export type KeyProjectView = KeyProjectResponseDto;

/** Key projects as the bureau sees them: the officer's name, milestones by due date, overdue judged today. */
@Injectable()
export class KeyProjectViews {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly orgs: OrgDirectory,
  ) {}

  async one(project: KeyProject, today: string): Promise<KeyProjectView> {
    const [view] = await this.many([project], today);
    return view;
  }

  async many(projects: readonly KeyProject[], today: string): Promise<KeyProjectView[]> {
    if (projects.length === 0) return [];
    const [milestones, officers] = await Promise.all([
      this.dataSource.manager.find(KeyProjectMilestone, {
        where: { keyProjectId: In(projects.map((p) => p.id)) },
        order: { dueOn: 'ASC', createdAt: 'ASC' },
      }),
      this.orgs.userNamesOf(projects.map((p) => p.officerUserId)),
    ]);
    return projects.map((p) => {
      const own = milestones
        .filter((m) => m.keyProjectId === p.id)
        .map((m) => ({
          id: m.id,
          stage: m.stage,
          title: m.title,
          dueOn: m.dueOn,
          doneOn: m.doneOn,
          note: m.note,
          overdue: isOverdue(m, today),
        }));
      return {
        id: p.id,
        subjectType: p.subjectType,
        subjectId: p.subjectId,
        subjectTitle: p.subjectTitle,
        stage: p.stage,
        status: p.status,
        officer: { id: p.officerUserId, displayName: officers.get(p.officerUserId) ?? '' },
        note: p.note,
        closedAt: p.closedAt,
        closeReason: p.closeReason,
        milestones: own,
        overdueCount: own.filter((m) => m.overdue).length,
        createdAt: p.createdAt,
        updatedAt: p.updatedAt,
      };
    });
  }
}
