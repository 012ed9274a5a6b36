import {
  INDUSTRY_FIELD_INDEX,
  OPERATING_MODELS,
  PLATFORM_TYPES,
  PRICING_KINDS,
  QUALIFICATION_KINDS,
  RECOGNITION_LEVELS,
  SERVICE_CATEGORIES,
  SERVICE_STAGES,
} from '@pilotlink/core';
import { isValidRegionCode, isValidUscc } from '@pilotlink/identity';
import { DEMO_OPERATOR_ORGS, DEMO_PLATFORMS, DemoPlatform } from './demo-catalogue.data';
import { DEMO_ORGS } from './demo-identity.seed';

/** The day the demo data was written: exactly one qualification had expired by then. */
const DATA_WRITTEN_ON = '2026-11-22';

const allServices = DEMO_PLATFORMS.flatMap((p) => p.services.map((s) => ({ platform: p.name, ...s })));
const allQualifications = DEMO_PLATFORMS.flatMap((p) => p.qualifications);
const isoDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
const duplicates = (values: string[]) => values.filter((v, i) => values.indexOf(v) !== i);

describe('demo catalogue data', () => {
  describe('platforms', () => {
    it.each(DEMO_PLATFORMS.map((p) => [p.name, p] as const))('%s fits the domain and the table', (_name, p) => {
      expect(p.name.length).toBeGreaterThanOrEqual(2);
      expect(p.name.length).toBeLessThanOrEqual(200);
      expect(PLATFORM_TYPES).toContain(p.type);
      expect(OPERATING_MODELS).toContain(p.operatingModel);
      expect(RECOGNITION_LEVELS).toContain(p.recognitionLevel);
      expect(isValidRegionCode(p.regionCode)).toBe(true);
      expect(p.fieldCodes.length).toBeGreaterThanOrEqual(1);
      expect(p.fieldCodes.length).toBeLessThanOrEqual(10);
      expect(duplicates(p.fieldCodes)).toEqual([]);
      for (const code of p.fieldCodes) expect(INDUSTRY_FIELD_INDEX.has(code)).toBe(true);
      expect(p.address.length).toBeGreaterThanOrEqual(2);
      expect(p.description.length).toBeGreaterThan(20);
      expect(p.services.length).toBeGreaterThanOrEqual(3);
      expect(p.services.length).toBeLessThanOrEqual(6);
      expect(p.qualifications.length).toBeLessThanOrEqual(2);
      expect(p.equipment.length).toBeLessThanOrEqual(3);
      expect(duplicates(p.services.map((s) => s.title))).toEqual([]);
      expect(duplicates(p.equipment.map((e) => e.name))).toEqual([]);
    });

    it('are unique per operator, the seed’s match key', () => {
      expect(duplicates(DEMO_PLATFORMS.map((p) => `${p.operator.uscc}/${p.name}`))).toEqual([]);
    });

    it('show each state: almost all listed, one pending review, one draft, one suspended with a reason', () => {
      const byStatus = (status: DemoPlatform['status']) => DEMO_PLATFORMS.filter((p) => p.status === status);
      expect(byStatus('PENDING_REVIEW')).toHaveLength(1);
      expect(byStatus('DRAFT')).toHaveLength(1);
      expect(byStatus('SUSPENDED')).toHaveLength(1);
      expect(byStatus('SUSPENDED')[0].statusReason).toBeTruthy();
      expect(byStatus('LISTED').length).toBe(DEMO_PLATFORMS.length - 3);
      for (const p of DEMO_PLATFORMS.filter((x) => x.status !== 'SUSPENDED')) expect(p.statusReason).toBeUndefined();
    });

    it('include a testing body and a concept-verification centre', () => {
      const types = new Set(DEMO_PLATFORMS.filter((p) => p.status === 'LISTED').map((p) => p.type));
      expect(types).toContain('TESTING');
      expect(types).toContain('CONCEPT_VERIFICATION');
    });

    it.each([
      ['350100', '福州'],
      ['330400', '嘉兴'],
      ['440100', '广州'],
    ])('include 3–5 platforms in %s (%s) with generic demo hosts', (region) => {
      const here = DEMO_PLATFORMS.filter((p) => p.regionCode === region && !p.jinjiangRows);
      expect(here.length).toBeGreaterThanOrEqual(3);
      expect(here.length).toBeLessThanOrEqual(5);
      for (const p of here) expect(p.operator.name).toContain('示范');
    });

    it('write one Guangzhou description in traditional characters', () => {
      const traditional = DEMO_PLATFORMS.filter((p) => /[與臺驗廣醫藥體]/.test(p.description));
      expect(traditional.map((p) => p.regionCode)).toEqual(['440100']);
    });
  });

  describe('the Jinjiang attachments', () => {
    const rows = DEMO_PLATFORMS.flatMap((p) => p.jinjiangRows ?? []);

    it('are all covered, each row by exactly one platform', () => {
      const expected = [
        ...Array.from({ length: 8 }, (_, i) => `1-${i + 1}`),
        ...Array.from({ length: 11 }, (_, i) => `2-${i + 1}`),
      ];
      expect(duplicates(rows)).toEqual([]);
      expect([...rows].sort()).toEqual([...expected].sort());
    });

    it.each([
      ['高端绿色功能性纺织面料中试服务平台', '海西纺织新材料工业技术晋江研究院'],
      ['新型表面微结构功能皮革材料中试服务平台', '兴业皮革科技股份有限公司'],
      ['石墨烯改性新材料中试服务平台', '福建海峡石墨烯产业技术研究院有限公司'],
      ['休闲食品及饮品研发中试服务平台', '盼盼食品集团有限公司'],
      ['微电子技术研发公共服务平台', '福州大学'],
      ['高性能电机驱动与电力电子系统研发公共服务平台', '泉州装备制造研究所'],
      ['食品功能验证研发公共服务平台', '港理大晋江研究院'],
      ['先进绿色石化鞋服制造业中试服务基地', '中国皮革和制鞋工业研究院（晋江）有限公司'],
      ['福州大学-晋江微电子中试服务平台', '福州大学晋江市福大科教园发展中心'],
      ['高性能电机驱动与功率电子系统中试验证与转化基地', '泉州装备制造研究所'],
      ['氮化铝陶瓷中试研发平台', '福建华清电子材料科技有限公司'],
      ['福建省中关村中试熟化服务平台', '中关村硬创空间（晋江）科技有限公司'],
      ['盼盼食品集团饮品研发创新中试服务平台', '福建盼盼饮料有限公司'],
      ['EVA超临界一次发泡成型中试服务平台', '福建嘉怡塑胶有限公司'],
    ])('list %s, hosted by %s', (name, host) => {
      const platform = DEMO_PLATFORMS.find((p) => p.name === name);
      expect(platform?.operator.name).toBe(host);
      expect(platform?.jinjiangRows?.length).toBeGreaterThan(0);
    });

    it('map the document’s 初步分类 to our platform types', () => {
      const typeOf = (name: string) => DEMO_PLATFORMS.find((p) => p.name === name)?.type;
      expect(typeOf('微电子技术研发公共服务平台')).toBe('COMMON_TECH');
      expect(typeOf('先进绿色石化鞋服制造业中试服务基地')).toBe('PILOT_BASE');
      expect(typeOf('新型表面微结构功能皮革材料中试服务平台')).toBe('PILOT_SERVICE');
    });
  });

  describe('operator orgs', () => {
    const orgs = Object.values(DEMO_OPERATOR_ORGS);
    const demoOperator = DEMO_ORGS.find((o) => o.email === 'platform@demo.pilotlink.cn')!;

    it('have valid, distinct USCCs and one name each', () => {
      for (const org of orgs) {
        expect(isValidUscc(org.uscc)).toBe(true);
        expect(isValidRegionCode(org.regionCode)).toBe(true);
      }
      expect(duplicates(orgs.map((o) => o.uscc))).toEqual([]);
      expect(duplicates(orgs.map((o) => o.name))).toEqual([]);
    });

    it('use demo serials from 300 up, except the identity seed’s platform operator', () => {
      for (const org of orgs.filter((o) => o.uscc !== demoOperator.uscc)) {
        expect(Number(org.uscc.slice(10, 17))).toBeGreaterThanOrEqual(300);
      }
      const identityUsccs = new Set(DEMO_ORGS.map((o) => o.uscc));
      expect(orgs.filter((o) => identityUsccs.has(o.uscc)).map((o) => o.name)).toEqual([demoOperator.name]);
    });

    it('give the demo platform login 海西纺织 real platforms, one of them listed', () => {
      const ours = DEMO_PLATFORMS.filter((p) => p.operator.name === '海西纺织新材料工业技术晋江研究院');
      expect(ours.length).toBeGreaterThanOrEqual(1);
      for (const p of ours) expect(p.operator.uscc).toBe(demoOperator.uscc);
      expect(ours.some((p) => p.status === 'LISTED')).toBe(true);
    });
  });

  describe('services', () => {
    it.each(allServices.map((s) => [`${s.platform} / ${s.title}`, s] as const))('%s is valid', (_label, s) => {
      expect(s.title.length).toBeGreaterThanOrEqual(2);
      expect(s.title.length).toBeLessThanOrEqual(200);
      expect(s.description.length).toBeGreaterThan(10);
      expect(SERVICE_CATEGORIES).toContain(s.category);
      expect(s.stages.length).toBeGreaterThanOrEqual(1);
      expect(duplicates(s.stages)).toEqual([]);
      for (const stage of s.stages) expect(SERVICE_STAGES).toContain(stage);
      expect(s.fieldCodes.length).toBeGreaterThanOrEqual(1);
      expect(s.fieldCodes.length).toBeLessThanOrEqual(10);
      for (const code of s.fieldCodes) expect(INDUSTRY_FIELD_INDEX.has(code)).toBe(true);
      expect(Number.isInteger(s.leadTimeDays)).toBe(true);
      expect(s.leadTimeDays).toBeGreaterThanOrEqual(0);
      expect(s.leadTimeDays).toBeLessThanOrEqual(3650);
      expect(PRICING_KINDS).toContain(s.pricingKind);
    });

    it.each(allServices.map((s) => [s.title, s] as const))(
      '%s is priced as services_pricing_check demands',
      (_t, s) => {
        if (s.pricingKind === 'QUOTE') {
          expect(s.priceFen).toBeNull();
          expect(s.unitName).toBeNull();
          return;
        }
        expect(Number.isSafeInteger(s.priceFen)).toBe(true);
        expect(s.priceFen).toBeGreaterThan(0);
        if (s.pricingKind === 'UNIT') expect(s.unitName).toBeTruthy();
        else expect(s.unitName).toBeNull();
      },
    );

    it('are mostly published and voucher-eligible, with a few exceptions to show the rules', () => {
      const drafts = allServices.filter((s) => s.status === 'DRAFT');
      const notEligible = allServices.filter((s) => s.voucherEligible === false);
      expect(drafts.length).toBeGreaterThanOrEqual(2);
      expect(drafts.length).toBeLessThan(allServices.length / 10);
      expect(notEligible.length).toBeGreaterThanOrEqual(1);
      expect(notEligible.length).toBeLessThan(allServices.length / 10);
      expect(new Set(allServices.map((s) => s.pricingKind))).toEqual(new Set(PRICING_KINDS));
    });
  });

  describe('qualifications and equipment', () => {
    it('have known kinds, certificate numbers and real dates', () => {
      for (const q of allQualifications) {
        expect(QUALIFICATION_KINDS).toContain(q.kind);
        expect(q.certificateNo.length).toBeGreaterThanOrEqual(2);
        expect(q.certificateNo.length).toBeLessThanOrEqual(60);
        expect(isoDate(q.validUntil)).toBe(true);
      }
      expect(duplicates(allQualifications.map((q) => q.certificateNo))).toEqual([]);
    });

    it('include exactly one expired qualification, to show the expiry rule', () => {
      expect(allQualifications.filter((q) => q.validUntil < DATA_WRITTEN_ON)).toHaveLength(1);
    });

    it('give instruments to about half the platforms, with whole-fen hourly rates', () => {
      const withEquipment = DEMO_PLATFORMS.filter((p) => p.equipment.length > 0);
      expect(withEquipment.length).toBeGreaterThanOrEqual(DEMO_PLATFORMS.length / 3);
      expect(withEquipment.length).toBeLessThanOrEqual((DEMO_PLATFORMS.length * 2) / 3);
      for (const e of DEMO_PLATFORMS.flatMap((p) => p.equipment)) {
        expect(Number.isSafeInteger(e.hourlyRateFen)).toBe(true);
        expect(e.hourlyRateFen).toBeGreaterThanOrEqual(0);
        expect(e.category.length).toBeGreaterThanOrEqual(1);
        expect(e.category.length).toBeLessThanOrEqual(50);
      }
    });
  });
});
