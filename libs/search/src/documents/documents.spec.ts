import { PilotService } from '@pilotlink/catalogue/domain/pilot-service.entity';
import { Platform } from '@pilotlink/catalogue/domain/platform.entity';
import { PlatformQualification } from '@pilotlink/catalogue/domain/platform-qualification.entity';
import { toPlatformDocument } from './platform-document';
import { toServiceDocument } from './service-document';

const at = (iso: string) => new Date(iso);

function platform(overrides: Partial<Platform> = {}): Platform {
  return Object.assign(new Platform(), {
    id: 'p-1',
    operatorOrgId: 'o-1',
    name: '晋江市新材料中试服务平台',
    type: 'PILOT_SERVICE',
    operatingModel: 'SPECIALIZED',
    fieldCodes: ['MATERIALS_GRAPHENE'],
    regionCode: '350582',
    address: '晋江市科技园',
    description: '石墨烯材料中试验证',
    recognitionLevel: 'PROVINCE',
    status: 'LISTED',
    listedAt: at('2025-03-01T00:00:00Z'),
    ratingAvg: '4.50',
    reviewCount: 12,
    createdAt: at('2025-01-01T00:00:00Z'),
    updatedAt: at('2025-05-01T00:00:00Z'),
    ...overrides,
  });
}

function service(overrides: Partial<PilotService> = {}): PilotService {
  return Object.assign(new PilotService(), {
    id: 's-1',
    platformId: 'p-1',
    title: '石墨烯导热膜中试验证',
    description: '提供小批量试产与性能测试',
    category: 'SCALE_UP',
    fieldCodes: ['MATERIALS_GRAPHENE'],
    stages: ['PILOT', 'SMALL_BATCH'],
    pricingKind: 'FIXED',
    priceFen: '3500000',
    unitName: null,
    leadTimeDays: 30,
    voucherEligible: true,
    status: 'PUBLISHED',
    publishedAt: at('2025-06-01T08:00:00Z'),
    createdAt: at('2025-05-20T00:00:00Z'),
    updatedAt: at('2025-06-01T08:00:00Z'),
    ...overrides,
  });
}

const host = { name: '福建省石墨烯研究院有限公司', updatedAt: at('2025-02-01T00:00:00Z') };

describe('service documents', () => {
  it('denormalise the platform and host org, with labels, parent fields and the region hierarchy', () => {
    const doc = toServiceDocument(service(), platform(), host);
    expect(doc).toMatchObject({
      id: 's-1',
      categoryLabel: '工艺放大熟化',
      fieldCodes: ['MATERIALS_GRAPHENE', 'MATERIALS'],
      fieldNames: ['石墨烯', '新型功能材料'],
      stageLabels: ['中试', '小批量试生产'],
      priceFen: 3_500_000,
      priceBand: '10K_50K',
      platformId: 'p-1',
      platformName: '晋江市新材料中试服务平台',
      platformType: 'PILOT_SERVICE',
      platformTypeLabel: '中试服务平台',
      recognitionLevel: 'PROVINCE',
      recognitionRank: 2,
      ratingAvg: 4.5,
      regionCodes: ['350000', '350500', '350582'],
      hostOrgName: '福建省石墨烯研究院有限公司',
      publishedAt: Date.parse('2025-06-01T08:00:00Z') / 1000,
    });
    expect(doc.original).toBeUndefined();
  });

  it('price on request: null price in the 面议 band; no rating yet: null', () => {
    const doc = toServiceDocument(
      service({ pricingKind: 'QUOTE', priceFen: null }),
      platform({ ratingAvg: null, recognitionLevel: 'NONE' }),
      host,
    );
    expect(doc.priceFen).toBeNull();
    expect(doc.priceBand).toBe('ON_QUOTE');
    expect(doc.ratingAvg).toBeNull();
    expect(doc.recognitionRank).toBe(0);
  });

  it('carry the newest updated_at of service, platform and org, so a change to any makes it stale', () => {
    expect(toServiceDocument(service(), platform(), host).updatedAt).toBe(Date.parse('2025-06-01T08:00:00Z'));
    const renamedOrg = { ...host, updatedAt: at('2025-07-01T00:00:00Z') };
    expect(toServiceDocument(service(), platform(), renamedOrg).updatedAt).toBe(Date.parse('2025-07-01T00:00:00Z'));
  });

  it('index Traditional text as Simplified and keep the original apart', () => {
    const doc = toServiceDocument(service({ title: '電機驅動器檢驗檢測' }), platform({ name: '廣州中試平臺' }), host);
    expect(doc.title).toBe('电机驱动器检验检测');
    expect(doc.platformName).toBe('广州中试平台');
    expect(doc.original).toEqual({ title: '電機驅動器檢驗檢測', platformName: '廣州中試平臺' });
  });
});

describe('platform documents', () => {
  const qualification = (overrides: Partial<PlatformQualification>) =>
    Object.assign(new PlatformQualification(), {
      id: 'q',
      platformId: 'p-1',
      kind: 'CNAS',
      certificateNo: 'CNAS L12345',
      accreditedScope: '石墨烯材料 导热系数 检测',
      validUntil: '2027-12-31',
      createdAt: at('2025-01-10T00:00:00Z'),
      ...overrides,
    });

  it('show only qualifications still valid today (Beijing date), with the next expiry', () => {
    const doc = toPlatformDocument(
      platform(),
      [
        qualification({ kind: 'CMA', certificateNo: '231512340123', validUntil: '2026-06-30' }),
        qualification({}),
        qualification({ kind: 'ISO9001', certificateNo: 'OLD-1', validUntil: '2026-01-14' }),
        qualification({ kind: 'GLP', certificateNo: 'TODAY-1', validUntil: '2026-01-15', accreditedScope: '' }),
      ],
      host,
      '2026-01-15',
    );
    expect(doc.qualificationKinds).toEqual(['CMA', 'CNAS', 'GLP']);
    expect(doc.certificateNos).toEqual(['231512340123', 'CNAS L12345', 'TODAY-1']);
    expect(doc.qualificationScopes).toEqual(['石墨烯材料 导热系数 检测', '石墨烯材料 导热系数 检测']);
    expect(doc.nextQualificationExpiry).toBe('2026-01-15');
    expect(doc).toMatchObject({
      typeLabel: '中试服务平台',
      operatingModelLabel: '专业型',
      fieldCodes: ['MATERIALS_GRAPHENE', 'MATERIALS'],
      regionCodes: ['350000', '350500', '350582'],
      listedAt: Date.parse('2025-03-01T00:00:00Z') / 1000,
      updatedAt: Date.parse('2025-05-01T00:00:00Z'),
    });
  });

  it('have no next expiry without valid qualifications', () => {
    expect(toPlatformDocument(platform(), [], host, '2026-01-15').nextQualificationExpiry).toBeNull();
  });
});
