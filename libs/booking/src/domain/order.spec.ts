import { InvalidStateTransitionError } from '@pilotlink/core';
import {
  availableOrderActions,
  contractOutcome,
  ORDER_ACTION_RULES,
  ORDER_ACTIONS,
  ORDER_STATUSES,
  owedFen,
  paymentProblem,
  planOrderAction,
  reachableFrom,
  reviewScore,
  serviceOrderAmountFen,
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

  it('offers each party exactly the actions the guard would let it take', () => {
    const unconfirmed = { smeConfirmedAt: null, platformConfirmedAt: null };
    for (const status of ORDER_STATUSES) {
      for (const party of ['SME', 'PLATFORM'] as const) {
        const offered = availableOrderActions({ status, ...unconfirmed }, party, false);
        for (const action of ORDER_ACTIONS) {
          const allowed = (() => {
            try {
              planOrderAction(action, status, party);
              return true;
            } catch {
              return false;
            }
          })();
          expect([status, party, action, offered.includes(action)]).toEqual([status, party, action, allowed]);
        }
      }
    }
    expect(availableOrderActions({ status: 'DELIVERED', ...unconfirmed }, 'SME', false)).toEqual([
      'complete',
      'dispute',
    ]);
    expect(availableOrderActions({ status: 'DISPUTED', ...unconfirmed }, 'PLATFORM', false)).toEqual(['start']);
    const smeConfirmed = { smeConfirmedAt: new Date(), platformConfirmedAt: null };
    expect(availableOrderActions({ status: 'ACCEPTED', ...smeConfirmed }, 'SME', false)).toEqual(['cancel']);
    expect(availableOrderActions({ status: 'ACCEPTED', ...smeConfirmed }, 'PLATFORM', false)).toEqual([
      'contract',
      'cancel',
    ]);
    expect(availableOrderActions({ status: 'REQUESTED', ...unconfirmed }, 'SME', true)).toEqual([]);
    expect(availableOrderActions({ status: 'REQUESTED', ...unconfirmed }, null, false)).toEqual([]);
  });

  it('contracting needs both confirmations', () => {
    expect(contractOutcome({ sme: true, platform: false })).toBe('ACCEPTED');
    expect(contractOutcome({ sme: true, platform: true })).toBe('CONTRACTED');
  });
});

describe('order money rules', () => {
  it('owes the agreed amount minus deductions and payments', () => {
    expect(owedFen({ agreedAmountFen: 100_000 }, 30_000)).toBe(70_000);
    expect(owedFen({ agreedAmountFen: 100_000, deductedFen: 40_000 }, 30_000)).toBe(30_000);
  });

  it.each([
    [0, 1_000, 'NOT_POSITIVE'],
    [-5, 1_000, 'NOT_POSITIVE'],
    [1.5, 1_000, 'NOT_POSITIVE'],
    [1_001, 1_000, 'EXCEEDS_OWED'],
    [1_000, 1_000, null],
    [1, 1_000, null],
  ])('payment of %p with %p owed → %p', (amount, owed, problem) => {
    expect(paymentProblem(amount, owed)).toBe(problem);
  });

  it('prices a direct order: fixed once, unit × quantity, quote-priced not at all', () => {
    expect(serviceOrderAmountFen({ pricingKind: 'FIXED', priceFen: 500_000 }, 3)).toBe(500_000);
    expect(serviceOrderAmountFen({ pricingKind: 'UNIT', priceFen: 12_000 }, 7)).toBe(84_000);
    expect(serviceOrderAmountFen({ pricingKind: 'QUOTE', priceFen: null }, 1)).toBeNull();
  });

  it('scores a review as the mean of its three ratings', () => {
    expect(reviewScore({ quality: 5, timeliness: 4, communication: 3 })).toBe(4);
  });
});
