import { awardBy, challengePhase, DEFAULT_AWARD_WINDOW_DAYS } from './demand';

/** 揭榜挂帅: a challenge with its deadline on 2027-03-31 and the default 30-day award window. */
describe('challenge phases (揭榜挂帅)', () => {
  const deadline = '2027-03-31';
  const window = DEFAULT_AWARD_WINDOW_DAYS;

  it('the default award window is 30 days: proposals may be accepted through 2027-04-30', () => {
    expect(window).toBe(30);
    expect(awardBy(deadline, window)).toBe('2027-04-30');
  });

  it.each([
    ['2027-03-01', 'SUBMISSIONS'],
    ['2027-03-31', 'SUBMISSIONS'], // the deadline day itself still takes proposals
    ['2027-04-01', 'AWARD'],
    ['2027-04-10', 'AWARD'], // 10 days after the deadline: the SME may still award
    ['2027-04-30', 'AWARD'],
    ['2027-05-01', 'OVER'],
  ] as const)('on %s the challenge is in %s', (today, phase) => {
    expect(challengePhase(deadline, window, today)).toBe(phase);
  });

  it('a window of 0 days expires the day after the deadline (the old behaviour, now opt-in)', () => {
    expect(challengePhase(deadline, 0, '2027-04-01')).toBe('OVER');
  });

  it('refuses a negative window and a malformed date', () => {
    expect(() => awardBy(deadline, -1)).toThrow(RangeError);
    expect(() => awardBy('31/03/2027', 30)).toThrow(RangeError);
  });
});
