import {
  generateVoucherCode,
  isValidVoucherCode,
  normaliseVoucherCode,
  VOUCHER_CODE_ALPHABET,
  voucherCode,
} from './voucher-code';

// Check characters computed with an independent GF(32) implementation (polynomial multiplication).
const SAMPLES = ['QV2026-7K3M-9XQ2-0', 'QV2026-0000-0000-D', 'QV2027-ZZZZ-ZZZZ-M', 'QV2026-0123-4567-K'];

describe('voucher codes', () => {
  it.each([
    [2026, '7K3M9XQ2', 'QV2026-7K3M-9XQ2-0'],
    [2026, '00000000', 'QV2026-0000-0000-D'],
    [2027, 'ZZZZZZZZ', 'QV2027-ZZZZ-ZZZZ-M'],
    [2026, '01234567', 'QV2026-0123-4567-K'],
  ])('voucherCode(%p, %p) = %p', (year, serial, expected) => {
    expect(voucherCode(year, serial)).toBe(expected);
  });

  it('maps random bytes to the alphabet by their low 5 bits', () => {
    const bytes = Buffer.from([0, 1, 2, 3, 4, 5, 6, 7, 99]);
    expect(voucherCode(2026, bytes)).toBe('QV2026-0123-4567-K');
    expect(generateVoucherCode(2027, () => Buffer.from([31, 63, 95, 127, 159, 191, 223, 255]))).toBe(
      'QV2027-ZZZZ-ZZZZ-M',
    );
  });

  it('generates valid codes from real randomness', () => {
    for (let i = 0; i < 200; i++) expect(isValidVoucherCode(generateVoucherCode(2026))).toBe(true);
  });

  it('refuses bad input to the builder', () => {
    expect(() => voucherCode(26, '7K3M9XQ2')).toThrow(RangeError);
    expect(() => voucherCode(2026, '7K3M9XQ')).toThrow(RangeError);
    expect(() => voucherCode(2026, '7K3M9XQU')).toThrow(RangeError);
    expect(() => voucherCode(2026, Buffer.from([1, 2, 3]))).toThrow(RangeError);
  });

  it.each(SAMPLES)('%s is valid', (code) => {
    expect(isValidVoucherCode(code)).toBe(true);
  });

  const bodyPositions = (code: string) => [...code].flatMap((char, i) => (char === '-' ? [] : [i]));
  const replaceAt = (code: string, i: number, char: string) => code.slice(0, i) + char + code.slice(i + 1);

  it.each(SAMPLES)('every single-character substitution of %s is caught', (code) => {
    const candidates = [...VOUCHER_CODE_ALPHABET, 'I', 'L', 'O', 'U', 'a', '*', '-', ' '];
    for (const i of bodyPositions(code)) {
      for (const char of candidates) {
        if (char === code[i]) continue;
        expect([replaceAt(code, i, char), isValidVoucherCode(replaceAt(code, i, char))]).toEqual([
          replaceAt(code, i, char),
          false,
        ]);
      }
    }
  });

  it.each(SAMPLES)('every adjacent transposition of %s is caught (across dashes too)', (code) => {
    const positions = bodyPositions(code);
    for (let k = 0; k + 1 < positions.length; k++) {
      const [i, j] = [positions[k], positions[k + 1]];
      if (code[i] === code[j]) continue;
      const swapped = replaceAt(replaceAt(code, i, code[j]), j, code[i]);
      expect([swapped, isValidVoucherCode(swapped)]).toEqual([swapped, false]);
    }
  });

  it.each([
    ['', false],
    ['QV2026-7K3M-9XQ2', false],
    ['QV2026-7K3M-9XQ2-00', false],
    ['QV20267K3M9XQ20', false],
    ['qv2026-7k3m-9xq2-0', false],
    ['XV2026-7K3M-9XQ2-0', false],
  ])('%p is not a canonical code', (code, valid) => {
    expect(isValidVoucherCode(code)).toBe(valid);
  });

  it.each([
    [' qv2026-7k3m-9xq2-0 ', 'QV2026-7K3M-9XQ2-0'],
    ['QV2026-OOOO-OOOO-D', 'QV2026-0000-0000-D'],
    ['QV2026-0I23-4567-K', 'QV2026-0123-4567-K'],
    ['qv2026-0l23-4567-k', 'QV2026-0123-4567-K'],
  ])('normalises %p to %p', (input, expected) => {
    expect(normaliseVoucherCode(input)).toBe(expected);
    expect(isValidVoucherCode(normaliseVoucherCode(input))).toBe(true);
  });
});
