import { describe, expect, it } from '@jest/globals';
import { reasonText } from './common';
import { dtoSpot, formOf, paramsOf, paramSpot, ruleSummary } from './rule-form';
import type { RuleForm, SubsidyRuleRow } from './rule-form';

const row = (kind: SubsidyRuleRow['kind'], rule: Record<string, unknown>): SubsidyRuleRow => ({
  id: 'r1',
  code: 'QZ_X',
  name: '规则',
  kind,
  regionCode: '350500',
  active: true,
  rule: { kind, overlapGroup: null, funders: [{ key: 'QUANZHOU', name: '泉州市', shareBp: 10000 }], ...rule },
  unsetParameters: [],
  interpretation: '',
});

describe('subsidy rule form: yuan and percent on screen, fen and basis points in the API', () => {
  it('turns percent into basis points and yuan into fen without float drift', () => {
    const form: RuleForm = {
      kind: 'EQUIPMENT_RATIO',
      funders: [],
      basis: 'NON_FISCAL_EQUIPMENT',
      ratioPct: 25.5,
      capYuan: 4_000_000.5,
      capByLevel: { NATIONAL: 0.29, PROVINCE: null },
      requiresRecognition: [],
    };
    expect(paramsOf(form)).toEqual({
      basis: 'NON_FISCAL_EQUIPMENT',
      ratioBp: 2550,
      capFen: 400_000_050,
      capFenByLevel: { NATIONAL: 29 },
    });
    expect(paramsOf({ ...form, capYuan: null, capByLevel: {} })).toEqual({
      basis: 'NON_FISCAL_EQUIPMENT',
      ratioBp: 2550,
      capFen: null,
    });
  });

  it('round-trips every kind through the form', () => {
    const rules: [SubsidyRuleRow['kind'], Record<string, unknown>][] = [
      [
        'EQUIPMENT_RATIO',
        {
          basis: 'NEW_EQUIPMENT',
          ratioBp: 2000,
          capFen: null,
          capFenByLevel: { NATIONAL: 500_000_000 },
          requiresRecognition: ['PROVINCE', 'NATIONAL'],
        },
      ],
      ['OPERATING_RATIO', { ratioBp: 3000, capFen: 300_000_000, windowYears: 3, requiresRecognition: ['CITY'] }],
      ['RECOGNITION_AWARD', { amountFenByLevel: { NATIONAL: 150_000_000, PROVINCE: 50_000_000 } }],
      [
        'INVESTMENT_TIER_AWARD',
        {
          basis: 'NEW_EQUIPMENT',
          tiers: [
            { uptoFen: 1_000_000_000, ratioBp: 3000 },
            { uptoFen: null, ratioBp: 2000 },
          ],
          capFenByLevel: { NATIONAL: 1_000_000_000, PROVINCE: 500_000_000 },
        },
      ],
      ['GRADE_AWARD', { grade: 'EXCELLENT', amountFen: 100_000_000, oncePerYears: 3 }],
    ];
    for (const [kind, params] of rules) {
      expect(paramsOf(formOf(row(kind, params)))).toEqual(params);
    }
  });

  it('says what a rule pays in Chinese', () => {
    expect(
      ruleSummary(
        'OPERATING_RATIO',
        row('OPERATING_RATIO', { ratioBp: 3000, capFen: 300_000_000, windowYears: 3 }).rule,
      ),
    ).toBe('年度服务性收入 × 30%，连续 3 年累计最高 ¥3,000,000.00');
    expect(
      ruleSummary(
        'GRADE_AWARD',
        row('GRADE_AWARD', { grade: 'EXCELLENT', amountFen: 100_000_000, oncePerYears: 3 }).rule,
      ),
    ).toBe('评价“优秀”奖励 ¥1,000,000.00，3 年内最多一次');
  });

  it("puts the API's rule problems next to the field they are about", () => {
    expect(paramSpot('funder shares must add up to 10000 bp, got 9000', 1, 0)).toEqual([
      ['funders', 1, 'sharePct'],
      '各出资方分担比例合计须为 100%（现为 90%）',
    ]);
    expect(paramSpot('amountFenByLevel needs at least one level', 0, 0)?.[0]).toEqual(['amountByLevel', 'NATIONAL']);
    expect(paramSpot('capFenByLevel.PROVINCE must be a positive integer fen amount', 0, 0)?.[0]).toEqual([
      'capByLevel',
      'PROVINCE',
    ]);
    expect(paramSpot("tier 2: uptoFen must be an integer above the previous tier's", 0, 2)?.[0]).toEqual([
      'tiers',
      1,
      'uptoYuan',
    ]);
    expect(paramSpot('ratioBp must be an integer from 1 to 10000', 0, 0)?.[0]).toEqual(['ratioPct']);
    expect(paramSpot('windowYears must be an integer from 1 to 20', 0, 0)?.[0]).toEqual(['windowYears']);
    expect(paramSpot('something new', 0, 0)).toBeNull();
    expect(dtoSpot('funders.1.shareBp', 1)?.[0]).toEqual(['funders', 1, 'sharePct']);
    expect(dtoSpot('code', 0)?.[0]).toEqual(['code']);
    // 409 RULE_PARAMETER_UNSET names the unset ratio: beside the tier's ratio.
    expect(dtoSpot('params.tiers[0].ratioBp', 0)).toEqual([
      ['tiers', 0, 'ratioPct'],
      '政策未规定比例，请先设定比例再启用',
    ]);
  });

  it('an empty tier ratio is sent as null (not set), never invented, and shown as not set', () => {
    const form: RuleForm = {
      kind: 'INVESTMENT_TIER_AWARD',
      funders: [{ key: 'JIAXING', name: '嘉兴市', sharePct: 100 }],
      basis: 'NEW_EQUIPMENT',
      tiers: [{ uptoYuan: null, ratioPct: null }],
      capByLevel: { NATIONAL: 10_000_000 },
    };
    expect(paramsOf(form).tiers).toEqual([{ uptoFen: null, ratioBp: null }]);
    const stored = row('INVESTMENT_TIER_AWARD', {
      basis: 'NEW_EQUIPMENT',
      tiers: [{ uptoFen: null, ratioBp: null }],
      capFenByLevel: { NATIONAL: 1_000_000_000 },
    });
    expect(formOf(stored).tiers).toEqual([{ uptoYuan: null, ratioPct: null }]);
    expect(ruleSummary('INVESTMENT_TIER_AWARD', stored.rule)).toContain('比例未设定');
  });
});

