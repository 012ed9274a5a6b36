import { assessSubsidies, AssessmentInputs, formatYuan, tieredAmountFen } from './assessment';
import { JIAXING_RULES, JINJIANG_RULES, SubsidyRule } from './subsidy-rule';

const rule = (code: string): SubsidyRule => {
  const found = [...JINJIANG_RULES, ...JIAXING_RULES].find((candidate) => candidate.code === code);
  if (!found) throw new Error(code);
  return found;
};

const year2025: AssessmentInputs = {
  year: 2025,
  platformLevel: 'CITY',
  newlyRecognisedLevel: null,
  nonFiscalEquipmentFen: 0,
  newEquipmentFen: 0,
  serviceRevenueFen: 0,
  operatingPaidInWindowFen: 0,
  gradeThisYear: null,
  lastGradeAwardYear: null,
};

/** One rule alone: [applies, computedFen, capFen, cappedFen]. */
function alone(code: string, inputs: Partial<AssessmentInputs>) {
  const [result] = assessSubsidies([rule(code)], { ...year2025, ...inputs }).rules;
  return [result.applies, result.computedFen, result.capFen, result.cappedFen];
}

describe('Jinjiang 30 % of non-fiscal equipment, at most ¥5,000,000 (JJ_EQUIPMENT_30)', () => {
  it.each([
    ['¥4,000,000 → ¥1,200,000', { nonFiscalEquipmentFen: 400_000_000 }, [true, 120_000_000, 500_000_000, 120_000_000]],
    [
      '¥16,666,666.66 → ¥4,999,999.99, just under the cap',
      { nonFiscalEquipmentFen: 1_666_666_666 },
      [true, 499_999_999, 500_000_000, 499_999_999],
    ],
    [
      '¥20,000,000 → ¥6,000,000, capped at ¥5,000,000',
      { nonFiscalEquipmentFen: 2_000_000_000 },
      [true, 600_000_000, 500_000_000, 500_000_000],
    ],
    ['333 fen → 99 fen, rounded down', { nonFiscalEquipmentFen: 333 }, [true, 99, 500_000_000, 99]],
    [
      'a national platform qualifies too',
      { platformLevel: 'NATIONAL', nonFiscalEquipmentFen: 100_000_000 },
      [true, 30_000_000, 500_000_000, 30_000_000],
    ],
    [
      'only the non-fiscal figure counts',
      { nonFiscalEquipmentFen: 100_000_000, newEquipmentFen: 900_000_000 },
      [true, 30_000_000, 500_000_000, 30_000_000],
    ],
    [
      'an unrecognised platform gets nothing',
      { platformLevel: 'NONE', nonFiscalEquipmentFen: 400_000_000 },
      [false, 0, null, 0],
    ],
    [
      'recognised by the city this year counts',
      { platformLevel: 'NONE', newlyRecognisedLevel: 'CITY', nonFiscalEquipmentFen: 400_000_000 },
      [true, 120_000_000, 500_000_000, 120_000_000],
    ],
  ] as const)('%s', (_label, inputs, expected) => {
    expect(alone('JJ_EQUIPMENT_30', inputs)).toEqual(expected);
  });
});

