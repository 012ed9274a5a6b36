import { JIAXING_RULES, JINJIANG_RULES, SubsidyRule, validateSubsidyRule, validateSubsidyRules } from './subsidy-rule';

const base = {
  id: 'r1',
  code: 'R1',
  name: '规则',
  region: '350582',
  overlapGroup: null,
  funders: [{ key: 'A', name: '甲', shareBp: 10000 }],
};
const equipment = { ...base, kind: 'EQUIPMENT_RATIO', basis: 'NEW_EQUIPMENT', ratioBp: 2000, capFen: 100 };

describe('seeded rules', () => {
  it('are valid rule sets, alone and together', () => {
    expect(validateSubsidyRules(JINJIANG_RULES)).toBeNull();
    expect(validateSubsidyRules(JIAXING_RULES)).toBeNull();
    expect(validateSubsidyRules([...JINJIANG_RULES, ...JIAXING_RULES])).toBeNull();
  });

  it('carry the Jinjiang numbers (seed 002, line 111)', () => {
    const byCode = Object.fromEntries(JINJIANG_RULES.map((rule) => [rule.code, rule])) as Record<string, SubsidyRule>;
    expect(Object.keys(byCode)).toEqual([
      'JJ_EQUIPMENT_30',
      'JJ_OPERATING_30',
      'JJ_RECOGNITION_AWARD',
      'JJ_NEW_EQUIPMENT_20',
    ]);
    expect(byCode.JJ_EQUIPMENT_30).toMatchObject({
      kind: 'EQUIPMENT_RATIO',
      basis: 'NON_FISCAL_EQUIPMENT',
      ratioBp: 3000,
      capFen: 500_000_000,
      requiresRecognition: ['CITY', 'PROVINCE', 'NATIONAL'],
      overlapGroup: 'JJ_EQUIPMENT',
    });
    expect(byCode.JJ_OPERATING_30).toMatchObject({
      ratioBp: 3000,
      capFen: 300_000_000,
      windowYears: 3,
      overlapGroup: null,
    });
    expect(byCode.JJ_RECOGNITION_AWARD).toMatchObject({
      amountFenByLevel: { NATIONAL: 150_000_000, PROVINCE: 50_000_000 },
    });
    expect(byCode.JJ_NEW_EQUIPMENT_20).toMatchObject({
      basis: 'NEW_EQUIPMENT',
      ratioBp: 2000,
      capFen: null,
      capFenByLevel: { NATIONAL: 500_000_000, PROVINCE: 300_000_000 },
      requiresRecognition: ['PROVINCE', 'NATIONAL'],
      overlapGroup: 'JJ_EQUIPMENT',
    });
    for (const rule of JINJIANG_RULES) {
      expect(rule.region).toBe('350582');
      expect(rule.funders).toEqual([
        { key: 'QUANZHOU', name: '泉州市', shareBp: 5000 },
        { key: 'JINJIANG', name: '晋江市', shareBp: 5000 },
      ]);
    }
  });

  it('carry the Jiaxing numbers (seed 003, line 49)', () => {
    expect(JIAXING_RULES.map((rule) => rule.code)).toEqual(['JX_NEW_PLATFORM_INVESTMENT', 'JX_EXCELLENT_AWARD']);
    expect(JIAXING_RULES[0]).toMatchObject({
      kind: 'INVESTMENT_TIER_AWARD',
      capFenByLevel: { NATIONAL: 1_000_000_000, PROVINCE: 500_000_000 },
    });
    expect(JIAXING_RULES[1]).toMatchObject({
      kind: 'GRADE_AWARD',
      grade: 'EXCELLENT',
      amountFen: 100_000_000,
      oncePerYears: 3,
    });
    for (const rule of JIAXING_RULES) {
      expect(rule.region).toBe('330400');
      expect(rule.funders).toEqual([{ key: 'JIAXING', name: '嘉兴市', shareBp: 10000 }]);
    }
  });
});

