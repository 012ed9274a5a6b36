import { usccCheckCharacter } from '@pilotlink/identity';

/**
 * The seeds name real institutions but print no USCCs, so demo orgs get generated codes that pass
 * the GB 32100-2015 check: registration authority + category (`11` 机关, `91` 企业, `12` 事业单位),
 * the region, and an organisation code marked `PL` as PilotLink demo data.
 */
export function demoUscc(authorityAndCategory: '11' | '12' | '91', regionCode: string, serial: number): string {
  const body = `${authorityAndCategory}${regionCode}PL${String(serial).padStart(7, '0')}`;
  return body + usccCheckCharacter(body);
}
