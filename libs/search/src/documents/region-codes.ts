/**
 * A region code with the codes above it (GB/T 2260: province XX0000, city XXXX00, county), so that
 * filtering by 350500 (泉州市) finds a platform in 350582 (晋江市) with one equality filter.
 */
export function regionHierarchy(code: string): string[] {
  if (!/^\d{6}$/.test(code)) return [];
  const codes = [`${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`, code];
  return [...new Set(codes)];
}
