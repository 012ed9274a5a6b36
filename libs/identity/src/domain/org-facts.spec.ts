import { canTransition } from '@pilotlink/core';
import {
  amendRequest,
  changedFacts,
  CORRECTION_TRANSITIONS,
  EligibilityFacts,
  isEmptyRequest,
  shareholderProblem,
} from './org-facts';

const verified: EligibilityFacts = {
  techSme: false,
  legalRepresentative: '陈明',
  shareholders: [
    { holderKey: '91350582MA2Y000001', holderName: '福建恒信投资有限公司', shareBp: 6000 },
    { holderKey: 'person-lin', holderName: '林某某', shareBp: 4000 },
  ],
};

describe('eligibility facts: what a correction request asks for', () => {
  it('keeps only the facts that differ from the verified ones', () => {
    expect(changedFacts(verified, { techSme: true, legalRepresentative: '陈明' })).toEqual({ techSme: true });
    expect(changedFacts(verified, { techSme: false })).toEqual({});
    expect(isEmptyRequest(changedFacts(verified, {}))).toBe(true);
  });

  it('compares shareholders as a set: the same holders in another order change nothing', () => {
    const reordered = [...verified.shareholders].reverse();
    expect(changedFacts(verified, { shareholders: reordered })).toEqual({});
    const diluted = [{ ...verified.shareholders[0], shareBp: 4999 }, verified.shareholders[1]];
    expect(changedFacts(verified, { shareholders: diluted })).toEqual({ shareholders: diluted });
    expect(changedFacts(verified, { shareholders: [] })).toEqual({ shareholders: [] });
  });

  it('a later change amends the pending request; a fact set back to its verified value drops out', () => {
    const pending = { techSme: true };
    expect(amendRequest(verified, pending, { legalRepresentative: '林华' })).toEqual({
      techSme: true,
      legalRepresentative: '林华',
    });
    expect(amendRequest(verified, pending, { techSme: false })).toEqual({});
  });

  it('shareholders: at most 100 % in total, each holder once', () => {
    expect(shareholderProblem(verified.shareholders)).toBeNull();
    expect(shareholderProblem([...verified.shareholders, { holderKey: 'x', holderName: '某', shareBp: 1 }])).toBe(
      'Shares add up to more than 100 %',
    );
    expect(shareholderProblem([verified.shareholders[1], { ...verified.shareholders[1], shareBp: 1 }])).toBe(
      'Each shareholder once',
    );
  });

  it('a decided or withdrawn request is closed', () => {
    for (const to of ['APPROVED', 'REJECTED', 'CANCELLED'] as const) {
      expect(canTransition(CORRECTION_TRANSITIONS, 'PENDING', to)).toBe(true);
    }
    for (const from of ['APPROVED', 'REJECTED', 'CANCELLED'] as const) {
      expect(CORRECTION_TRANSITIONS[from]).toEqual([]);
    }
  });
});