describe('Jinjiang 20 % of new equipment, at most ¥5,000,000 national / ¥3,000,000 provincial (JJ_NEW_EQUIPMENT_20)', () => {
  it.each([
    [
      'national, ¥10,000,000 → ¥2,000,000',
      { platformLevel: 'NATIONAL', newEquipmentFen: 1_000_000_000 },
      [true, 200_000_000, 500_000_000, 200_000_000],
    ],
    [
      'national, ¥30,000,000 → ¥6,000,000, capped at ¥5,000,000',
      { platformLevel: 'NATIONAL', newEquipmentFen: 3_000_000_000 },
      [true, 600_000_000, 500_000_000, 500_000_000],
    ],
    [
      'provincial, ¥10,000,000 → ¥2,000,000',
      { platformLevel: 'PROVINCE', newEquipmentFen: 1_000_000_000 },
      [true, 200_000_000, 300_000_000, 200_000_000],
    ],
    [
      'provincial, ¥30,000,000 → ¥6,000,000, capped at ¥3,000,000',
      { platformLevel: 'PROVINCE', newEquipmentFen: 3_000_000_000 },
      [true, 600_000_000, 300_000_000, 300_000_000],
    ],
    [
      'provincial, newly national this year: the national cap',
      { platformLevel: 'PROVINCE', newlyRecognisedLevel: 'NATIONAL', newEquipmentFen: 3_000_000_000 },
      [true, 600_000_000, 500_000_000, 500_000_000],
    ],
    ['a city platform gets nothing', { platformLevel: 'CITY', newEquipmentFen: 1_000_000_000 }, [false, 0, null, 0]],
  ] as const)('%s', (_label, inputs, expected) => {
    expect(alone('JJ_NEW_EQUIPMENT_20', inputs)).toEqual(expected);
  });
});

describe('Jinjiang 30 % of service revenue, at most ¥3,000,000 over 3 consecutive years (JJ_OPERATING_30)', () => {
  it.each([
    ['¥2,000,000 revenue → ¥600,000', { serviceRevenueFen: 200_000_000 }, [true, 60_000_000, 300_000_000, 60_000_000]],
    [
      '¥10,000,000 → exactly the cap',
      { serviceRevenueFen: 1_000_000_000 },
      [true, 300_000_000, 300_000_000, 300_000_000],
    ],
    [
      '¥12,000,000 → ¥3,600,000, capped',
      { serviceRevenueFen: 1_200_000_000 },
      [true, 360_000_000, 300_000_000, 300_000_000],
    ],
    [
      '¥2,400,000 paid in the previous two years → at most ¥600,000',
      { serviceRevenueFen: 500_000_000, operatingPaidInWindowFen: 240_000_000 },
      [true, 150_000_000, 60_000_000, 60_000_000],
    ],
    [
      '¥2,400,000 paid, a small year stays below what is left',
      { serviceRevenueFen: 100_000_000, operatingPaidInWindowFen: 240_000_000 },
      [true, 30_000_000, 60_000_000, 30_000_000],
    ],
    [
      'the window cap used up',
      { serviceRevenueFen: 500_000_000, operatingPaidInWindowFen: 300_000_000 },
      [true, 150_000_000, 0, 0],
    ],
    [
      'an overpaid window gives nothing, never less',
      { serviceRevenueFen: 500_000_000, operatingPaidInWindowFen: 310_000_000 },
      [true, 150_000_000, 0, 0],
    ],
    ['no revenue, nothing', { serviceRevenueFen: 0 }, [true, 0, 300_000_000, 0]],
    [
      'the third year of a window that began in 2023',
      { serviceRevenueFen: 200_000_000, operatingFirstYear: 2023 },
      [true, 60_000_000, 300_000_000, 60_000_000],
    ],
    [
      'a window that began in 2022 is over in 2025',
      { serviceRevenueFen: 200_000_000, operatingFirstYear: 2022 },
      [false, 0, null, 0],
    ],
    [
      'an unrecognised platform gets nothing',
      { platformLevel: 'NONE', serviceRevenueFen: 200_000_000 },
      [false, 0, null, 0],
    ],
  ] as const)('%s', (_label, inputs, expected) => {
    expect(alone('JJ_OPERATING_30', inputs)).toEqual(expected);
  });

  it('three years of ¥4,000,000 revenue pay ¥1,200,000, ¥1,200,000 then ¥600,000', () => {
    let paid = 0;
    const granted: number[] = [];
    for (const year of [2023, 2024, 2025]) {
      const [result] = assessSubsidies([rule('JJ_OPERATING_30')], {
        ...year2025,
        year,
        serviceRevenueFen: 400_000_000,
        operatingPaidInWindowFen: paid,
        operatingFirstYear: 2023,
      }).rules;
      granted.push(result.amountFen);
      paid += result.amountFen;
    }
    expect(granted).toEqual([120_000_000, 120_000_000, 60_000_000]);
    expect(paid).toBe(300_000_000);
  });
});

