import { cancellationFeeFen, noShowFeeFen, reservationPriceFen, utilisation } from './reservation-rules';

const policy = { freeCancellationHours: 24, lateCancellationFeeBp: 3000, noShowFeeBp: 10000 };
const start = new Date('2026-12-01T09:00:00+08:00');

describe('reservation rules', () => {
  it('cancelling early is free; late costs the stated share; a no-show the no-show share', () => {
    expect(cancellationFeeFen(policy, 100_000, start, new Date('2026-11-30T09:00:00+08:00'))).toBe(0);
    expect(cancellationFeeFen(policy, 100_000, start, new Date('2026-11-30T09:00:01+08:00'))).toBe(30_000);
    expect(cancellationFeeFen(policy, 100_001, start, new Date('2026-12-01T08:00:00+08:00'))).toBe(30_000);
    expect(noShowFeeFen(policy, 100_000)).toBe(100_000);
  });

  it('prices by started quarter hour', () => {
    expect(reservationPriceFen(40_000, start, new Date('2026-12-01T11:00:00+08:00'))).toBe(80_000);
    expect(reservationPriceFen(40_000, start, new Date('2026-12-01T09:01:00+08:00'))).toBe(10_000);
  });

  it('utilisation: scheduled vs used hours and the sharing rate', () => {
    const result = utilisation([
      { scheduledMinutes: 120, actualMinutes: 90, external: true },
      { scheduledMinutes: 60, actualMinutes: 30, external: false },
      { scheduledMinutes: 60, actualMinutes: null, external: true },
    ]);
    expect(result).toEqual({ scheduledHours: 4, usedHours: 2, externalHours: 1.5, sharingRateBp: 7500 });
    expect(utilisation([]).sharingRateBp).toBe(0);
  });
});
