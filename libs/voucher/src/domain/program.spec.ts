import { InvalidStateTransitionError } from '@pilotlink/core';
import { assertProgramTransition, meetsRecognition, PROGRAM_STATUSES, servicePurposes } from './program';

describe('program states', () => {
  it.each([
    ['DRAFT', 'OPEN', true],
    ['DRAFT', 'CLOSED', true],
    ['OPEN', 'CLOSED', true],
    ['OPEN', 'DRAFT', false],
    ['CLOSED', 'OPEN', false],
    ['CLOSED', 'DRAFT', false],
    ['OPEN', 'OPEN', false],
  ] as const)('%s → %s allowed: %p', (from, to, allowed) => {
    if (allowed) expect(() => assertProgramTransition(from, to)).not.toThrow();
    else expect(() => assertProgramTransition(from, to)).toThrow(InvalidStateTransitionError);
  });

  it('names the entity in the error', () => {
    expect(() => assertProgramTransition('CLOSED', 'OPEN')).toThrow('VoucherProgram cannot go from CLOSED to OPEN');
    expect(PROGRAM_STATUSES).toEqual(['DRAFT', 'OPEN', 'CLOSED']);
  });
});

describe('program eligibility helpers', () => {
  it.each([
    ['NONE', 'NONE', true],
    ['NONE', 'CITY', false],
    ['CITY', 'CITY', true],
    ['CITY', 'PROVINCE', false],
    ['PROVINCE', 'CITY', true],
    ['NATIONAL', 'PROVINCE', true],
    ['PROVINCE', 'NATIONAL', false],
    ['SOMETHING', 'NONE', false],
  ] as const)('a %s platform meets a %s minimum: %p', (level, minimum, expected) => {
    expect(meetsRecognition(level, minimum)).toBe(expected);
  });

  it('a service not voucher-eligible is statutory testing', () => {
    expect(servicePurposes({ voucherEligible: false })).toEqual(['STATUTORY_TESTING']);
    expect(servicePurposes({ voucherEligible: true })).toEqual([]);
  });
});
