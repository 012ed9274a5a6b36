import { noticeRunning, noticeUntilFor, payableFrom } from './notice';

/** 公示 "经公示无异议后拨付": a 7-day notice (the Jinjiang programs' 公示期) approved on 2026-03-02. */
describe('public notice (公示)', () => {
  it('runs from the approval day through approval + noticeDays, both included', () => {
    expect(noticeUntilFor('2026-03-02', 7)).toBe('2026-03-09');
    expect(noticeRunning('2026-03-09', '2026-03-02')).toBe(true);
    expect(noticeRunning('2026-03-09', '2026-03-09')).toBe(true);
    expect(noticeRunning('2026-03-09', '2026-03-10')).toBe(false);
    expect(payableFrom('2026-03-09', '2026-03-02')).toBe('2026-03-10');
  });

  it('crosses months and years on the calendar', () => {
    expect(noticeUntilFor('2026-12-28', 7)).toBe('2027-01-04');
    expect(payableFrom('2027-01-04', '2026-12-28')).toBe('2027-01-05');
  });

  it('a program with 0 notice days has no notice: payable on the approval day, no objections', () => {
    expect(noticeUntilFor('2026-03-02', 0)).toBeNull();
    expect(noticeRunning(null, '2026-03-02')).toBe(false);
    expect(payableFrom(null, '2026-03-02')).toBe('2026-03-02');
  });

  it('refuses a negative or fractional notice', () => {
    expect(() => noticeUntilFor('2026-03-02', -1)).toThrow(RangeError);
    expect(() => noticeUntilFor('2026-03-02', 1.5)).toThrow(RangeError);
  });
});
