import type { ConfidentialViewer } from '@pilotlink/demand';
import { ResultAccessFacts, resultViewFor } from './result-visibility';

const facts = (over: Partial<ResultAccessFacts> = {}): ResultAccessFacts => ({
  instituteOrgId: 'inst',
  status: 'PUBLISHED',
  confidentiality: 'PUBLIC',
  invited: false,
  ndaAccepted: false,
  ...over,
});
const viewer = (orgKind: ConfidentialViewer['orgKind'], orgVerified = true): ConfidentialViewer => ({
  orgId: `x-${orgKind}`,
  orgKind,
  orgVerified,
});

describe('research result visibility per viewer', () => {
  it('a PUBLIC result is anyone’s, anonymous included, once published; a draft or withdrawn one only the owner’s', () => {
    expect(resultViewFor(undefined, facts())).toBe('FULL');
    expect(resultViewFor(viewer('INSTITUTE'), facts())).toBe('FULL');
    expect(resultViewFor(undefined, facts({ status: 'DRAFT' }))).toBe('NONE');
    expect(resultViewFor(viewer('PLATFORM_OPERATOR'), facts({ status: 'WITHDRAWN' }))).toBe('NONE');
    const owner: ConfidentialViewer = { orgId: 'inst', orgKind: 'INSTITUTE', orgVerified: false };
    expect(resultViewFor(owner, facts({ status: 'DRAFT', confidentiality: 'PRIVATE' }))).toBe('FULL');
  });

  it('SUMMARY: the summary for verified platforms, SMEs and bureaus; in full after the NDA or an invitation', () => {
    const summary = facts({ confidentiality: 'SUMMARY' });
    for (const kind of ['PLATFORM_OPERATOR', 'SME', 'BUREAU'] as const) {
      expect(resultViewFor(viewer(kind), summary)).toBe('SUMMARY');
    }
    expect(resultViewFor(viewer('PLATFORM_OPERATOR', false), summary)).toBe('NONE');
    expect(resultViewFor(viewer('INSTITUTE'), summary)).toBe('NONE');
    expect(resultViewFor(undefined, summary)).toBe('NONE');
    expect(resultViewFor(viewer('SME'), { ...summary, ndaAccepted: true })).toBe('FULL');
    expect(resultViewFor(viewer('PLATFORM_OPERATOR'), { ...summary, invited: true })).toBe('FULL');
  });

  it('PRIVATE: invited orgs only, an NDA is not enough', () => {
    const hidden = facts({ confidentiality: 'PRIVATE' });
    expect(resultViewFor(viewer('PLATFORM_OPERATOR'), hidden)).toBe('NONE');
    expect(resultViewFor(viewer('PLATFORM_OPERATOR'), { ...hidden, ndaAccepted: true })).toBe('NONE');
    expect(resultViewFor(viewer('PLATFORM_OPERATOR'), { ...hidden, invited: true })).toBe('FULL');
  });
});