describe('assessment explanations in Chinese', () => {
  it('keeps the Chinese half and names the rule granted instead', () => {
    const names = new Map([['QZ_EQUIPMENT_30', '设备购置补助']]);
    expect(reasonText('20% × ¥1,500,000 (NEW_EQUIPMENT); 就高不重复 / QZ_EQUIPMENT_30 is granted instead', names)).toBe(
      '20% × ¥1,500,000（当年新增中试设备）；就高不重复：已采用“设备购置补助”',
    );
    expect(reasonText('平台级别不符 / level NONE not in CITY|PROVINCE|NATIONAL', names)).toBe('平台级别不符');
    expect(reasonText('该级别已奖励过 / already awarded for PROVINCE', names)).toBe(
      '该级别已奖励过（每个级别只奖励一次）',
    );
    expect(reasonText('比例未设定 / the ratio is not set', names)).toBe('比例未设定');
    expect(reasonText('早于补助起始年 2031 / before the window opened in 2031', names)).toBe('早于补助起始年 2031');
    expect(reasonText('评价非EXCELLENT / grade none', names)).toBe('评价非“优秀”');
    expect(reasonText('新认定/newly recognised PROVINCE', names)).toBe('新认定省级');
    expect(reasonText('30% × ¥10,000 (service revenue), 3年累计上限 ¥3,000,000 − 已付/paid ¥0', names)).toBe(
      '30% × ¥10,000（年度服务性收入），3年累计上限 ¥3,000,000 − 已付 ¥0',
    );
  });
});
