import { isValidUscc, usccCheckCharacter } from './uscc';

// Publicly listed codes of well-known enterprises (national enterprise credit publicity system).
// The seeds name their institutions but print no USCCs; demo institutions get generated codes with
// valid check characters, which these tests also cover below.
const PUBLISHED = ['914403001922038216', '91330100799655058B', '9144030071526726XG'];

describe('USCC (GB 32100-2015)', () => {
  it.each(PUBLISHED)('accepts the published code %s', (code) => {
    expect(isValidUscc(code)).toBe(true);
  });

  it('rejects a code with any single character changed', () => {
    for (const code of PUBLISHED) {
      for (let i = 0; i < 18; i++) {
        const replacement = code[i] === '1' ? '2' : '1';
        const changed = code.slice(0, i) + replacement + code.slice(i + 1);
        expect(isValidUscc(changed)).toBe(false);
      }
    }
  });

  it('rejects wrong length, lowercase and forbidden letters', () => {
    expect(isValidUscc('91440300192203821')).toBe(false);
    expect(isValidUscc('91330100799655058b')).toBe(false);
    expect(isValidUscc('9133010079965505IB')).toBe(false);
  });

  it('computes check characters that validate', () => {
    const body = '91350582MA2Y0TEST'.replace('TEST', '0001');
    const full = body + usccCheckCharacter(body);
    expect(isValidUscc(full)).toBe(true);
  });
});
