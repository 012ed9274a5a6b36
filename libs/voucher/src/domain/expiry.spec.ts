import { claimBy, claimWindowLapsed, DEFAULT_CLAIM_WINDOW_DAYS, holdFateAtExpiry } from './expiry';

/** A voucher valid through 2026-06-30, expiring on 2026-07-01, with the default 90-day claim window. */
describe('holds at voucher expiry (SPEC §6 releases)', () => {
  const base = { voucherValidUntil: '2026-06-30', claimWindowDays: DEFAULT_CLAIM_WINDOW_DAYS, today: '2026-07-01' };

  it('the default claim window is 90 days after completion', () => {
    expect(DEFAULT_CLAIM_WINDOW_DAYS).toBe(90);
    expect(claimBy('2026-08-01', 90)).toBe('2026-10-30');
    expect(claimBy(null, 90)).toBeNull();
  });

  it('an order not yet contracted is released at expiry', () => {
    expect(holdFateAtExpiry({ ...base, contractedOn: null, completedOn: null })).toBe('RELEASE');
  });

  it('an order contracted after the last valid day is released', () => {
    expect(holdFateAtExpiry({ ...base, contractedOn: '2026-07-01', completedOn: null })).toBe('RELEASE');
  });

  it('an order contracted on or before the last valid day, in progress, survives', () => {
    expect(holdFateAtExpiry({ ...base, contractedOn: '2026-06-30', completedOn: null })).toBe('SURVIVE');
    expect(holdFateAtExpiry({ ...base, contractedOn: '2026-03-02', completedOn: null })).toBe('SURVIVE');
  });

  it('a completed, unclaimed order survives until completion + 90 days, then is released', () => {
    const completed = { ...base, contractedOn: '2026-03-02', completedOn: '2026-05-01' };
    expect(holdFateAtExpiry(completed)).toBe('SURVIVE'); // claim by 2026-07-30
    expect(claimWindowLapsed('2026-05-01', 90, '2026-07-30')).toBe(false);
    expect(claimWindowLapsed('2026-05-01', 90, '2026-07-31')).toBe(true);
    expect(holdFateAtExpiry({ ...completed, completedOn: '2026-03-15' })).toBe('RELEASE'); // claim by 2026-06-13
  });
});
