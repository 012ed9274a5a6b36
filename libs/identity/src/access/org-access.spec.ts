import type { Actor } from '@pilotlink/core';
import { canManageOrg, canReviewOrg, canSeeOrg } from './org-access';

const actor = (over: Partial<Actor>): Actor => ({
  userId: 'u',
  orgId: 'me',
  orgKind: 'SME',
  role: 'OWNER',
  regionCode: '350582',
  ...over,
});
const jinjiangSme = { id: 'sme', regionCode: '350582', kind: 'SME' as const };

describe('org access policy', () => {
  it('an SME sees only itself', () => {
    expect(canSeeOrg(actor({ orgId: 'sme' }), jinjiangSme)).toBe(true);
    expect(canSeeOrg(actor({}), jinjiangSme)).toBe(false);
  });

  it('a bureau sees and reviews orgs in its jurisdiction only', () => {
    const quanzhou = actor({ orgKind: 'BUREAU', regionCode: '350500' });
    const fuzhou = actor({ orgKind: 'BUREAU', regionCode: '350100' });
    expect(canSeeOrg(quanzhou, jinjiangSme)).toBe(true);
    expect(canReviewOrg(quanzhou, jinjiangSme)).toBe(true);
    expect(canSeeOrg(fuzhou, jinjiangSme)).toBe(false);
    expect(canReviewOrg(fuzhou, jinjiangSme)).toBe(false);
  });

  it('only admins review bureaus; nobody reviews their own org', () => {
    const bureauOrg = { id: 'b', regionCode: '350582', kind: 'BUREAU' as const };
    expect(canReviewOrg(actor({ orgKind: 'BUREAU', regionCode: '350500' }), bureauOrg)).toBe(false);
    expect(canReviewOrg(actor({ orgKind: 'ADMIN' }), bureauOrg)).toBe(true);
    expect(canReviewOrg(actor({ orgKind: 'ADMIN', orgId: 'b' }), bureauOrg)).toBe(false);
  });

  it('members cannot manage their org; owners and admins can', () => {
    expect(canManageOrg(actor({ orgId: 'sme', role: 'MEMBER' }), jinjiangSme)).toBe(false);
    expect(canManageOrg(actor({ orgId: 'sme' }), jinjiangSme)).toBe(true);
    expect(canManageOrg(actor({ orgKind: 'ADMIN' }), jinjiangSme)).toBe(true);
  });
});