describe('Jinjiang awards for a new recognition (JJ_RECOGNITION_AWARD)', () => {
  it.each([
    [
      'newly national → ¥1,500,000',
      { platformLevel: 'PROVINCE', newlyRecognisedLevel: 'NATIONAL' },
      [true, 150_000_000, null, 150_000_000],
    ],
    ['newly provincial → ¥500,000', { newlyRecognisedLevel: 'PROVINCE' }, [true, 50_000_000, null, 50_000_000]],
    ['newly city-level: no award', { newlyRecognisedLevel: 'CITY' }, [false, 0, null, 0]],
    ['national for years, nothing new', { platformLevel: 'NATIONAL', newlyRecognisedLevel: null }, [false, 0, null, 0]],
  ] as const)('%s', (_label, inputs, expected) => {
    expect(alone('JJ_RECOGNITION_AWARD', inputs)).toEqual(expected);
  });
});

/** The Jiaxing rule with a ratio its bureau set: the seed names none ("根据设备投入的一定比例"). */
function jiaxingWithRatio(ratioBp: number): SubsidyRule {
  return { ...rule('JX_NEW_PLATFORM_INVESTMENT'), tiers: [{ uptoFen: null, ratioBp }] } as SubsidyRule;
}

describe('Jiaxing award by equipment investment for a new national/provincial platform (JX_NEW_PLATFORM_INVESTMENT)', () => {
  it('as seeded the ratio is unset ("一定比例"): nothing is paid, whatever the investment', () => {
    const [result] = assessSubsidies([rule('JX_NEW_PLATFORM_INVESTMENT')], {
      ...year2025,
      newlyRecognisedLevel: 'NATIONAL',
      newEquipmentFen: 2_000_000_000,
    }).rules;
    expect([result.applies, result.amountFen]).toEqual([false, 0]);
    expect(result.reason).toContain('比例未设定');
  });

  it.each([
    [
      'newly national, ¥20,000,000 at a bureau-set 20 % → ¥4,000,000',
      { newlyRecognisedLevel: 'NATIONAL', newEquipmentFen: 2_000_000_000 },
      [true, 400_000_000, 1_000_000_000, 400_000_000],
    ],
    [
      'newly national, ¥60,000,000 → ¥12,000,000, capped at ¥10,000,000',
      { newlyRecognisedLevel: 'NATIONAL', newEquipmentFen: 6_000_000_000 },
      [true, 1_200_000_000, 1_000_000_000, 1_000_000_000],
    ],
    [
      'newly provincial, ¥30,000,000 → ¥6,000,000, capped at ¥5,000,000',
      { newlyRecognisedLevel: 'PROVINCE', newEquipmentFen: 3_000_000_000 },
      [true, 600_000_000, 500_000_000, 500_000_000],
    ],
    [
      'provincial for years: not a new platform',
      { platformLevel: 'PROVINCE', newEquipmentFen: 3_000_000_000 },
      [false, 0, null, 0],
    ],
    [
      'newly city-level: nothing',
      { newlyRecognisedLevel: 'CITY', newEquipmentFen: 3_000_000_000 },
      [false, 0, null, 0],
    ],
  ] as const)('%s', (_label, inputs, expected) => {
    const [result] = assessSubsidies([jiaxingWithRatio(2000)], { ...year2025, ...inputs }).rules;
    expect([result.applies, result.computedFen, result.capFen, result.cappedFen]).toEqual(expected);
  });
});

