import { fieldInvalid, InvalidStateTransitionError } from '@pilotlink/core';

/*
 * 重点项目清单 (SPEC §4a; issue 21). The Guangzhou plan (seeds/004, (十二)提升成果孵化綜合能力) asks for it:
 * "開辟“概念驗證—小試—中試熟化—產業化應用”科技成果轉化“快車道”……建立概念驗證、中試驗證產業化項目清單,
 * 指定專人跟蹤服務重點項目". A bureau marks a result, a demand or an order as a key project, names the
 * officer who follows it (專人跟蹤) and records milestones along those four stages.
 */

/** The four stages of the plan's 快車道, in order: 概念验证 → 小试 → 中试熟化 → 产业化. */
export const KEY_PROJECT_STAGES = ['CONCEPT', 'LAB', 'PILOT', 'INDUSTRIALISATION'] as const;
export type KeyProjectStage = (typeof KEY_PROJECT_STAGES)[number];

/** What a bureau may mark: a research result, an SME's demand or an order. */
export const KEY_PROJECT_SUBJECTS = ['RESULT', 'DEMAND', 'ORDER'] as const;
export type KeyProjectSubjectType = (typeof KEY_PROJECT_SUBJECTS)[number];

export const KEY_PROJECT_STATUSES = ['ACTIVE', 'CLOSED'] as const;
export type KeyProjectStatus = (typeof KEY_PROJECT_STATUSES)[number];

export function stageIndex(stage: KeyProjectStage): number {
  return KEY_PROJECT_STAGES.indexOf(stage);
}

/**
 * A project moves forward along the stages (it may skip one: a result verified elsewhere goes straight to
 * 中试熟化), never back; staying where it is changes nothing. A closed project does not move at all.
 */
export function assertStageChange(status: KeyProjectStatus, from: KeyProjectStage, to: KeyProjectStage): void {
  if (status !== 'ACTIVE') throw new InvalidStateTransitionError('KeyProject', status, to);
  if (stageIndex(to) < stageIndex(from)) throw new InvalidStateTransitionError('KeyProject', from, to);
}

/** Only an active project is changed (officer, milestones) or closed; a closed one is a record. */
export function assertActive(status: KeyProjectStatus, attempted: string): void {
  if (status !== 'ACTIVE') throw new InvalidStateTransitionError('KeyProject', status, attempted);
}

export interface MilestoneDates {
  dueOn: string;
  doneOn: string | null;
}

/** Overdue: due before today (China calendar date, YYYY-MM-DD) and not done. Due today is not overdue yet. */
export function isOverdue(milestone: MilestoneDates, today: string): boolean {
  return milestone.doneOn === null && milestone.dueOn < today;
}

/** A milestone is done on a day that has happened: `doneOn` after today is refused, naming the field. */
export function assertDoneOn(doneOn: string | null | undefined, today: string): void {
  if (doneOn && doneOn > today) throw fieldInvalid('doneOn', 'doneOn must not be after today');
}

/** The board's columns: every stage in order, each with its projects (empty stages included). */
export function groupByStage<T extends { stage: KeyProjectStage }>(
  items: readonly T[],
): { stage: KeyProjectStage; items: T[] }[] {
  return KEY_PROJECT_STAGES.map((stage) => ({ stage, items: items.filter((item) => item.stage === stage) }));
}
