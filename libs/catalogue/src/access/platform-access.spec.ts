import type { Actor } from '@pilotlink/core';
import { canViewPlatform, operatesPlatform, seesWholeCatalogue, supervisesPlatform } from './platform-access';

const actor = (over: Partial<Actor>): Actor => ({
  userId: 'u',
  orgId: 'op',
  orgKind: 'PLATFORM_OPERATOR',
  role: 'OWNER',
  regionCode: '350582',
  ...over,
});
const draft = { status: 'DRAFT' as const, operatorOrgId: 'op', regionCode: '350582' };
const listed = { ...draft, status: 'LISTED' as const };

describe('platform access', () => {
  it('listed platforms are public; drafts only for operator and supervisors', () => {
    expect(canViewPlatform(undefined, listed)).toBe(true);
    expect(canViewPlatform(undefined, draft)).toBe(false);
    expect(canViewPlatform(actor({ orgId: 'other' }), draft)).toBe(false);
    expect(canViewPlatform(actor({}), draft)).toBe(true);
    expect(canViewPlatform(actor({ orgId: 'b', orgKind: 'BUREAU', regionCode: '350500' }), draft)).toBe(true);
    expect(canViewPlatform(actor({ orgId: 'b', orgKind: 'BUREAU', regionCode: '350100' }), draft)).toBe(false);
  });

  it('only the operator org operates; bureaus in jurisdiction and admins supervise', () => {
    expect(operatesPlatform(actor({}), draft)).toBe(true);
    expect(operatesPlatform(actor({ orgId: 'other' }), listed)).toBe(false);
    expect(supervisesPlatform(actor({ orgKind: 'ADMIN', regionCode: '440100' }), draft)).toBe(true);
    expect(supervisesPlatform(actor({}), draft)).toBe(false);
    expect(seesWholeCatalogue(actor({ orgId: 'other' }), listed)).toBe(false);
  });
});
