import { Injectable, Logger } from '@nestjs/common';
import { chinaDate } from '@pilotlink/core';
import { KeyProjectsService } from '@pilotlink/governance';
import type { KeyProjectStage } from '@pilotlink/governance';
import type { RequestContext } from '@pilotlink/core';
import { StoryKit } from './story-kit.service';

const DAY_MS = 86_400_000;

interface DemoKeyProject {
  bureau: string;
  subjectType: 'RESULT' | 'DEMAND';
  title: string;
  stage: KeyProjectStage;
  note: string;
  /** Days from today; done when `doneIn` is set. */
  milestones: { stage: KeyProjectStage; title: string; dueIn: number; doneIn?: number }[];
}

/** Two key projects (重点项目清单, Guangzhou plan (十二)): one with a milestone overdue, one just marked. */
const DEMO_KEY_PROJECTS: DemoKeyProject[] = [
  {
    bureau: 'bureau.quanzhou@demo.pilotlink.cn',
    subjectType: 'RESULT',
    title: '伺服电机高精度驱动控制技术',
    stage: 'LAB',
    note: '拟对接晋江伺服电机小批量试产需求，协调中试线场地',
    milestones: [
      { stage: 'CONCEPT', title: '概念验证报告评审', dueIn: -60, doneIn: -55 },
      { stage: 'LAB', title: '完成小试样机 20 台性能测试', dueIn: -5 },
      { stage: 'PILOT', title: '中试线工艺放大方案通过专家论证', dueIn: 60 },
    ],
  },
  {
    bureau: 'bureau.guangzhou@demo.pilotlink.cn',
    subjectType: 'DEMAND',
    title: '多旋翼无人机飞控半实物仿真验证',
    stage: 'CONCEPT',
    note: '低空经济重点培育方向，跟踪揭榜对接进度',
    milestones: [{ stage: 'CONCEPT', title: '完成仿真验证服务对接', dueIn: 20 }],
  },
];

/**
 * The demo's key projects, marked through KeyProjectsService (audited like any bureau's), after the story
 * and the research seed (the result must exist). Idempotent: a bureau that has key projects is left alone.
 */
@Injectable()
export class DemoKeyProjectsSeed {
  private readonly logger = new Logger(DemoKeyProjectsSeed.name);

  constructor(
    private readonly kit: StoryKit,
    private readonly keyProjects: KeyProjectsService,
  ) {}

  async run(): Promise<{ created: number }> {
    let created = 0;
    for (const demo of DEMO_KEY_PROJECTS) {
      const ctx = await this.kit.as(demo.bureau);
      if (await this.hasAny(ctx)) continue;
      const { items } = await this.keyProjects.candidates(ctx.actor, demo.subjectType, demo.title);
      const subject = items.find((item) => item.title === demo.title);
      if (!subject) {
        this.logger.warn(`demo key project skipped: "${demo.title}" is not there`);
        continue;
      }
      const project = await this.keyProjects.mark(ctx, {
        subjectType: demo.subjectType,
        subjectId: subject.id,
        officerUserId: ctx.actor.userId,
        stage: demo.stage,
        note: demo.note,
      });
      for (const m of demo.milestones) {
        await this.keyProjects.addMilestone(ctx, project.id, {
          stage: m.stage,
          title: m.title,
          dueOn: day(m.dueIn),
          ...(m.doneIn !== undefined && { doneOn: day(m.doneIn) }),
        });
      }
      created += 1 + demo.milestones.length;
    }
    return { created };
  }

  private async hasAny(ctx: RequestContext): Promise<boolean> {
    for (const status of ['ACTIVE', 'CLOSED'] as const) {
      if ((await this.keyProjects.board(ctx.actor, { status })).total > 0) return true;
    }
    return false;
  }
}

function day(days: number): string {
  return chinaDate(new Date(Date.now() + days * DAY_MS));
}
