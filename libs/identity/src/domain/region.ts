/**
 * 行政区划代码 (GB/T 2260): six digits — province (2), prefecture city (2), county/district (2).
 * 350000 is 福建省, 350500 泉州市 (a city: its last two digits are 00), 350582 晋江市 (a county-level unit).
 */
const REGION_CODE = /^\d{6}$/;

/** Province-level prefixes in use (GB/T 2260), so that a typo like 990000 is refused. */
const PROVINCE_PREFIXES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);

/** Names of the regions the seeds and demo data use. Other valid codes are accepted without a name. */
export const REGION_NAMES: Readonly<Record<string, string>> = {
  '330000': '浙江省',
  '330400': '嘉兴市',
  '350000': '福建省',
  '350100': '福州市',
  '350500': '泉州市',
  '350582': '晋江市',
  '440000': '广东省',
  '440100': '广州市',
};

export type RegionLevel = 'PROVINCE' | 'CITY' | 'COUNTY';

export function isValidRegionCode(code: string): boolean {
  if (typeof code !== 'string' || !REGION_CODE.test(code)) return false;
  if (!PROVINCE_PREFIXES.has(code.slice(0, 2))) return false;
  // a county code needs a city part: 350082 does not exist
  return !(code.slice(2, 4) === '00' && code.slice(4) !== '00');
}

export function regionLevel(code: string): RegionLevel {
  if (code.endsWith('0000')) return 'PROVINCE';
  if (code.endsWith('00')) return 'CITY';
  return 'COUNTY';
}

/** The part of the code a jurisdiction at this level shares with every region under it (for LIKE 'prefix%'). */
export function jurisdictionPrefix(code: string): string {
  const level = regionLevel(code);
  return level === 'PROVINCE' ? code.slice(0, 2) : level === 'CITY' ? code.slice(0, 4) : code;
}

/** Does a bureau of `jurisdiction` cover `region`? 350500 covers 350582 and itself, not 350100. */
export function coversRegion(jurisdiction: string, region: string): boolean {
  if (!isValidRegionCode(jurisdiction) || !isValidRegionCode(region)) return false;
  return region.startsWith(jurisdictionPrefix(jurisdiction));
}

export function regionName(code: string): string | undefined {
  return REGION_NAMES[code];
}
