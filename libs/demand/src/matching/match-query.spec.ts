import { DEMAND_BUDGET_BANDS } from '@pilotlink/search';
import { BUDGET_BANDS } from '../domain/demand';
import {
  buildFitQuery,
  buildMatchQuery,
  explainMatch,
  fuseTermScores,
  MatchableDemand,
  matchScore,
  MatchServiceDoc,
  rankServices,
} from './match-query';
import { MAX_FIT_TERMS, MAX_MATCH_TERMS, salientTerms, termsOf } from './match-terms';

const demand = (over: Partial<MatchableDemand> = {}): MatchableDemand => ({
  title: '石墨烯改性EVA鞋底中试放大',
  description: '配方保密：石墨烯添加量 0.3%，需验证连续发泡工艺的稳定性。发泡倍率要稳定。',
  fieldCode: 'TEXTILE_SHOE_MATERIAL',
  stage: 'PILOT',
  categories: ['SCALE_UP', 'PERFORMANCE_TEST'],
  budgetMinFen: '5000000',
  budgetMaxFen: '15000000',
  regionCode: '350582',
  ...over,
});

const service = (over: Partial<MatchServiceDoc> = {}): MatchServiceDoc => ({
  title: '鞋底模压发泡工艺中试放大',
  description: '',
  fieldCodes: ['TEXTILE_SHOE_MATERIAL', 'TEXTILE'],
  stages: ['PILOT'],
  category: 'SCALE_UP',
  regionCode: '350582',
  regionCodes: ['350000', '350500', '350582'],
  priceFen: 8_000_000,
  ...over,
});

describe('match terms', () => {
  it('joins what the dictionary splits and drops function words, generic words and bare numbers', () => {
    expect(termsOf('石墨烯改性EVA鞋底中试放大')).toEqual(['石墨烯', '改性', 'eva', '鞋底', '中试', '放大']);
    expect(termsOf('配方保密：石墨烯添加量 0.3%，需验证连续发泡工艺的稳定性。')).toEqual([
      '配方',
      '保密',
      '石墨烯',
      '添加量',
      '验证',
      '连续',
      '发泡',
      '工艺',
      '稳定性',
    ]);
    expect(termsOf('我司开发的儿童运动鞋需要符合GB 30585安全技术规范')).toContain('30585');
    expect(termsOf('電機驅動器檢驗')).toEqual(['电机', '驱动器', '检验']);
  });

  it('takes every title term, then the most frequent description terms, eight at most (ten to fit)', () => {
    const terms = salientTerms(demand().title, demand().description);
    expect(terms.slice(0, 6).map((t) => t.term)).toEqual(['石墨烯', '改性', 'eva', '鞋底', '中试', '放大']);
    expect(terms[6]).toEqual({ term: '发泡', weight: 1 }); // twice in the description
    expect(terms[7]).toEqual({ term: '配方', weight: 1 }); // then the first of the once-used ones
    expect(terms).toHaveLength(MAX_MATCH_TERMS);
    expect(terms.filter((t) => t.weight === 2)).toHaveLength(6);
    const fitTerms = salientTerms(demand().title, demand().description, MAX_FIT_TERMS);
    expect(fitTerms).toHaveLength(10);
    expect(fitTerms.slice(0, 8)).toEqual(terms);
  });

  it('a demand matched again gets the same terms, and what one caller does to them never reaches the next', () => {
    const first = salientTerms(demand().title, demand().description);
    first[0].term = 'changed';
    first.pop();
    const again = salientTerms(demand().title, demand().description);
    expect(again).toHaveLength(MAX_MATCH_TERMS);
    expect(again[0]).toEqual({ term: '石墨烯', weight: 2 });
    expect(salientTerms('电机驱动器检验', demand().description)[0].term).toBe('电机'); // another text, its own terms
  });
});

describe('buildMatchQuery', () => {
  it('asks the services index in one multi-search: size probe, same-field candidates, one query per term', () => {
    const plan = buildMatchQuery(demand(), 'x_services');
    expect(plan.queries).toHaveLength(2 + plan.terms.length);
    expect(plan.queries[0]).toMatchObject({ indexUid: 'x_services', q: '', limit: 0 });
    expect(plan.queries[1]).toMatchObject({ q: '', filter: ['fieldCodes = "TEXTILE_SHOE_MATERIAL"'], limit: 60 });
    expect(plan.terms).toHaveLength(8);
    for (const [i, { term }] of plan.terms.entries()) {
      expect(plan.queries[2 + i]).toMatchObject({
        indexUid: 'x_services',
        q: term,
        matchingStrategy: 'all',
        limit: 10,
        showRankingScore: true,
        locales: ['cmn'],
      });
    }
    expect(buildMatchQuery(demand({ fieldCode: 'NO_SUCH_FIELD' }), 'x_services').queries[1].limit).toBe(0);
    // The description is read here (the owner's demand) but no query carries it whole.
    expect(JSON.stringify(plan.queries)).not.toContain('0.3%');
  });

  it('fits a service to open demands of its fields (and their parents) on the demands index', () => {
    const plan = buildFitQuery(
      {
        title: '鞋底模压发泡工艺中试放大',
        description: '',
        category: 'SCALE_UP',
        fieldCodes: ['TEXTILE_SHOE_MATERIAL'],
        stages: ['PILOT'],
      },
      'x_demands',
    );
    expect(plan.queries[1].filter).toEqual([
      'status = "OPEN"',
      ['fieldCode = "TEXTILE_SHOE_MATERIAL"', 'fieldCode = "TEXTILE"'],
    ]);
    expect(plan.queries[1].limit).toBe(50);
    expect(plan.queries.slice(2).every((q) => (q.filter as string[])[0] === 'status = "OPEN"')).toBe(true);
    // Not on a request's path: the fit keeps its wider net per term.
    expect(plan.queries.slice(2).every((q) => q.limit === 30)).toBe(true);
  });
});

