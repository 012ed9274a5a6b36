import { InvalidStateTransitionError } from '@pilotlink/core';
import {
  contractOutcome,
  ORDER_ACTION_RULES,
  ORDER_ACTIONS,
  ORDER_STATUSES,
  planOrderAction,
  reachableFrom,
} from './order';

describe('order transition table', () => {
  it('follows SPEC §5', () => {
    expect(reachableFrom('REQUESTED').sort()).toEqual(['ACCEPTED', 'CANCELLED', 'REJECTED']);
    expect(reachableFrom('ACCEPTED').sort()).toEqual(['CANCELLED', 'CONTRACTED']);
    expect(reachableFrom('CONTRACTED').sort()).toEqual(['CANCELLED', 'IN_PROGRESS']);
    expect(reachableFrom('IN_PROGRESS')).toEqual(['DELIVERED']);
    expect(reachableFrom('DELIVERED').sort()).toEqual(['COMPLETED', 'DISPUTED']);
    for (const terminal of ['REJECTED', 'COMPLETED', 'CANCELLED'] as const) expect(reachableFrom(terminal)).toEqual([]);
  });

  it('no cancellation once work has started', () => {
    for (const state of ['IN_PROGRESS', 'DELIVERED', 'COMPLETED', 'DISPUTED'] as const) {
      expect(() => planOrderAction('cancel', state, 'SME')).toThrow(InvalidStateTransitionError);
    }
  });

  it('every action from every state either moves per the table or is a 409', () => {
    for (const action of ORDER_ACTIONS) {
      const rule = ORDER_ACTION_RULES[action];
      for (const state of ORDER_STATUSES) {
        const party = rule.by[0];
        if (rule.from.includes(state)) expect(planOrderAction(action, state, party)).toBe(rule.to);
        else expect(() => planOrderAction(action, state, party)).toThrow(InvalidStateTransitionError);
      }
    }
  });

  it('the wrong party is refused whatever the state', () => {
    expect(() => planOrderAction('accept', 'REQUESTED', 'SME')).toThrow(/Only the platform/);
    expect(() => planOrderAction('complete', 'DELIVERED', 'PLATFORM')).toThrow(/Only the sme/);
    expect(() => planOrderAction('deliver', 'COMPLETED', 'SME')).toThrow(/Only the platform/);
  });

  it('contracting needs both confirmations', () => {
    expect(contractOutcome({ sme: true, platform: false })).toBe('ACCEPTED');
    expect(contractOutcome({ sme: true, platform: true })).toBe('CONTRACTED');
  });
});
