import { PartyFacts, relatedPartyReason } from './related-party';

const sme: PartyFacts = {
  orgId: 'org-sme',
  uscc: '91350582MA2XXXXX1A',
  legalRepresentative: '陈明',
  shareholders: [
    { holderKey: 'ID-A', shareBp: 6000 },
    { holderKey: 'ID-B', shareBp: 4000 },
  ],
};
const host: PartyFacts = {
  orgId: 'org-host',
  uscc: '91350500MA3YYYYY2B',
  legalRepresentative: '林华',
  shareholders: [{ holderKey: 'ID-C', shareBp: 10000 }],
};

describe('relatedPartyReason', () => {
  it('unrelated orgs', () => {
    expect(relatedPartyReason(sme, host)).toBeNull();
  });

  it.each<[string, Partial<PartyFacts>, Partial<PartyFacts>, string | null]>([
    ['same org', {}, { orgId: 'org-sme' }, 'SAME_ORG'],
    ['same USCC', {}, { uscc: '91350582MA2XXXXX1A' }, 'SAME_USCC'],
    ['same USCC, other case and spaces', {}, { uscc: ' 91350582ma2xxxxx1a ' }, 'SAME_USCC'],
    ['no USCC on either side is no match', { uscc: null }, { uscc: null }, null],
    ['blank USCCs are no match', { uscc: '' }, { uscc: '  ' }, null],
    ['same legal representative', {}, { legalRepresentative: '陈明' }, 'SAME_LEGAL_REPRESENTATIVE'],
    ['same legal representative, trimmed', {}, { legalRepresentative: ' 陈明　' }, 'SAME_LEGAL_REPRESENTATIVE'],
    [
      'same legal representative, case-insensitive',
      { legalRepresentative: 'Zhang Wei' },
      { legalRepresentative: 'ZHANG WEI' },
      'SAME_LEGAL_REPRESENTATIVE',
    ],
    ['empty legal representatives never match', { legalRepresentative: '' }, { legalRepresentative: '' }, null],
    ['null legal representatives never match', { legalRepresentative: null }, { legalRepresentative: null }, null],
    [
      'a shareholder with 50 % of both',
      { shareholders: [{ holderKey: 'ID-X', shareBp: 5000 }] },
      { shareholders: [{ holderKey: 'ID-X', shareBp: 5000 }] },
      'COMMON_MAJOR_SHAREHOLDER',
    ],
    [
      'a shareholder with 60 % of one and 100 % of the other',
      {},
      { shareholders: [{ holderKey: 'ID-A', shareBp: 10000 }] },
      'COMMON_MAJOR_SHAREHOLDER',
    ],
    [
      '49.99 % in one of them is not enough',
      { shareholders: [{ holderKey: 'ID-X', shareBp: 4999 }] },
      { shareholders: [{ holderKey: 'ID-X', shareBp: 10000 }] },
      null,
    ],
    [
      'a common minority shareholder is not enough',
      {},
      { shareholders: [{ holderKey: 'ID-B', shareBp: 10000 }] },
      null,
    ],
    [
      'different major shareholders',
      { shareholders: [{ holderKey: 'ID-X', shareBp: 10000 }] },
      { shareholders: [{ holderKey: 'ID-Y', shareBp: 10000 }] },
      null,
    ],
    [
      'blank holder keys never match',
      { shareholders: [{ holderKey: ' ', shareBp: 10000 }] },
      { shareholders: [{ holderKey: '', shareBp: 10000 }] },
      null,
    ],
    [
      'the first reason wins when several apply',
      {},
      { orgId: 'org-sme', uscc: '91350582MA2XXXXX1A', legalRepresentative: '陈明' },
      'SAME_ORG',
    ],
  ])('%s', (_label, smePatch, hostPatch, expected) => {
    expect(relatedPartyReason({ ...sme, ...smePatch }, { ...host, ...hostPatch })).toBe(expected);
  });
});
