import { lockDurationMs } from './throttling.guard';

describe('lockDurationMs (the lockout curve)', () => {
  it('locks from the threshold on for a minute, doubling with each further failure, up to a day', () => {
    expect(lockDurationMs(19, 20)).toBe(0);
    expect(lockDurationMs(20, 20)).toBe(60_000);
    expect(lockDurationMs(21, 20)).toBe(120_000);
    expect(lockDurationMs(24, 20)).toBe(16 * 60_000);
    expect(lockDurationMs(60, 20)).toBe(24 * 3600_000);
  });
});
