import { accountName, LEDGER_INVARIANTS, negate } from './ledger-verifier';

describe('ledger verifier helpers', () => {
  it.each([
    ['0', '0'],
    ['1500', '-1500'],
    ['-1500', '1500'],
    ['-99999999999999999999', '99999999999999999999'],
    [null, '0'],
  ])('negates %p as %p without floating point', (input, expected) => {
    expect(negate(input)).toBe(expected);
  });

  it('names accounts by voucher, co-funder or kind', () => {
    expect(accountName({ kind: 'HOLD', voucher_id: 'v1', cofunder_key: null })).toBe('HOLD of voucher v1');
    expect(accountName({ kind: 'PAID', voucher_id: null, cofunder_key: 'quanzhou' })).toBe('PAID to quanzhou');
    expect(accountName({ kind: 'BUDGET', voucher_id: null, cofunder_key: null })).toBe('BUDGET');
  });

  it('has uniquely named invariants, each a single read-only statement', () => {
    const names = LEDGER_INVARIANTS.map((i) => i.name);
    expect(new Set(names).size).toBe(names.length);
    for (const invariant of LEDGER_INVARIANTS) {
      expect(invariant.sql.trim()).toMatch(/^(SELECT|WITH)\b/);
      expect(invariant.sql).not.toMatch(/;\s*\S/);
      expect(invariant.sql).not.toMatch(/\b(INSERT|UPDATE|DELETE)\b/i);
    }
  });
});
