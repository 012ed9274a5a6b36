import { ResultSourceRow, toResultDocument } from './result-document';

const row = (over: Partial<ResultSourceRow> = {}): ResultSourceRow => ({
  id: 'r1',
  instituteOrgId: 'inst',
  title: '高導熱氮化物陶瓷基板',
  summary: '面向功率模块封装的高导热基板。',
  description: '保密：烧结助剂配比。',
  fieldCode: 'MATERIALS_CERAMICS',
  stageReached: 'LAB',
  readinessLevel: 4,
  ipItems: [{ kind: 'INVENTION_PATENT', title: '一种氮化硅基板', number: 'ZL202310000001.1' }],
  verificationCategories: ['SCALE_UP'],
  targetStage: 'PILOT',
  budgetMinFen: '1000000',
  budgetMaxFen: '30000000',
  transferModes: ['LICENSE'],
  confidentiality: 'PUBLIC',
  status: 'PUBLISHED',
  publishedAt: new Date('2026-01-01T00:00:00Z'),
  updatedAt: new Date('2026-01-02T00:00:00Z'),
  ...over,
});

describe('result documents', () => {
  it('a PUBLIC result carries everything, Traditional text converted and the original kept', () => {
    const doc = toResultDocument(row())!;
    expect(doc.title).toBe('高导热氮化物陶瓷基板');
    expect(doc.original?.title).toBe('高導熱氮化物陶瓷基板');
    expect(doc).toMatchObject({
      description: '保密：烧结助剂配比。',
      ipNumbers: ['ZL202310000001.1'],
      budgetBand: '200K_1M',
    });
    expect(doc.fieldCodes).toEqual(['MATERIALS_CERAMICS', 'MATERIALS']);
    expect(doc.transferModeLabels).toEqual(['许可']);
  });

  it('a SUMMARY result carries its summary fields only; PRIVATE, drafts and withdrawn results are not indexed', () => {
    const doc = toResultDocument(row({ confidentiality: 'SUMMARY' }))!;
    for (const hidden of ['description', 'ipNumbers', 'budgetMinFen', 'budgetMaxFen'])
      expect(doc).not.toHaveProperty(hidden);
    expect(JSON.stringify(doc)).not.toContain('烧结助剂');
    expect(toResultDocument(row({ confidentiality: 'PRIVATE' }))).toBeNull();
    expect(toResultDocument(row({ status: 'DRAFT' }))).toBeNull();
    expect(toResultDocument(row({ status: 'WITHDRAWN' }))).toBeNull();
    expect(toResultDocument(row({ status: 'TRANSFERRED' }))).not.toBeNull();
  });
});