describe('fuseTermScores', () => {
  it('weighs each term by its rarity, ignores terms nobody uses and keeps field candidates without text', () => {
    const plan = {
      terms: [
        { term: '石墨烯', weight: 2 },
        { term: '中试', weight: 2 },
        { term: '改性', weight: 2 },
      ],
      queries: [],
    };
    const fused = fuseTermScores<{ id: string }>(plan, [
      { hits: [], estimatedTotalHits: 100 },
      { hits: [{ id: 'field-only' }], estimatedTotalHits: 1 },
      { hits: [{ id: 'a', _rankingScore: 1 }], estimatedTotalHits: 1 }, // rare
      {
        hits: [
          { id: 'a', _rankingScore: 1 },
          { id: 'b', _rankingScore: 1 },
        ],
        estimatedTotalHits: 90,
      }, // common
      { hits: [], estimatedTotalHits: 0 }, // nobody
    ]);
    expect(fused.get('a')!.text).toBeCloseTo(1);
    expect(fused.get('a')!.terms).toEqual(['石墨烯', '中试']);
    expect(fused.get('b')!.text).toBeGreaterThan(0);
    expect(fused.get('b')!.text).toBeLessThan(0.2);
    expect(fused.get('field-only')).toMatchObject({ text: 0, terms: [] });
  });
});

describe('explainMatch', () => {
  it('names the terms, field, stage, categories, region and budget that match', () => {
    expect(explainMatch(demand(), service())).toEqual({
      terms: ['鞋底', '中试', '放大', '发泡'],
      field: true,
      stage: true,
      categories: ['SCALE_UP'],
      region: true,
      budget: true,
    });
  });

  it('finds a term through a synonym and says false where nothing matches', () => {
    const reasons = explainMatch(
      demand({ title: '电池检验', description: '', regionCode: '440100', budgetMaxFen: '1000000' }),
      service({
        title: '电池检测',
        fieldCodes: ['NEW_ENERGY'],
        stages: ['LAB'],
        category: 'TYPE_TEST',
        priceFen: null,
      }),
    );
    expect(reasons).toEqual({
      terms: ['电池', '检验'],
      field: false,
      stage: false,
      categories: [],
      region: false,
      budget: false,
    });
  });

  it('counts a platform at city level as in a preferred county of that city', () => {
    expect(explainMatch(demand(), service({ regionCode: '350500', regionCodes: ['350000', '350500'] })).region).toBe(
      true,
    );
  });
});

describe('ranking', () => {
  it('scores text and structure, and orders equal relevance by recognition, rating, then lead time', () => {
    expect(matchScore(demand(), service(), 1)).toBeCloseTo(1);
    expect(matchScore(demand(), service({ fieldCodes: ['FOOD'] }), 1)).toBeLessThan(matchScore(demand(), service(), 1));
    const doc = (id: string, recognitionRank: number, ratingAvg: number | null, leadTimeDays: number) => ({
      id,
      recognitionRank,
      ratingAvg,
      leadTimeDays,
    });
    const ranked = rankServices([
      { doc: doc('weak', 3, 5, 1), score: 0.5, terms: [] },
      { doc: doc('slow', 2, 4.5, 30), score: 0.805, terms: [] },
      { doc: doc('fast', 2, 4.5, 10), score: 0.8, terms: [] },
      { doc: doc('national', 3, null, 60), score: 0.799, terms: [] },
    ]);
    expect(ranked.map((r) => r.doc.id)).toEqual(['national', 'fast', 'slow', 'weak']);
  });

  it('orders equal relevance, recognition and rating by the quicker first quote, unknown after known', () => {
    const doc = (id: string, responseRank: number | undefined, leadTimeDays: number) => ({
      id,
      recognitionRank: 1,
      ratingAvg: 4.5,
      responseRank,
      leadTimeDays,
    });
    const ranked = rankServices([
      { doc: doc('unknown', undefined, 1), score: 0.8, terms: [] },
      { doc: doc('day', 1_440, 1), score: 0.8, terms: [] },
      { doc: doc('hour', 60, 30), score: 0.8, terms: [] },
      { doc: doc('hour-quick-lead', 60, 5), score: 0.8, terms: [] },
    ]);
    expect(ranked.map((r) => r.doc.id)).toEqual(['hour-quick-lead', 'hour', 'day', 'unknown']);
  });
});

describe('budget bands', () => {
  it('are the same in the demand context and in the search documents', () => {
    expect(DEMAND_BUDGET_BANDS.map((b) => [b.code, b.maxFen])).toEqual(BUDGET_BANDS.map((b) => [b.code, b.maxFen]));
  });
});