describe('Jiaxing ¥1,000,000 for an EXCELLENT grade, once in 3 years (JX_EXCELLENT_AWARD)', () => {
  it.each([
    ['excellent, never awarded', { gradeThisYear: 'EXCELLENT' }, [true, 100_000_000, null, 100_000_000]],
    [
      'excellent, awarded 2023: not again in 2025',
      { gradeThisYear: 'EXCELLENT', lastGradeAwardYear: 2023 },
      [false, 0, null, 0],
    ],
    ['excellent, awarded 2024', { gradeThisYear: 'EXCELLENT', lastGradeAwardYear: 2024 }, [false, 0, null, 0]],
    [
      'excellent, awarded 2022: again in 2025',
      { gradeThisYear: 'EXCELLENT', lastGradeAwardYear: 2022 },
      [true, 100_000_000, null, 100_000_000],
    ],
    ['good is not enough', { gradeThisYear: 'GOOD' }, [false, 0, null, 0]],
    ['no grade yet', { gradeThisYear: null }, [false, 0, null, 0]],
  ] as const)('%s', (_label, inputs, expected) => {
    expect(alone('JX_EXCELLENT_AWARD', inputs)).toEqual(expected);
  });
});

describe('就高不重复: the two Jinjiang equipment subsidies', () => {
  const pick = (inputs: Partial<AssessmentInputs>, rules: readonly SubsidyRule[] = JINJIANG_RULES) => {
    const assessment = assessSubsidies(rules, { ...year2025, ...inputs });
    return {
      decisions: assessment.rules
        .filter((result) => result.code.includes('EQUIPMENT'))
        .map((result) => [result.code, result.cappedFen, result.amountFen, result.overlapDecision]),
      totalFen: assessment.totalFen,
    };
  };

  it('the 30 % is higher: granted, the 20 % dropped, never the sum', () => {
    expect(
      pick({ platformLevel: 'NATIONAL', nonFiscalEquipmentFen: 1_000_000_000, newEquipmentFen: 1_000_000_000 }),
    ).toEqual({
      decisions: [
        ['JJ_EQUIPMENT_30', 300_000_000, 300_000_000, 'HIGHEST_IN_GROUP'],
        ['JJ_NEW_EQUIPMENT_20', 200_000_000, 0, 'LOWER_IN_GROUP_DROPPED'],
      ],
      totalFen: 300_000_000,
    });
  });

  it('the capped 20 % is higher: granted, the 30 % dropped', () => {
    expect(
      pick({ platformLevel: 'NATIONAL', nonFiscalEquipmentFen: 500_000_000, newEquipmentFen: 3_000_000_000 }),
    ).toEqual({
      decisions: [
        ['JJ_EQUIPMENT_30', 150_000_000, 0, 'LOWER_IN_GROUP_DROPPED'],
        ['JJ_NEW_EQUIPMENT_20', 500_000_000, 500_000_000, 'HIGHEST_IN_GROUP'],
      ],
      totalFen: 500_000_000,
    });
  });

  it('the caps compare, not the amounts before them (provincial: ¥3,000,000 cap)', () => {
    expect(
      pick({ platformLevel: 'PROVINCE', nonFiscalEquipmentFen: 1_100_000_000, newEquipmentFen: 3_000_000_000 }),
    ).toEqual({
      decisions: [
        ['JJ_EQUIPMENT_30', 330_000_000, 330_000_000, 'HIGHEST_IN_GROUP'],
        ['JJ_NEW_EQUIPMENT_20', 300_000_000, 0, 'LOWER_IN_GROUP_DROPPED'],
      ],
      totalFen: 330_000_000,
    });
  });

  it('a tie goes to the rule listed first', () => {
    const inputs = {
      platformLevel: 'NATIONAL',
      nonFiscalEquipmentFen: 1_000_000_000,
      newEquipmentFen: 1_500_000_000,
    } as const;
    expect(pick(inputs).decisions).toEqual([
      ['JJ_EQUIPMENT_30', 300_000_000, 300_000_000, 'HIGHEST_IN_GROUP'],
      ['JJ_NEW_EQUIPMENT_20', 300_000_000, 0, 'LOWER_IN_GROUP_DROPPED'],
    ]);
    expect(pick(inputs, [...JINJIANG_RULES].reverse()).decisions).toEqual([
      ['JJ_NEW_EQUIPMENT_20', 300_000_000, 300_000_000, 'HIGHEST_IN_GROUP'],
      ['JJ_EQUIPMENT_30', 300_000_000, 0, 'LOWER_IN_GROUP_DROPPED'],
    ]);
  });

  it('a city platform: the 20 % does not apply, so the 30 % stands alone', () => {
    expect(
      pick({ platformLevel: 'CITY', nonFiscalEquipmentFen: 1_000_000_000, newEquipmentFen: 1_000_000_000 }),
    ).toEqual({
      decisions: [
        ['JJ_EQUIPMENT_30', 300_000_000, 300_000_000, 'ALONE'],
        ['JJ_NEW_EQUIPMENT_20', 0, 0, 'NOT_APPLICABLE'],
      ],
      totalFen: 300_000_000,
    });
  });

  it('the dropped rule says which one is granted instead', () => {
    const result = assessSubsidies(JINJIANG_RULES, {
      ...year2025,
      platformLevel: 'NATIONAL',
      nonFiscalEquipmentFen: 1_000_000_000,
      newEquipmentFen: 1_000_000_000,
    }).rules.find((entry) => entry.code === 'JJ_NEW_EQUIPMENT_20');
    expect(result?.reason).toMatch(/JJ_EQUIPMENT_30 is granted instead/);
    expect(result?.split).toEqual([
      { funderKey: 'QUANZHOU', amountFen: 0 },
      { funderKey: 'JINJIANG', amountFen: 0 },
    ]);
  });
});

