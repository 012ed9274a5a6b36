/**
 * 统一社会信用代码 (Unified Social Credit Code), GB 32100-2015: 18 characters from a 31-symbol
 * alphabet (no I, O, S, V, Z); 1 registration authority, 1 org category, 6 region code,
 * 9 organisation code, 1 check character computed modulo 31.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export function usccCheckCharacter(first17: string): string {
  if (first17.length !== 17) throw new RangeError('USCC body must be 17 characters');
  const sum = [...first17].reduce((acc, ch, i) => {
    const value = ALPHABET.indexOf(ch);
    if (value < 0) throw new RangeError(`character ${ch} is not allowed in a USCC`);
    return acc + value * WEIGHTS[i];
  }, 0);
  return ALPHABET[(31 - (sum % 31)) % 31];
}

export function isValidUscc(code: string): boolean {
  if (typeof code !== 'string' || !SHAPE.test(code)) return false;
  return usccCheckCharacter(code.slice(0, 17)) === code[17];
}

/** The 行政区划代码 embedded in positions 3–8. */
export function usccRegionCode(code: string): string {
  return code.slice(2, 8);
}
