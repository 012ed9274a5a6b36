import { DomainError } from '@pilotlink/core';
import { assertActive, assertDoneOn, assertStageChange, groupByStage, isOverdue } from './key-project';

const codeOf = (work: () => void) => {
  try {
    work();
    return null;
  } catch (error) {
    return (error as DomainError).code;
  }
};

describe('key projects (重点项目): stages and overdue milestones', () => {
  it('moves forward along 概念验证 → 小试 → 中试熟化 → 产业化, may skip, never goes back', () => {
    expect(codeOf(() => assertStageChange('ACTIVE', 'CONCEPT', 'LAB'))).toBeNull();
    expect(codeOf(() => assertStageChange('ACTIVE', 'CONCEPT', 'PILOT'))).toBeNull();
    expect(codeOf(() => assertStageChange('ACTIVE', 'PILOT', 'PILOT'))).toBeNull();
    expect(codeOf(() => assertStageChange('ACTIVE', 'PILOT', 'LAB'))).toBe('INVALID_STATE_TRANSITION');
    expect(codeOf(() => assertStageChange('ACTIVE', 'INDUSTRIALISATION', 'CONCEPT'))).toBe('INVALID_STATE_TRANSITION');
  });

  it('a closed project neither moves nor changes', () => {
    expect(codeOf(() => assertStageChange('CLOSED', 'LAB', 'PILOT'))).toBe('INVALID_STATE_TRANSITION');
    expect(codeOf(() => assertActive('CLOSED', 'CLOSED'))).toBe('INVALID_STATE_TRANSITION');
    expect(codeOf(() => assertActive('ACTIVE', 'CLOSED'))).toBeNull();
  });

  it('a milestone is overdue when its due date has passed and it is not done', () => {
    const today = '2026-03-10';
    expect(isOverdue({ dueOn: '2026-03-09', doneOn: null }, today)).toBe(true);
    expect(isOverdue({ dueOn: '2026-03-10', doneOn: null }, today)).toBe(false); // due today: not yet
    expect(isOverdue({ dueOn: '2026-03-11', doneOn: null }, today)).toBe(false);
    expect(isOverdue({ dueOn: '2026-03-01', doneOn: '2026-03-05' }, today)).toBe(false); // done late, not overdue
  });

  it('a milestone cannot be done in the future (the field is named)', () => {
    expect(codeOf(() => assertDoneOn('2026-03-10', '2026-03-10'))).toBeNull();
    expect(codeOf(() => assertDoneOn(null, '2026-03-10'))).toBeNull();
    let fields: unknown;
    try {
      assertDoneOn('2026-03-11', '2026-03-10');
    } catch (error) {
      fields = (error as DomainError).details?.fields;
    }
    expect(fields).toEqual([{ field: 'doneOn', errors: [expect.any(String)] }]);
  });

  it('the board has every stage in order, empty ones too', () => {
    const board = groupByStage([
      { id: 'a', stage: 'PILOT' as const },
      { id: 'b', stage: 'CONCEPT' as const },
      { id: 'c', stage: 'PILOT' as const },
    ]);
    expect(board.map((c) => [c.stage, c.items.map((i) => i.id)])).toEqual([
      ['CONCEPT', ['b']],
      ['LAB', []],
      ['PILOT', ['a', 'c']],
      ['INDUSTRIALISATION', []],
    ]);
  });
});
