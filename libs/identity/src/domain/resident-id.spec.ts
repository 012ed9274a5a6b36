import { hashResidentId, isValidResidentId, maskResidentId } from './resident-id';

describe('resident ID (GB 11643)', () => {
  // The standard's own worked example.
  const example = '11010519491231002X';

  it('accepts a valid number and rejects a changed digit', () => {
    expect(isValidResidentId(example)).toBe(true);
    expect(isValidResidentId('11010519491231003X')).toBe(false);
    expect(isValidResidentId('1101051949123100')).toBe(false);
  });

  it('masks the birth date and serial, hashes with a pepper', () => {
    expect(maskResidentId(example)).toBe('110105********002X');
    expect(hashResidentId(example, 'a')).not.toBe(hashResidentId(example, 'b'));
    expect(hashResidentId(example, 'a')).toHaveLength(64);
  });
});