describe('a full Jinjiang year: newly national, odd fen split 1:1', () => {
  const assessment = assessSubsidies(JINJIANG_RULES, {
    ...year2025,
    platformLevel: 'PROVINCE',
    newlyRecognisedLevel: 'NATIONAL',
    nonFiscalEquipmentFen: 1_000_000_000, // 30 % → 300,000,000
    newEquipmentFen: 1_000_000_000, // 20 % → 200,000,000, dropped
    serviceRevenueFen: 123_456_791, // 30 % → 37,037,037.3 → 37,037,037
  });

  it('grants each rule and splits it', () => {
    expect(
      assessment.rules.map((result) => [
        result.code,
        result.applies,
        result.computedFen,
        result.capFen,
        result.amountFen,
        result.overlapDecision,
        result.split.map((part) => part.amountFen),
      ]),
    ).toEqual([
      ['JJ_EQUIPMENT_30', true, 300_000_000, 500_000_000, 300_000_000, 'HIGHEST_IN_GROUP', [150_000_000, 150_000_000]],
      ['JJ_OPERATING_30', true, 37_037_037, 300_000_000, 37_037_037, 'ALONE', [18_518_519, 18_518_518]],
      ['JJ_RECOGNITION_AWARD', true, 150_000_000, null, 150_000_000, 'ALONE', [75_000_000, 75_000_000]],
      ['JJ_NEW_EQUIPMENT_20', true, 200_000_000, 500_000_000, 0, 'LOWER_IN_GROUP_DROPPED', [0, 0]],
    ]);
  });

  it('adds up per funder and in total, to the fen', () => {
    expect(assessment.totalFen).toBe(487_037_037);
    expect(assessment.funderTotals).toEqual([
      { funderKey: 'QUANZHOU', name: '泉州市', amountFen: 243_518_519 },
      { funderKey: 'JINJIANG', name: '晋江市', amountFen: 243_518_518 },
    ]);
    expect(assessment.year).toBe(2025);
  });
});

