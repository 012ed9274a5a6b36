import { digestPeriodContaining, inDigestPeriod, lastCompleteDigestPeriod } from './digest-period';

const utc = (iso: string) => new Date(iso);

describe('digest periods (Asia/Shanghai)', () => {
  it('a week starts on Monday 00:00 China time, which is Sunday 16:00 UTC', () => {
    // Saturday 2026-12-05 13:00 UTC = Saturday 21:00 in China: the week of Monday 2026-11-30.
    const week = digestPeriodContaining(utc('2026-12-05T13:00:00Z'), 'WEEKLY');
    expect(week.key).toBe('W2026-11-30');
    expect(week.start.toISOString()).toBe('2026-11-29T16:00:00.000Z');
    expect(week.end.toISOString()).toBe('2026-12-06T16:00:00.000Z');
  });

  it('Sunday 16:00 UTC already belongs to the next China week; one millisecond earlier does not', () => {
    expect(digestPeriodContaining(utc('2026-12-06T16:00:00Z'), 'WEEKLY').key).toBe('W2026-12-07');
    expect(digestPeriodContaining(utc('2026-12-06T15:59:59.999Z'), 'WEEKLY').key).toBe('W2026-11-30');
  });

  it('a Monday morning in China that is still Sunday in UTC is in the new week', () => {
    // 2026-12-07 01:00 China = 2026-12-06 17:00 UTC (a Sunday in UTC).
    const week = digestPeriodContaining(utc('2026-12-06T17:00:00Z'), 'WEEKLY');
    expect(week.key).toBe('W2026-12-07');
  });

  it('days run from China midnight to China midnight', () => {
    const day = digestPeriodContaining(utc('2026-12-05T15:59:59Z'), 'DAILY');
    expect(day).toMatchObject({ key: 'D2026-12-05' });
    expect(day.start.toISOString()).toBe('2026-12-04T16:00:00.000Z');
    expect(day.end.toISOString()).toBe('2026-12-05T16:00:00.000Z');
    expect(digestPeriodContaining(utc('2026-12-05T16:00:00Z'), 'DAILY').key).toBe('D2026-12-06');
  });

  it('the digest reports on the last complete period, across a month and a year boundary', () => {
    expect(lastCompleteDigestPeriod(utc('2026-12-05T13:00:00Z'), 'WEEKLY').key).toBe('W2026-11-23');
    expect(lastCompleteDigestPeriod(utc('2026-12-06T16:00:00Z'), 'WEEKLY').key).toBe('W2026-11-30');
    // Monday 2027-01-04 in China: the last complete week began Monday 2026-12-28 and ran into 2027.
    const turn = lastCompleteDigestPeriod(utc('2027-01-04T02:00:00Z'), 'WEEKLY');
    expect(turn.key).toBe('W2026-12-28');
    expect(turn.end.toISOString()).toBe('2027-01-03T16:00:00.000Z');
    expect(lastCompleteDigestPeriod(utc('2027-01-01T00:00:00Z'), 'DAILY').key).toBe('D2026-12-31');
  });

  it('the start is in the period, the end is not', () => {
    const week = digestPeriodContaining(utc('2026-12-05T13:00:00Z'), 'WEEKLY');
    expect(inDigestPeriod(week, week.start)).toBe(true);
    expect(inDigestPeriod(week, new Date(week.end.getTime() - 1))).toBe(true);
    expect(inDigestPeriod(week, week.end)).toBe(false);
  });
});
