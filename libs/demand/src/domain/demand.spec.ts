import { canTransition } from '@pilotlink/core';
import { budgetBandOf, DEMAND_TRANSITIONS, QUOTE_TRANSITIONS } from './demand';

describe('demand and quote state tables', () => {
  it('a demand is published once and ends in exactly one terminal state', () => {
    expect(canTransition(DEMAND_TRANSITIONS, 'DRAFT', 'OPEN')).toBe(true);
    expect(canTransition(DEMAND_TRANSITIONS, 'DRAFT', 'AWARDED')).toBe(false);
    for (const end of ['AWARDED', 'CLOSED', 'CANCELLED', 'EXPIRED'] as const) {
      expect(canTransition(DEMAND_TRANSITIONS, 'OPEN', end)).toBe(true);
      expect(DEMAND_TRANSITIONS[end]).toEqual([]);
    }
  });

  it('a revision request goes back to the platform; only a submitted quote can be accepted', () => {
    expect(canTransition(QUOTE_TRANSITIONS, 'SUBMITTED', 'REVISION_REQUESTED')).toBe(true);
    expect(canTransition(QUOTE_TRANSITIONS, 'REVISION_REQUESTED', 'SUBMITTED')).toBe(true);
    expect(canTransition(QUOTE_TRANSITIONS, 'REVISION_REQUESTED', 'ACCEPTED')).toBe(false);
    expect(canTransition(QUOTE_TRANSITIONS, 'SUBMITTED', 'ACCEPTED')).toBe(true);
    expect(QUOTE_TRANSITIONS.ACCEPTED).toEqual([]);
  });

  it('budget bands by the upper bound', () => {
    expect(budgetBandOf(4_999_999)).toBe('UNDER_50K');
    expect(budgetBandOf(5_000_000)).toBe('50K_200K');
    expect(budgetBandOf(150_000_000)).toBe('OVER_1M');
  });
});
