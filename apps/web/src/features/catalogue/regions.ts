/**
 * The regions the portal offers by name (行政区划代码 of the demo regions, as the server's REGION_NAMES),
 * as a Cascader tree: 福建省 › 泉州市 › 晋江市. Any level may be chosen; the last code is sent.
 */
export interface RegionOption {
  value: string;
  label: string;
  children?: RegionOption[];
}

export const REGION_OPTIONS: RegionOption[] = [
  {
    value: '350000',
    label: '福建省',
    children: [
      { value: '350100', label: '福州市' },
      { value: '350500', label: '泉州市', children: [{ value: '350582', label: '晋江市' }] },
    ],
  },
  { value: '440000', label: '广东省', children: [{ value: '440100', label: '广州市' }] },
  { value: '330000', label: '浙江省', children: [{ value: '330400', label: '嘉兴市' }] },
];

/** The Cascader path to `code` (['350000', '350500', '350582'] for 晋江市); unknown codes: undefined. */
export function regionPath(code: string | null | undefined, options = REGION_OPTIONS): string[] | undefined {
  for (const option of options) {
    if (option.value === code) return [option.value];
    const below = option.children && regionPath(code, option.children);
    if (below) return [option.value, ...below];
  }
  return undefined;
}

/** The code the Cascader's path ends at. */
export const regionCodeOf = (path: string[] | undefined): string | undefined => path?.[path.length - 1];
