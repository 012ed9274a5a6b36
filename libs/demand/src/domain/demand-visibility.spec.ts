import { DemandAccessFacts, demandViewFor, DemandViewer } from './demand-visibility';

const platform: DemandViewer = { orgId: 'p', orgKind: 'PLATFORM_OPERATOR', orgVerified: true };
const facts = (over: Partial<DemandAccessFacts>): DemandAccessFacts => ({
  ownerOrgId: 'sme',
  status: 'OPEN',
  confidentiality: 'PUBLIC',
  invited: false,
  ndaAccepted: false,
  ...over,
});

describe('demand visibility per viewer', () => {
  it('the owner sees everything, drafts included; anonymous and other SMEs see nothing', () => {
    const owner: DemandViewer = { orgId: 'sme', orgKind: 'SME', orgVerified: false };
    expect(demandViewFor(owner, facts({ status: 'DRAFT', confidentiality: 'PRIVATE' }))).toBe('FULL');
    expect(demandViewFor(undefined, facts({}))).toBe('NONE');
    expect(demandViewFor({ orgId: 'x', orgKind: 'SME', orgVerified: true }, facts({}))).toBe('NONE');
  });

  it('PUBLIC: every verified platform sees all; unverified platforms nothing', () => {
    expect(demandViewFor(platform, facts({}))).toBe('FULL');
    expect(demandViewFor({ ...platform, orgVerified: false }, facts({}))).toBe('NONE');
  });

  it('SUMMARY: summary for others, everything once invited or after the NDA', () => {
    expect(demandViewFor(platform, facts({ confidentiality: 'SUMMARY' }))).toBe('SUMMARY');
    expect(demandViewFor(platform, facts({ confidentiality: 'SUMMARY', invited: true }))).toBe('FULL');
    expect(demandViewFor(platform, facts({ confidentiality: 'SUMMARY', ndaAccepted: true }))).toBe('FULL');
  });

  it('PRIVATE: invited platforms only — an NDA alone is not an invitation', () => {
    expect(demandViewFor(platform, facts({ confidentiality: 'PRIVATE' }))).toBe('NONE');
    expect(demandViewFor(platform, facts({ confidentiality: 'PRIVATE', ndaAccepted: true }))).toBe('NONE');
    expect(demandViewFor(platform, facts({ confidentiality: 'PRIVATE', invited: true }))).toBe('FULL');
  });

  it('drafts are invisible to platforms even when invited', () => {
    expect(demandViewFor(platform, facts({ status: 'DRAFT', invited: true }))).toBe('NONE');
  });
});
