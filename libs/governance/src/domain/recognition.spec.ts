import { InvalidStateTransitionError } from '@pilotlink/core';
import {
  assertRecognitionTransition,
  bureauLevelFor,
  canRecognise,
  coversRegion,
  hasLapsed,
  RECOGNITION_STATUSES,
} from './recognition';

describe('recognition states', () => {
  it.each([
    ['PENDING', 'APPROVED', true],
    ['PENDING', 'REJECTED', true],
    ['APPROVED', 'LAPSED', true],
    ['PENDING', 'LAPSED', false],
    ['APPROVED', 'REJECTED', false],
    ['APPROVED', 'PENDING', false],
    ['REJECTED', 'APPROVED', false],
    ['REJECTED', 'PENDING', false],
    ['LAPSED', 'APPROVED', false],
    ['LAPSED', 'PENDING', false],
    ['APPROVED', 'APPROVED', false],
  ] as const)('%s → %s allowed: %p', (from, to, allowed) => {
    if (allowed) expect(() => assertRecognitionTransition(from, to)).not.toThrow();
    else expect(() => assertRecognitionTransition(from, to)).toThrow(InvalidStateTransitionError);
  });

  it('names the entity in the error', () => {
    expect(() => assertRecognitionTransition('LAPSED', 'APPROVED')).toThrow(
      'Recognition cannot go from LAPSED to APPROVED',
    );
    expect(RECOGNITION_STATUSES).toEqual(['PENDING', 'APPROVED', 'REJECTED', 'LAPSED']);
  });
});

describe('hasLapsed (valid until is inclusive)', () => {
  it.each([
    ['2025-12-31', '2025-06-30', false],
    ['2025-12-31', '2025-12-31', false],
    ['2025-12-31', '2026-01-01', true],
    ['2025-02-28', '2025-10-01', true],
  ])('valid until %s, today %s → %p', (validUntil, today, expected) => {
    expect(hasLapsed(validUntil, today)).toBe(expected);
  });

  it('refuses dates that are not YYYY-MM-DD', () => {
    expect(() => hasLapsed('2025-1-31', '2025-02-01')).toThrow(RangeError);
    expect(() => hasLapsed('2025-01-31', '2025-02-01T00:00:00Z')).toThrow(RangeError);
  });
});

describe('bureauLevelFor', () => {
  it.each([
    ['350000', 'PROVINCE'],
    ['350500', 'CITY'],
    ['350582', 'COUNTY'],
    ['330000', 'PROVINCE'],
    ['330400', 'CITY'],
    ['330402', 'COUNTY'],
    ['110000', 'PROVINCE'],
    ['110100', 'CITY'],
    ['350510', 'COUNTY'],
  ])('%s → %s', (code, level) => {
    expect(bureauLevelFor(code)).toBe(level);
  });

  it.each(['35050', '3505820', '035000', 'abcdef', ''])('refuses %p', (code) => {
    expect(() => bureauLevelFor(code)).toThrow(RangeError);
  });
});

describe('coversRegion', () => {
  it.each([
    ['350000', '350000', true],
    ['350000', '350500', true],
    ['350000', '350582', true],
    ['350500', '350500', true],
    ['350500', '350582', true],
    ['350582', '350582', true],
    ['350582', '350500', false],
    ['350500', '350000', false],
    ['350582', '350583', false],
    ['350500', '350600', false],
    ['350500', '350510', true],
    ['350000', '330400', false],
    ['330400', '330402', true],
    ['330400', '350582', false],
  ])('%s covers %s: %p', (covering, region, expected) => {
    expect(coversRegion(covering, region)).toBe(expected);
  });

  it('refuses a bad code on either side', () => {
    expect(() => coversRegion('3500', '350582')).toThrow(RangeError);
    expect(() => coversRegion('350000', '35058')).toThrow(RangeError);
  });
});

describe('canRecognise', () => {
  it.each([
    ['Quanzhou city recognises a Jinjiang platform as CITY', '350500', 'CITY', '350582', 'CITY', true],
    ['a city bureau for a platform registered at the city code', '350500', 'CITY', '350500', 'CITY', true],
    ['Fujian province recognises CITY level too', '350000', 'PROVINCE', '350582', 'CITY', true],
    ['Fujian province recognises PROVINCE level', '350000', 'PROVINCE', '350582', 'PROVINCE', true],
    ['a city bureau cannot grant PROVINCE', '350500', 'CITY', '350582', 'PROVINCE', false],
    ['a county bureau cannot grant CITY', '350582', 'COUNTY', '350582', 'CITY', false],
    ['a county bureau cannot grant PROVINCE', '350582', 'COUNTY', '350582', 'PROVINCE', false],
    ['another city', '350500', 'CITY', '350600', 'CITY', false],
    ['another province', '330000', 'PROVINCE', '350582', 'PROVINCE', false],
    ['Jiaxing cannot recognise in Jinjiang', '330400', 'CITY', '350582', 'CITY', false],
    ['no bureau grants NATIONAL (admins record it)', '350000', 'PROVINCE', '350582', 'NATIONAL', false],
    ['NONE is not a recognition', '350500', 'CITY', '350582', 'NONE', false],
    ['a level that does not match the code is refused', '350500', 'PROVINCE', '350582', 'CITY', false],
    ['a province code claiming CITY level is refused', '350000', 'CITY', '350582', 'CITY', false],
  ] as const)('%s', (_label, bureauRegion, bureauLevel, platformRegion, requested, expected) => {
    expect(canRecognise(bureauRegion, bureauLevel, platformRegion, requested)).toBe(expected);
  });
});
