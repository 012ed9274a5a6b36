import { canTransition } from '@pilotlink/core';
import { toPolicyDocument } from '@pilotlink/search';
import { POLICY_STATUSES, POLICY_TRANSITIONS } from './policy';

describe('policy notices', () => {
  it('DRAFT → PUBLISHED → ARCHIVED, one way', () => {
    const moves = POLICY_STATUSES.flatMap((from) =>
      POLICY_STATUSES.filter((to) => canTransition(POLICY_TRANSITIONS, from, to)).map((to) => `${from}→${to}`),
    );
    expect(moves).toEqual(['DRAFT→PUBLISHED', 'PUBLISHED→ARCHIVED']);
  });

  it('only a published notice is a search document, its Traditional text converted and the original kept', () => {
    const row = {
      id: 'n1',
      title: '廣州市推動中試平臺建設實施方案',
      issuingBody: '廣州市發展和改革委員會',
      documentNumber: null,
      issuedOn: '2025-03-01',
      body: '支持建設概念驗證中心和中試平臺。',
      regionCode: '440100',
      status: 'PUBLISHED',
      publishedAt: new Date('2025-03-02T00:00:00Z'),
      updatedAt: new Date('2025-03-02T00:00:00Z'),
    };
    const doc = toPolicyDocument(row)!;
    expect(doc.title).toBe('广州市推动中试平台建设实施方案');
    expect(doc.original?.title).toBe(row.title);
    expect(doc.regionCodes).toEqual(['440000', '440100']);
    expect(toPolicyDocument({ ...row, status: 'DRAFT' })).toBeNull();
    expect(toPolicyDocument({ ...row, status: 'ARCHIVED' })).toBeNull();
  });
});