describe('validateSubsidyRule', () => {
  it.each([
    ['an equipment rule', equipment, null],
    ['an equipment rule without a cap', { ...equipment, capFen: null }, null],
    ['caps by level', { ...equipment, capFen: null, capFenByLevel: { NATIONAL: 5, PROVINCE: 3 } }, null],
    [
      'an operating rule',
      { ...base, kind: 'OPERATING_RATIO', ratioBp: 3000, capFen: 300_000_000, windowYears: 3 },
      null,
    ],
    ['a recognition award', { ...base, kind: 'RECOGNITION_AWARD', amountFenByLevel: { CITY: 1 } }, null],
    [
      'an investment tier award',
      {
        ...base,
        kind: 'INVESTMENT_TIER_AWARD',
        basis: 'NEW_EQUIPMENT',
        tiers: [
          { uptoFen: 100, ratioBp: 5000 },
          { uptoFen: null, ratioBp: 1000 },
        ],
        capFenByLevel: { NATIONAL: 1000 },
      },
      null,
    ],
    ['a grade award', { ...base, kind: 'GRADE_AWARD', grade: 'EXCELLENT', amountFen: 1, oncePerYears: 3 }, null],
    ['a non-object', 'EQUIPMENT_RATIO', /object/],
    ['an unknown kind', { ...base, kind: 'LUMP_SUM' }, /kind must be one of/],
    ['no id', { ...equipment, id: '' }, /id/],
    ['a lower-case code', { ...equipment, code: 'jj_1' }, /code/],
    ['no name', { ...equipment, name: ' ' }, /name/],
    ['a 4-digit region', { ...equipment, region: '3505' }, /region/],
    ['an empty overlap group', { ...equipment, overlapGroup: '' }, /overlapGroup/],
    ['no funders', { ...equipment, funders: [] }, /funders/],
    [
      'funders short of 10000',
      {
        ...equipment,
        funders: [
          { key: 'A', name: '甲', shareBp: 5000 },
          { key: 'B', name: '乙', shareBp: 4000 },
        ],
      },
      /got 9000/,
    ],
    [
      'a funder twice',
      {
        ...equipment,
        funders: [
          { key: 'A', name: '甲', shareBp: 5000 },
          { key: 'A', name: '甲', shareBp: 5000 },
        ],
      },
      /duplicate funder/,
    ],
    ['a funder without a name', { ...equipment, funders: [{ key: 'A', shareBp: 10000 }] }, /name/],
    ['an unknown basis', { ...equipment, basis: 'BUILDINGS' }, /basis/],
    ['a ratio over 100 %', { ...equipment, ratioBp: 10001 }, /ratioBp/],
    ['a fractional ratio', { ...equipment, ratioBp: 2500.5 }, /ratioBp/],
    ['a zero cap', { ...equipment, capFen: 0 }, /capFen/],
    ['a fractional cap', { ...equipment, capFen: 1.5 }, /capFen/],
    ['a cap for NONE', { ...equipment, capFenByLevel: { NONE: 5 } }, /NONE/],
    ['an empty cap map', { ...equipment, capFenByLevel: {} }, /at least one level/],
    ['an unknown required level', { ...equipment, requiresRecognition: ['WORLD'] }, /requiresRecognition/],
    ['an empty required list', { ...equipment, requiresRecognition: [] }, /requiresRecognition/],
    [
      'an operating rule with no cap',
      { ...base, kind: 'OPERATING_RATIO', ratioBp: 3000, capFen: null, windowYears: 3 },
      /capFen/,
    ],
    [
      'an operating window of 0 years',
      { ...base, kind: 'OPERATING_RATIO', ratioBp: 3000, capFen: 1, windowYears: 0 },
      /windowYears/,
    ],
    ['an award of nothing', { ...base, kind: 'RECOGNITION_AWARD', amountFenByLevel: {} }, /at least one level/],
    ['a negative award', { ...base, kind: 'RECOGNITION_AWARD', amountFenByLevel: { NATIONAL: -1 } }, /positive/],
    [
      'tiers not rising',
      {
        ...base,
        kind: 'INVESTMENT_TIER_AWARD',
        basis: 'NEW_EQUIPMENT',
        tiers: [
          { uptoFen: 100, ratioBp: 5000 },
          { uptoFen: 100, ratioBp: 3000 },
          { uptoFen: null, ratioBp: 1000 },
        ],
        capFenByLevel: { NATIONAL: 1000 },
      },
      /tier 2/,
    ],
    [
      'a last tier with a limit',
      {
        ...base,
        kind: 'INVESTMENT_TIER_AWARD',
        basis: 'NEW_EQUIPMENT',
        tiers: [{ uptoFen: 100, ratioBp: 5000 }],
        capFenByLevel: { NATIONAL: 1000 },
      },
      /last tier/,
    ],
    [
      'tiers without caps',
      {
        ...base,
        kind: 'INVESTMENT_TIER_AWARD',
        basis: 'NEW_EQUIPMENT',
        tiers: [{ uptoFen: null, ratioBp: 5000 }],
      },
      /capFenByLevel/,
    ],
    ['an award for failing', { ...base, kind: 'GRADE_AWARD', grade: 'FAIL', amountFen: 1, oncePerYears: 3 }, /grade/],
    [
      'an award once in 0 years',
      { ...base, kind: 'GRADE_AWARD', grade: 'GOOD', amountFen: 1, oncePerYears: 0 },
      /oncePerYears/,
    ],
  ])('%s', (_label, rule, expected) => {
    if (expected === null) expect(validateSubsidyRule(rule)).toBeNull();
    else expect(validateSubsidyRule(rule)).toMatch(expected);
  });
});

describe('validateSubsidyRules', () => {
  it.each([
    ['not a list', { rules: [] }, /list/],
    [
      'a bad rule, with its position',
      [equipment, { ...equipment, id: 'r2', code: 'R2', ratioBp: 0 }],
      /^rule 2: ratioBp/,
    ],
    ['the same id twice', [equipment, { ...equipment, code: 'R2' }], /duplicate rule id: r1/],
    ['the same code twice', [equipment, { ...equipment, id: 'r2' }], /duplicate rule code: R1/],
  ])('%s', (_label, rules, expected) => {
    expect(validateSubsidyRules(rules)).toMatch(expected);
  });

  it('accepts an empty set', () => {
    expect(validateSubsidyRules([])).toBeNull();
  });
});
