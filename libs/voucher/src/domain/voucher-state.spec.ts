import { InvalidStateTransitionError } from '@pilotlink/core';
import {
  addCalendarDays,
  APPLICATION_STATUSES,
  APPLICATION_TRANSITIONS,
  assertApplicationTransition,
  assertClaimTransition,
  assertHoldTransition,
  assertVoucherTransition,
  blocksNewApplication,
  CLAIM_STATUSES,
  CLAIM_TRANSITIONS,
  HOLD_STATUSES,
  HOLD_TRANSITIONS,
  VOUCHER_STATUSES,
  VOUCHER_TRANSITIONS,
  voucherStatusFor,
  voucherValidity,
} from './voucher-state';

/** Every (from, to) pair, split into the allowed ones and the rest, so the table is tested whole. */
function pairs<S extends string>(statuses: readonly S[], table: Record<S, readonly S[]>) {
  const all = statuses.flatMap((from) => statuses.map((to) => [from, to] as [S, S]));
  return {
    allowed: all.filter(([from, to]) => table[from].includes(to)),
    refused: all.filter(([from, to]) => !table[from].includes(to)),
  };
}

describe('voucher states', () => {
  it('the table is SPEC §6', () => {
    expect(pairs(VOUCHER_STATUSES, VOUCHER_TRANSITIONS).allowed).toEqual([
      ['ACTIVE', 'EXHAUSTED'],
      ['ACTIVE', 'EXPIRED'],
      ['ACTIVE', 'REVOKED'],
      ['EXHAUSTED', 'ACTIVE'],
      ['EXHAUSTED', 'EXPIRED'],
      ['EXHAUSTED', 'REVOKED'],
    ]);
  });

  it('allows what the table allows and refuses the rest with a 409 error', () => {
    const { allowed, refused } = pairs(VOUCHER_STATUSES, VOUCHER_TRANSITIONS);
    for (const [from, to] of allowed) expect(() => assertVoucherTransition(from, to)).not.toThrow();
    for (const [from, to] of refused)
      expect(() => assertVoucherTransition(from, to)).toThrow(InvalidStateTransitionError);
    expect(() => assertVoucherTransition('EXPIRED', 'ACTIVE')).toThrow('Voucher cannot go from EXPIRED to ACTIVE');
  });

  it.each([
    [1, 'ACTIVE', 'ACTIVE'],
    [0, 'ACTIVE', 'EXHAUSTED'],
    [0, 'EXHAUSTED', 'EXHAUSTED'],
    [1, 'EXHAUSTED', 'ACTIVE'],
    [50_000, 'EXPIRED', 'EXPIRED'],
    [0, 'EXPIRED', 'EXPIRED'],
    [50_000, 'REVOKED', 'REVOKED'],
  ] as const)('balance %p while %s → %s', (balance, current, expected) => {
    expect(voucherStatusFor(balance, current)).toBe(expected);
  });

  it('refuses a negative or fractional balance', () => {
    expect(() => voucherStatusFor(-1, 'ACTIVE')).toThrow(RangeError);
    expect(() => voucherStatusFor(0.5, 'ACTIVE')).toThrow(RangeError);
  });
});

describe('application, hold and claim states', () => {
  it('applications: PENDING → APPROVED | REJECTED | WITHDRAWN, all final', () => {
    const { allowed, refused } = pairs(APPLICATION_STATUSES, APPLICATION_TRANSITIONS);
    expect(allowed).toEqual([
      ['PENDING', 'APPROVED'],
      ['PENDING', 'REJECTED'],
      ['PENDING', 'WITHDRAWN'],
    ]);
    for (const [from, to] of allowed) expect(() => assertApplicationTransition(from, to)).not.toThrow();
    for (const [from, to] of refused) {
      expect(() => assertApplicationTransition(from, to)).toThrow(InvalidStateTransitionError);
    }
  });

  it('holds: HELD → CLAIMED | RELEASED; CLAIMED → CONVERTED | RELEASED; CONVERTED → RELEASED (objection upheld)', () => {
    const { allowed, refused } = pairs(HOLD_STATUSES, HOLD_TRANSITIONS);
    expect(allowed).toEqual([
      ['HELD', 'CLAIMED'],
      ['HELD', 'RELEASED'],
      ['CLAIMED', 'CONVERTED'],
      ['CLAIMED', 'RELEASED'],
      ['CONVERTED', 'RELEASED'],
    ]);
    for (const [from, to] of allowed) expect(() => assertHoldTransition(from, to)).not.toThrow();
    for (const [from, to] of refused) expect(() => assertHoldTransition(from, to)).toThrow(InvalidStateTransitionError);
    // a rejected claim releases its hold rather than putting it back to HELD
    expect(() => assertHoldTransition('CLAIMED', 'HELD')).toThrow(InvalidStateTransitionError);
    expect(() => assertHoldTransition('HELD', 'CONVERTED')).toThrow(InvalidStateTransitionError);
  });

  it('claims: SUBMITTED → APPROVED | REJECTED; APPROVED → PAID | UNDER_OBJECTION → APPROVED | REJECTED', () => {
    const { allowed, refused } = pairs(CLAIM_STATUSES, CLAIM_TRANSITIONS);
    expect(allowed).toEqual([
      ['SUBMITTED', 'APPROVED'],
      ['SUBMITTED', 'REJECTED'],
      ['APPROVED', 'UNDER_OBJECTION'],
      ['APPROVED', 'PAID'],
      ['UNDER_OBJECTION', 'APPROVED'],
      ['UNDER_OBJECTION', 'REJECTED'],
    ]);
    for (const [from, to] of allowed) expect(() => assertClaimTransition(from, to)).not.toThrow();
    for (const [from, to] of refused)
      expect(() => assertClaimTransition(from, to)).toThrow(InvalidStateTransitionError);
    expect(() => assertClaimTransition('SUBMITTED', 'PAID')).toThrow('Claim cannot go from SUBMITTED to PAID');
    expect(() => assertClaimTransition('REJECTED', 'APPROVED')).toThrow(InvalidStateTransitionError);
    // a claim under objection is not paid until the objection is dismissed
    expect(() => assertClaimTransition('UNDER_OBJECTION', 'PAID')).toThrow(InvalidStateTransitionError);
  });
});

describe('one open application per SME and program', () => {
  it('only a pending application blocks a new one; a rejected or withdrawn one does not', () => {
    expect(APPLICATION_STATUSES.filter(blocksNewApplication)).toEqual(['PENDING']);
  });
});

describe('voucher validity dates', () => {
  it.each([
    ['2026-03-01', 30, '2026-03-30'],
    ['2026-03-01', 1, '2026-03-01'],
    ['2026-12-15', 365, '2027-12-14'],
    ['2028-02-01', 29, '2028-02-29'],
  ])('issued %s for %p days → valid until %s', (issuedOn, days, until) => {
    expect(voucherValidity(issuedOn, days)).toEqual({ validFrom: issuedOn, validUntil: until });
  });

  it('refuses impossible input', () => {
    expect(() => voucherValidity('2026-03-01', 0)).toThrow(RangeError);
    expect(() => addCalendarDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addCalendarDays('1 March 2026', 1)).toThrow(RangeError);
  });
});
