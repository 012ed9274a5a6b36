import type { Actor } from '@pilotlink/core';
import { decidesRecognition, evaluatesPlatform, seesGovernanceOf } from './recognition-access';
import type { RecognisedLevel } from './platform-recognition.entity';

const actor = (orgKind: Actor['orgKind'], regionCode: string, orgId = 'org-x'): Actor => ({
  userId: 'u',
  orgId,
  orgKind,
  role: 'OWNER',
  regionCode,
});
const jinjiang = { operatorOrgId: 'operator', regionCode: '350582' };

describe('who decides a recognition of a platform in 晋江 (350582)', () => {
  it.each<[string, Actor, RecognisedLevel, boolean]>([
    ['泉州 city bureau, CITY', actor('BUREAU', '350500'), 'CITY', true],
    ['福建 province bureau, CITY', actor('BUREAU', '350000'), 'CITY', true],
    ['晋江 county bureau, CITY', actor('BUREAU', '350582'), 'CITY', false],
    ['福州 city bureau, CITY (outside)', actor('BUREAU', '350100'), 'CITY', false],
    ['泉州 city bureau, PROVINCE', actor('BUREAU', '350500'), 'PROVINCE', false],
    ['福建 province bureau, PROVINCE', actor('BUREAU', '350000'), 'PROVINCE', true],
    ['浙江 province bureau, PROVINCE (outside)', actor('BUREAU', '330000'), 'PROVINCE', false],
    ['福建 province bureau, NATIONAL', actor('BUREAU', '350000'), 'NATIONAL', false],
    ['admin, NATIONAL', actor('ADMIN', '350000'), 'NATIONAL', true],
    ['admin, CITY', actor('ADMIN', '350000'), 'CITY', false],
    ['the operator itself', actor('PLATFORM_OPERATOR', '350582', 'operator'), 'CITY', false],
    ['a bureau with a malformed region', actor('BUREAU', '35050'), 'CITY', false],
  ])('%s → %s', (_name, who, level, expected) => {
    expect(decidesRecognition(who, jinjiang, level)).toBe(expected);
  });
});

describe('who sees and who evaluates', () => {
  it.each<[string, Actor, boolean, boolean]>([
    ['the operator', actor('PLATFORM_OPERATOR', '350582', 'operator'), true, false],
    ['another operator', actor('PLATFORM_OPERATOR', '350582'), false, false],
    ['泉州 city bureau', actor('BUREAU', '350500'), true, true],
    ['晋江 county bureau', actor('BUREAU', '350582'), true, true],
    ['福州 city bureau', actor('BUREAU', '350100'), false, false],
    ['admin', actor('ADMIN', '110000'), true, false],
    ['an SME', actor('SME', '350582'), false, false],
  ])('%s: sees %s, evaluates %s', (_name, who, sees, evaluates) => {
    expect(seesGovernanceOf(who, jinjiang)).toBe(sees);
    expect(evaluatesPlatform(who, jinjiang)).toBe(evaluates);
  });
});
