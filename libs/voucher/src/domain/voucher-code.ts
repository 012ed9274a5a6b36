import { randomBytes } from 'node:crypto';

/**
 * Voucher codes look like `QV2026-7K3M-9XQ2-T`: prefix, year, 8 random characters and a check
 * character, all in Crockford base32 (no I, L, O, U, so codes read aloud or typed are unambiguous).
 *
 * The check character is a Damm check over GF(32): state ← x·state + c (x the field's generator,
 * + being XOR). The quasigroup a∘b = x·a + b is totally anti-symmetric, so every single-character
 * substitution and every adjacent transposition (check character included) changes the result —
 * which a weighted sum mod 32 cannot promise, as 32 is not prime.
 */
export const VOUCHER_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const VOUCHER_CODE_PREFIX = 'QV';
const SERIAL_LENGTH = 8;

const VALUE = new Map([...VOUCHER_CODE_ALPHABET].map((char, index) => [char, index]));
const CODE_FORMAT = /^QV(\d{4})-([0-9A-HJKMNP-TV-Z]{4})-([0-9A-HJKMNP-TV-Z]{4})-([0-9A-HJKMNP-TV-Z])$/;

/** Multiplication by x in GF(2^5) modulo the primitive polynomial x^5 + x^2 + 1. */
function timesX(value: number): number {
  const shifted = value << 1;
  return shifted & 0b100000 ? shifted ^ 0b100101 : shifted;
}

function dammState(chars: string): number {
  let state = 0;
  for (const char of chars) {
    const value = VALUE.get(char);
    if (value === undefined) throw new RangeError(`not a voucher code character: ${char}`);
    state = timesX(state) ^ value;
  }
  return state;
}

/** The check character for the year and serial: the one that brings the Damm state back to 0. */
export function voucherCheckChar(payload: string): string {
  return VOUCHER_CODE_ALPHABET[timesX(dammState(payload))];
}

/** Builds a code from a year and 8 serial characters (or at least 8 random bytes, 5 bits of each used). */
export function voucherCode(year: number, serial: Buffer | string): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`year must have 4 digits: ${year}`);
  let chars: string;
  if (typeof serial === 'string') {
    chars = serial;
    if (chars.length !== SERIAL_LENGTH || [...chars].some((char) => !VALUE.has(char))) {
      throw new RangeError(`serial must be ${SERIAL_LENGTH} characters of ${VOUCHER_CODE_ALPHABET}`);
    }
  } else {
    if (serial.length < SERIAL_LENGTH) throw new RangeError(`need ${SERIAL_LENGTH} random bytes`);
    // 256 is a multiple of 32, so the low 5 bits of a random byte are uniform
    chars = [...serial.subarray(0, SERIAL_LENGTH)].map((byte) => VOUCHER_CODE_ALPHABET[byte & 31]).join('');
  }
  const check = voucherCheckChar(`${year}${chars}`);
  return `${VOUCHER_CODE_PREFIX}${year}-${chars.slice(0, 4)}-${chars.slice(4)}-${check}`;
}

export function generateVoucherCode(year: number, random: (size: number) => Buffer = randomBytes): string {
  return voucherCode(year, random(SERIAL_LENGTH));
}

/** Strict: the canonical upper-case form only. Normalise typed input first with `normaliseVoucherCode`. */
export function isValidVoucherCode(code: string): boolean {
  if (typeof code !== 'string') return false;
  const match = CODE_FORMAT.exec(code);
  if (!match) return false;
  const [, year, first, second, check] = match;
  return dammState(`${year}${first}${second}${check}`) === 0;
}

/**
 * What a person typed → the canonical form: upper case, no spaces, and Crockford's readings of
 * look-alikes (O → 0, I and L → 1). The result may still be invalid; check it with `isValidVoucherCode`.
 */
export function normaliseVoucherCode(input: string): string {
  return input.trim().toUpperCase().replace(/\s+/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}
