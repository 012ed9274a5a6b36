import { PLATFORM_INDEX_SETTINGS, SERVICE_INDEX_SETTINGS } from './index-settings';
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

  it('weighs titles above descriptions and ranks recognition and rating after text relevance', () => {
    const searchable = SERVICE_INDEX_SETTINGS.searchableAttributes!;
    expect(searchable.indexOf('title')).toBeLessThan(searchable.indexOf('description'));
    expect(PLATFORM_INDEX_SETTINGS.searchableAttributes![0]).toBe('name');
    const rules = SERVICE_INDEX_SETTINGS.rankingRules!;
    expect(rules.indexOf('recognitionRank:desc')).toBeGreaterThan(rules.indexOf('exactness'));
    expect(rules.at(-1)).toBe('ratingAvg:desc');
  });

  it('declares Chinese for every attribute and no typo tolerance on certificate numbers', () => {
    expect(SERVICE_INDEX_SETTINGS.localizedAttributes).toEqual([{ attributePatterns: ['*'], locales: ['cmn'] }]);
    expect(PLATFORM_INDEX_SETTINGS.typoTolerance?.disableOnAttributes).toContain('certificateNos');
    expect(PLATFORM_INDEX_SETTINGS.searchableAttributes).toContain('certificateNos');
  });
});
