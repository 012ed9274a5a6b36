import {
  DEMAND_INDEX_SETTINGS,
  indexSettings,
  PLATFORM_INDEX_SETTINGS,
  SERVICE_INDEX_SETTINGS,
} from './index-settings';
import { mutualSynonyms, SYNONYM_GROUPS } from './synonyms';

describe('index settings', () => {
  it('makes synonym groups mutual', () => {
    expect(mutualSynonyms([['中试', '中间试验', '中试验证']])).toEqual({
      中试: ['中间试验', '中试验证'],
      中间试验: ['中试', '中试验证'],
      中试验证: ['中试', '中间试验'],
    });
  });

  it('merges groups that share a term instead of dropping one', () => {
    expect(
      mutualSynonyms([
        ['a', 'b'],
        ['b', 'c'],
      ]).b.sort(),
    ).toEqual(['a', 'c']);
  });

  it('has the domain synonyms of SPEC §4 in lowercase Simplified form', () => {
    const synonyms = mutualSynonyms(SYNONYM_GROUPS);
    expect(synonyms['中试']).toContain('中间试验');
    expect(synonyms['检验']).toContain('检测');
    expect(synonyms['小批量试生产']).toContain('试产');
    expect(SYNONYM_GROUPS.length).toBeGreaterThanOrEqual(12);
    for (const term of Object.keys(synonyms)) expect(term).toBe(term.toLowerCase());
  });

  it('weighs titles above descriptions and ranks recognition, rating and response time after text relevance', () => {
    const searchable = SERVICE_INDEX_SETTINGS.searchableAttributes!;
    expect(searchable.indexOf('title')).toBeLessThan(searchable.indexOf('description'));
    expect(PLATFORM_INDEX_SETTINGS.searchableAttributes![0]).toBe('name');
    const rules = SERVICE_INDEX_SETTINGS.rankingRules!;
    expect(rules.indexOf('recognitionRank:desc')).toBeGreaterThan(rules.indexOf('exactness'));
    expect(rules.slice(-4)).toEqual(['recognitionRank:desc', 'ratingAvg:desc', 'responseRank:asc', 'leadTimeDays:asc']);
    expect(PLATFORM_INDEX_SETTINGS.rankingRules!.slice(-3)).toEqual([
      'recognitionRank:desc',
      'ratingAvg:desc',
      'responseRank:asc',
    ]);
  });

  it('lets demands be found by title before summary labels, and by description only where documents carry it', () => {
    const searchable = DEMAND_INDEX_SETTINGS.searchableAttributes!;
    expect(searchable[0]).toBe('title');
    expect(searchable.at(-1)).toBe('description');
    expect(DEMAND_INDEX_SETTINGS.filterableAttributes).toEqual(
      expect.arrayContaining(['status', 'confidentiality', 'fieldCodes', 'stage', 'categories', 'regionCodes']),
    );
    expect(DEMAND_INDEX_SETTINGS.localizedAttributes).toEqual(SERVICE_INDEX_SETTINGS.localizedAttributes);
    expect(DEMAND_INDEX_SETTINGS.synonyms).toEqual(SERVICE_INDEX_SETTINGS.synonyms);
    expect(indexSettings('demands')).toBe(DEMAND_INDEX_SETTINGS);
  });

  it('declares Chinese for every attribute and no typo tolerance on certificate numbers', () => {
    expect(SERVICE_INDEX_SETTINGS.localizedAttributes).toEqual([{ attributePatterns: ['*'], locales: ['cmn'] }]);
    expect(PLATFORM_INDEX_SETTINGS.typoTolerance?.disableOnAttributes).toContain('certificateNos');
    expect(PLATFORM_INDEX_SETTINGS.searchableAttributes).toContain('certificateNos');
  });
});
