import { assessSubsidies, AssessmentInputs, RuleAssessment } from './assessment';
import { revenueDeclarationFlags } from './revenue-declaration';
import {
  JIAXING_RULES,
  JINJIANG_RULES,
  ruleInterpretation,
  SubsidyRule,
  unsetParameters,
  validateSubsidyRule,
} from './subsidy-rule';

/**
 * Issue 16: the Jinjiang and Jiaxing clauses held over several years, each rule as a pure function of
 * the year's figures and what the platform was already paid (the seeds' numbers).
 */
const rule = (code: string): SubsidyRule => {
  const found = [...JINJIANG_RULES, ...JIAXING_RULES].find((candidate) => candidate.code === code);
  if (!found) throw new Error(code);
  return found;
};

const base: AssessmentInputs = {
  year: 2031,
  platformLevel: 'PROVINCE',
  newlyRecognisedLevel: null,
  nonFiscalEquipmentFen: 0,
  newEquipmentFen: 0,
  serviceRevenueFen: 0,
  operatingPaidInWindowFen: 0,
  gradeThisYear: null,
  lastGradeAwardYear: null,
};

function one(subject: SubsidyRule, inputs: Partial<AssessmentInputs>): RuleAssessment {
  return assessSubsidies([subject], { ...base, ...inputs }).rules[0];
}

describe('"按年度服务性收入的 30% 给予运营主体补助，连续 3 年累计最高 300 万元" (JJ_OPERATING_30)', () => {
  const operating = rule('JJ_OPERATING_30');

  it('¥4m, ¥5m, ¥3m, ¥4m of revenue over four years pay ¥1.2m, ¥1.5m, ¥0.3m, then ¥0 (window over)', () => {
    let paid = 0;
    let first: number | null = null;
    const granted: number[] = [];
    const revenues = [400_000_000, 500_000_000, 300_000_000, 400_000_000];
    for (const [i, revenue] of revenues.entries()) {
      const year = 2031 + i;
      const result = one(operating, {
        year,
        serviceRevenueFen: revenue,
        operatingPaidInWindowFen: paid,
        operatingFirstYear: first,
      });
      granted.push(result.amountFen);
      paid += result.amountFen;
      if (result.amountFen > 0 && first === null) first = year;
    }
    expect(granted).toEqual([120_000_000, 150_000_000, 30_000_000, 0]);
    expect(paid).toBe(300_000_000);
  });

  it('the window is anchored, not rolling: year 4 pays nothing even with cap left', () => {
    const result = one(operating, {
      year: 2034,
      serviceRevenueFen: 400_000_000,
      operatingPaidInWindowFen: 120_000_000,
      operatingFirstYear: 2031,
    });
    expect([result.applies, result.amountFen]).toEqual([false, 0]);
    expect(result.reason).toContain('连续3年已满');
  });

  it('a year before the anchor is outside the window', () => {
    const result = one(operating, { year: 2030, serviceRevenueFen: 400_000_000, operatingFirstYear: 2031 });
    expect([result.applies, result.amountFen]).toEqual([false, 0]);
  });

  it('the cap counts what was paid: ¥2.9m paid leaves ¥100,000', () => {
    const result = one(operating, {
      year: 2033,
      serviceRevenueFen: 400_000_000,
      operatingPaidInWindowFen: 290_000_000,
      operatingFirstYear: 2031,
    });
    expect([result.capFen, result.amountFen]).toEqual([10_000_000, 10_000_000]);
  });

  it('states its interpretation', () => {
    expect(ruleInterpretation(operating)).toContain('首次获得运营补助的年度起算');
  });
});