describe('1:1 split of an odd amount', () => {
  it.each([
    [333, 99, [50, 49]],
    [10, 3, [2, 1]],
    [4, 1, [1, 0]],
    [20, 6, [3, 3]],
  ])('revenue %i fen → %i fen → Quanzhou/Jinjiang %j', (revenue, amount, parts) => {
    const [result] = assessSubsidies([rule('JJ_OPERATING_30')], { ...year2025, serviceRevenueFen: revenue }).rules;
    expect(result.amountFen).toBe(amount);
    expect(result.split).toEqual([
      { funderKey: 'QUANZHOU', amountFen: parts[0] },
      { funderKey: 'JINJIANG', amountFen: parts[1] },
    ]);
  });
});

describe('a full Jiaxing year', () => {
  it('the new-platform award and the excellent award add up; one funder', () => {
    const assessment = assessSubsidies([jiaxingWithRatio(2000), JIAXING_RULES[1]], {
      ...year2025,
      newlyRecognisedLevel: 'PROVINCE',
      newEquipmentFen: 1_234_567_891, // a bureau-set 20 % → 246,913,578.2 → 246,913,578
      gradeThisYear: 'EXCELLENT',
    });
    expect(assessment.rules.map((result) => [result.code, result.amountFen, result.overlapDecision])).toEqual([
      ['JX_NEW_PLATFORM_INVESTMENT', 246_913_578, 'ALONE'],
      ['JX_EXCELLENT_AWARD', 100_000_000, 'ALONE'],
    ]);
    expect(assessment.totalFen).toBe(346_913_578);
    expect(assessment.funderTotals).toEqual([{ funderKey: 'JIAXING', name: '嘉兴市', amountFen: 346_913_578 }]);
  });
});

describe('bad input', () => {
  it.each([
    [{ nonFiscalEquipmentFen: -1 }],
    [{ serviceRevenueFen: 1.5 }],
    [{ operatingPaidInWindowFen: Number.MAX_SAFE_INTEGER + 1 }],
    [{ year: 2025.5 }],
    [{ platformLevel: 'GALACTIC' }],
    [{ newlyRecognisedLevel: 'GALACTIC' }],
    [{ lastGradeAwardYear: 2024.5 }],
  ])('refuses %j', (bad) => {
    expect(() => assessSubsidies(JINJIANG_RULES, { ...year2025, ...bad } as AssessmentInputs)).toThrow(RangeError);
  });

  it('refuses an invalid rule set', () => {
    expect(() => assessSubsidies([...JINJIANG_RULES, JINJIANG_RULES[0]], year2025)).toThrow('duplicate rule id');
  });

  it('an empty rule set grants nothing', () => {
    expect(assessSubsidies([], year2025)).toEqual({ year: 2025, rules: [], totalFen: 0, funderTotals: [] });
  });
});

describe('tieredAmountFen (marginal)', () => {
  const tiers = [
    { uptoFen: 100_000_000, ratioBp: 5000 },
    { uptoFen: 300_000_000, ratioBp: 2000 },
    { uptoFen: null, ratioBp: 1000 },
  ];
  it.each([
    [0, 0],
    [50_000_000, 25_000_000],
    [100_000_000, 50_000_000],
    [300_000_000, 90_000_000], // 50,000,000 + 20 % of 200,000,000
    [500_000_000, 110_000_000], // + 10 % of 200,000,000
    [100_000_009, 50_000_001], // 50,000,000 + 20 % of 9 = 1.8 → 1
  ])('%i fen → %i fen', (basis, expected) => {
    expect(tieredAmountFen(tiers, basis)).toBe(expected);
  });
});

describe('formatYuan', () => {
  it.each([
    [0, '¥0'],
    [5, '¥0.05'],
    [150_000_000, '¥1,500,000'],
    [123_456_789, '¥1,234,567.89'],
    [-100, '-¥1'],
  ])('%i fen → %s', (fen, text) => {
    expect(formatYuan(fen)).toBe(text);
  });
});
