import { mayRevoke, spotCheckRefusal } from './spot-check';

describe('spot checks (抽查)', () => {
  it('are recorded on sampled, approved or paid claims, once', () => {
    expect(spotCheckRefusal({ spotCheck: true, status: 'PAID' }, false)).toBeNull();
    expect(spotCheckRefusal({ spotCheck: true, status: 'APPROVED' }, false)).toBeNull();
    expect(spotCheckRefusal({ spotCheck: false, status: 'PAID' }, false)).toBe('NOT_SAMPLED');
    expect(spotCheckRefusal({ spotCheck: true, status: 'SUBMITTED' }, false)).toBe('NOT_APPROVED');
    expect(spotCheckRefusal({ spotCheck: true, status: 'PAID' }, true)).toBe('ALREADY_CHECKED');
  });

  it('only a failed check revokes, and only a live voucher', () => {
    expect(mayRevoke('FAIL', 'ACTIVE')).toBe(true);
    expect(mayRevoke('FAIL', 'EXHAUSTED')).toBe(true);
    expect(mayRevoke('PASS', 'ACTIVE')).toBe(false);
    expect(mayRevoke('FAIL', 'EXPIRED')).toBe(false);
    expect(mayRevoke('FAIL', 'REVOKED')).toBe(false);
  });
});
