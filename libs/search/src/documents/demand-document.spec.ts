import { DemandSourceRow, demandBudgetBandOf, isSearchableDemand, toDemandDocument } from './demand-document';

const at = (iso: string) => new Date(iso);

function row(overrides: Partial<DemandSourceRow> = {}): DemandSourceRow {
  return {
    id: 'd-1',
    smeOrgId: 'sme-1',
    title: '石墨烯改性EVA鞋底中试放大',
    description: '配方保密：石墨烯添加量 0.3%，需验证连续发泡工艺的稳定性。',
    fieldCode: 'TEXTILE_SHOE_MATERIAL',
    stage: 'PILOT',
    categories: ['SCALE_UP', 'PERFORMANCE_TEST'],
    budgetMinFen: '5000000',
    budgetMaxFen: '15000000',
    wantedBy: '2030-06-30',
    regionCode: '350582',
    mode: 'OPEN',
    rewardFen: null,
    challengeDeadline: null,
    confidentiality: 'PUBLIC',
    status: 'OPEN',
    publishedAt: at('2025-06-01T08:00:00Z'),
    updatedAt: at('2025-06-01T08:00:01Z'),
    ...overrides,
  };
}

const SUMMARY_KEYS = [
  'budgetBand',
  'categories',
  'categoryLabels',
  'confidentiality',
  'fieldCode',
  'fieldCodes',
  'fieldNames',
  'id',
  'mode',
  'modeLabel',
  'publishedAt',
  'smeOrgId',
  'stage',
  'stageLabel',
  'status',
  'title',
  'updatedAt',
];

describe('demand documents', () => {
  it('index only open PUBLIC and SUMMARY demands', () => {
    expect(isSearchableDemand({ status: 'OPEN', confidentiality: 'PUBLIC' })).toBe(true);
    expect(isSearchableDemand({ status: 'OPEN', confidentiality: 'SUMMARY' })).toBe(true);
    expect(toDemandDocument(row({ confidentiality: 'PRIVATE' }))).toBeNull();
    for (const status of ['DRAFT', 'AWARDED', 'CLOSED', 'CANCELLED', 'EXPIRED']) {
      expect(toDemandDocument(row({ status }))).toBeNull();
    }
  });

  it('carry everything of a PUBLIC demand, with labels, the parent field and the region hierarchy', () => {
    expect(toDemandDocument(row())).toEqual({
      id: 'd-1',
      smeOrgId: 'sme-1',
      title: '石墨烯改性EVA鞋底中试放大',
      description: '配方保密：石墨烯添加量 0.3%，需验证连续发泡工艺的稳定性。',
      confidentiality: 'PUBLIC',
      status: 'OPEN',
      fieldCode: 'TEXTILE_SHOE_MATERIAL',
      fieldCodes: ['TEXTILE_SHOE_MATERIAL', 'TEXTILE'],
      fieldNames: ['新型鞋材', '纺织鞋服'],
      stage: 'PILOT',
      stageLabel: '中试',
      categories: ['SCALE_UP', 'PERFORMANCE_TEST'],
      categoryLabels: ['工艺放大熟化', '产品性能测试'],
      mode: 'OPEN',
      modeLabel: '公开征集',
      budgetBand: '50K_200K',
      budgetMinFen: 5_000_000,
      budgetMaxFen: 15_000_000,
      regionCode: '350582',
      regionCodes: ['350000', '350500', '350582'],
      wantedBy: '2030-06-30',
      rewardFen: null,
      challengeDeadline: null,
      publishedAt: Date.parse('2025-06-01T08:00:00Z') / 1000,
      updatedAt: Date.parse('2025-06-01T08:00:01Z'),
    });
  });

  it('carry only the summary fields of a SUMMARY demand: no description, exact budget, region or dates', () => {
    const doc = toDemandDocument(
      row({ confidentiality: 'SUMMARY', mode: 'CHALLENGE', rewardFen: '500000000', challengeDeadline: '2030-03-31' }),
    )!;
    expect(Object.keys(doc).sort()).toEqual(SUMMARY_KEYS);
    expect(JSON.stringify(doc)).not.toContain('0.3%');
    expect(JSON.stringify(doc)).not.toContain('350582');
    expect(doc).toMatchObject({ budgetBand: '50K_200K', mode: 'CHALLENGE', modeLabel: '揭榜挂帅' });
  });

  it('band the budget by its upper bound, or the lower one when only that is given', () => {
    expect(demandBudgetBandOf(4_999_999)).toBe('UNDER_50K');
    expect(demandBudgetBandOf(5_000_000)).toBe('50K_200K');
    expect(demandBudgetBandOf(100_000_000)).toBe('OVER_1M');
    expect(toDemandDocument(row({ budgetMaxFen: null, budgetMinFen: '30000000' }))!.budgetBand).toBe('200K_1M');
    expect(toDemandDocument(row({ budgetMaxFen: null, budgetMinFen: null }))!.budgetBand).toBeNull();
  });

  it('index Traditional text as Simplified and keep the original apart', () => {
    const doc = toDemandDocument(row({ title: '電機驅動器中試驗證', description: '需要型式試驗' }))!;
    expect(doc.title).toBe('电机驱动器中试验证');
    expect(doc.original).toEqual({ title: '電機驅動器中試驗證', description: '需要型式試驗' });
  });
});