describe('"按非财政资金购置设备软件费用的 30%、给予不超过 500 万元补助": one cap per platform (JJ_EQUIPMENT_30)', () => {
  const equipment = rule('JJ_EQUIPMENT_30');

  it('¥10m then ¥10m of non-fiscal equipment pay ¥3m then ¥2m, then nothing', () => {
    const first = one(equipment, { nonFiscalEquipmentFen: 1_000_000_000 });
    expect(first.amountFen).toBe(300_000_000);
    const second = one(equipment, {
      year: 2032,
      nonFiscalEquipmentFen: 1_000_000_000,
      paidByRuleFen: { [equipment.id]: first.amountFen },
    });
    expect([second.computedFen, second.capFen, second.amountFen]).toEqual([300_000_000, 200_000_000, 200_000_000]);
    const third = one(equipment, {
      year: 2033,
      nonFiscalEquipmentFen: 1_000_000_000,
      paidByRuleFen: { [equipment.id]: 500_000_000 },
    });
    expect(third.amountFen).toBe(0);
  });

  it("another rule's payments do not use this rule's cap", () => {
    const result = one(equipment, { nonFiscalEquipmentFen: 1_000_000_000, paidByRuleFen: { other: 500_000_000 } });
    expect(result.amountFen).toBe(300_000_000);
  });

  it('the 20 % rule for new equipment keeps its level cap across years too (¥3m provincial)', () => {
    const newEquipment = rule('JJ_NEW_EQUIPMENT_20');
    const result = one(newEquipment, {
      newEquipmentFen: 1_000_000_000,
      paidByRuleFen: { [newEquipment.id]: 250_000_000 },
    });
    expect([result.computedFen, result.capFen, result.amountFen]).toEqual([200_000_000, 50_000_000, 50_000_000]);
  });
});

describe('"对新认定的国家级中试平台 … 150 万元奖励，新认定的省级 … 50 万元": once per platform and level', () => {
  const award = rule('JJ_RECOGNITION_AWARD');

  it('a first provincial recognition pays ¥500,000; a renewal or a regained level pays nothing', () => {
    expect(one(award, { newlyRecognisedLevel: 'PROVINCE' }).amountFen).toBe(50_000_000);
    const again = one(award, { newlyRecognisedLevel: 'PROVINCE', awardedLevelsByRule: { [award.id]: ['PROVINCE'] } });
    expect([again.applies, again.amountFen]).toEqual([false, 0]);
    expect(again.reason).toContain('已奖励');
  });

  it('rising to national after a provincial award pays the national ¥1,500,000', () => {
    const result = one(award, { newlyRecognisedLevel: 'NATIONAL', awardedLevelsByRule: { [award.id]: ['PROVINCE'] } });
    expect(result.amountFen).toBe(150_000_000);
  });
});

describe('嘉兴 "根据设备投入的一定比例": no invented ratio', () => {
  const jiaxing = rule('JX_NEW_PLATFORM_INVESTMENT');

  it('ships with the ratio unset, which is a valid rule that names what is missing', () => {
    expect(jiaxing.kind === 'INVESTMENT_TIER_AWARD' && jiaxing.tiers).toEqual([{ uptoFen: null, ratioBp: null }]);
    expect(validateSubsidyRule(jiaxing)).toBeNull();
    expect(unsetParameters(jiaxing)).toEqual(['tiers[0].ratioBp']);
    expect(ruleInterpretation(jiaxing)).toContain('须由局方设定比例');
  });

  it('with a ratio set, a new national platform is paid once, up to ¥10,000,000', () => {
    const set = { ...jiaxing, tiers: [{ uptoFen: null, ratioBp: 1500 }] } as SubsidyRule;
    expect(unsetParameters(set)).toEqual([]);
    expect(one(set, { newlyRecognisedLevel: 'NATIONAL', newEquipmentFen: 2_000_000_000 }).amountFen).toBe(300_000_000);
    const again = one(set, {
      newlyRecognisedLevel: 'NATIONAL',
      newEquipmentFen: 2_000_000_000,
      awardedLevelsByRule: { [set.id]: ['NATIONAL'] },
    });
    expect(again.amountFen).toBe(0);
  });
});

describe('revenue declaration flags', () => {
  it.each([
    ['in line', 400_000_000, 100_000_000, [300_000_000], []],
    ['below the marketplace', 50_000_000, 100_000_000, [], ['BELOW_MARKETPLACE']],
    ['over twice the best accepted year', 900_000_000, 0, [400_000_000, 300_000_000], ['FAR_ABOVE_HISTORY']],
    ['exactly twice is not far above', 800_000_000, 0, [400_000_000], []],
    ['no history, no history flag', 9_000_000_000, 0, [], []],
  ] as const)('%s', (_label, declared, marketplace, history, flags) => {
    expect(revenueDeclarationFlags(declared, marketplace, history)).toEqual(flags);
  });

  it('refuses negative or fractional figures', () => {
    expect(() => revenueDeclarationFlags(-1, 0, [])).toThrow(RangeError);
    expect(() => revenueDeclarationFlags(1.5, 0, [])).toThrow();
  });
});
