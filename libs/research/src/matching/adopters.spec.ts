import { rankAdopters } from './adopters';

describe('potential adopters of a result', () => {
  const result = { fieldCode: 'MATERIALS_CERAMICS', text: '高导热氮化硅陶瓷基板，面向功率模块封装' };

  it('ranks the own field over a parent field, keywords add, the unrelated drop out', () => {
    const ranked = rankAdopters(result, [
      { orgId: 'parent', fieldCodes: ['MATERIALS'], keywords: [] },
      { orgId: 'exact', fieldCodes: ['MATERIALS_CERAMICS'], keywords: ['功率模块'] },
      { orgId: 'word', fieldCodes: ['BIOMED_BIOLOGICS'], keywords: ['陶瓷基板'] },
      { orgId: 'none', fieldCodes: ['BIOMED_BIOLOGICS'], keywords: ['质谱'] },
    ]);
    expect(ranked.map((r) => r.orgId)).toEqual(['exact', 'parent', 'word']);
    expect(ranked[0]).toEqual({
      orgId: 'exact',
      score: 0.7,
      reasons: { fields: ['MATERIALS_CERAMICS'], keywords: ['功率模块'] },
    });
    expect(ranked[2].reasons).toEqual({ fields: [], keywords: ['陶瓷基板'] });
  });

  it('merges an org’s several subscriptions into one entry', () => {
    const ranked = rankAdopters(result, [
      { orgId: 'a', fieldCodes: ['MATERIALS'], keywords: [] },
      { orgId: 'a', fieldCodes: [], keywords: ['氮化硅'] },
    ]);
    expect(ranked).toEqual([{ orgId: 'a', score: 0.5, reasons: { fields: ['MATERIALS'], keywords: ['氮化硅'] } }]);
  });
});
