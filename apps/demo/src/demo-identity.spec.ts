import { isValidRegionCode, isValidResidentId, isValidUscc } from '@pilotlink/identity';
import { DEMO_ORGS } from './demo-identity.seed';

describe('demo identity data', () => {
  it('has valid, distinct USCCs, region codes and emails; teams have a valid leader ID and no USCC', () => {
    for (const org of DEMO_ORGS) {
      expect(isValidRegionCode(org.regionCode)).toBe(true);
      if (org.isTeam) {
        expect(org.uscc).toBeUndefined();
        expect(isValidResidentId(org.teamLeaderId!)).toBe(true);
      } else {
        expect(isValidUscc(org.uscc!)).toBe(true);
      }
    }
    const usccs = DEMO_ORGS.flatMap((o) => (o.uscc ? [o.uscc] : []));
    expect(new Set(usccs).size).toBe(usccs.length);
    expect(new Set(DEMO_ORGS.map((o) => o.email)).size).toBe(DEMO_ORGS.length);
  });

  it('has in each demo city a 科技型中小企业 and a start-up team (issue 19)', () => {
    for (const city of ['3505', '3501', '4401', '3304']) {
      const smes = DEMO_ORGS.filter((o) => o.kind === 'SME' && o.regionCode.startsWith(city));
      expect(smes.some((o) => o.techSme)).toBe(true);
      expect(smes.some((o) => o.isTeam)).toBe(true);
    }
    expect(DEMO_ORGS.filter((o) => o.kind === 'SME' && o.regionCode === '350582').length).toBeGreaterThanOrEqual(2);
  });

  it('has the province bureau that grants PROVINCE recognition', () => {
    expect(DEMO_ORGS.find((o) => o.kind === 'BUREAU' && o.regionCode === '350000')?.name).toBe('福建省科学技术厅');
  });
});
