import {
  DEFAULT_OPENING_HOURS,
  freeIntervals,
  Interval,
  openingHoursProblems,
  openIntervals,
  openMinutes,
  OpeningHours,
  reservationRefusal,
  Schedule,
  SLOT_MS,
  subtract,
} from './availability';

// 2030-03-04 is a Monday; times are China time (+08:00).
const at = (local: string) => Date.parse(`2030-03-${local}:00+08:00`);
const span = (from: string, to: string): Interval => ({ start: at(from), end: at(to) });
const show = (intervals: Interval[]) =>
  intervals.map(
    (i) =>
      `${new Date(i.start + 8 * 3_600_000).toISOString().slice(8, 16)}–${new Date(i.end + 8 * 3_600_000)
        .toISOString()
        .slice(8, 16)}`,
  );

const schedule = (over: Partial<Schedule> = {}): Schedule => ({
  openingHours: DEFAULT_OPENING_HOURS,
  reservations: [],
  blocks: [],
  now: new Date(at('01T00:00')),
  ...over,
});

describe('availability', () => {
  it.each<[string, OpeningHours, string, string, string[]]>([
    ['a weekday, default hours', DEFAULT_OPENING_HOURS, '04T00:00', '05T00:00', ['04T08:30–04T17:30']],
    ['the weekend is closed', DEFAULT_OPENING_HOURS, '09T00:00', '11T00:00', []],
    ['clipped to the range', DEFAULT_OPENING_HOURS, '04T10:00', '04T12:00', ['04T10:00–04T12:00']],
    [
      'Fri to Mon skips the weekend',
      DEFAULT_OPENING_HOURS,
      '08T17:00',
      '11T09:00',
      ['08T17:00–08T17:30', '11T08:30–11T09:00'],
    ],
    [
      'a lunch break',
      {
        ...DEFAULT_OPENING_HOURS,
        MON: [
          ['08:30', '12:00'],
          ['13:30', '17:30'],
        ],
      },
      '04T00:00',
      '05T00:00',
      ['04T08:30–04T12:00', '04T13:30–04T17:30'],
    ],
    [
      'round the clock joins across midnight',
      { ...DEFAULT_OPENING_HOURS, MON: [['00:00', '24:00']], TUE: [['00:00', '24:00']] },
      '04T20:00',
      '05T04:00',
      ['04T20:00–05T04:00'],
    ],
    [
      'a range given in UTC still uses China days',
      DEFAULT_OPENING_HOURS,
      '03T23:00',
      '04T09:00',
      ['04T08:30–04T09:00'],
    ],
  ])('open intervals: %s', (_, hours, from, to, expected) => {
    expect(show(openIntervals(hours, at(from), at(to)))).toEqual(expected);
  });

  it.each<[string, Partial<Schedule>, string[]]>([
    ['nothing booked', {}, ['04T08:30–04T17:30']],
    [
      'a reservation splits the day',
      { reservations: [span('04T10:00', '04T11:30')] },
      ['04T08:30–04T10:00', '04T11:30–04T17:30'],
    ],
    [
      'a block and a reservation',
      { reservations: [span('04T08:30', '04T09:00')], blocks: [span('04T16:00', '04T18:00')] },
      ['04T09:00–04T16:00'],
    ],
    ['the past is not free (rounded up to the next quarter)', { now: new Date(at('04T12:05')) }, ['04T12:15–04T17:30']],
    ['all taken', { blocks: [span('04T00:00', '05T00:00')] }, []],
  ])('free intervals: %s', (_, over, expected) => {
    expect(show(freeIntervals(schedule(over), at('04T00:00'), at('05T00:00')))).toEqual(expected);
  });

  it.each<[string, Partial<Schedule>, string, string, unknown]>([
    ['free', {}, '04T09:00', '04T10:00', null],
    ['exactly a whole free interval', {}, '04T08:30', '04T17:30', null],
    ['next to a reservation', { reservations: [span('04T10:00', '04T11:00')] }, '04T11:00', '04T12:00', null],
    ['before opening', {}, '04T08:00', '04T09:00', { kind: 'conflict', code: 'OUTSIDE_OPENING_HOURS' }],
    ['on a Saturday', {}, '09T09:00', '09T10:00', { kind: 'conflict', code: 'OUTSIDE_OPENING_HOURS' }],
    ['overnight', {}, '04T17:00', '05T09:00', { kind: 'conflict', code: 'OUTSIDE_OPENING_HOURS' }],
    [
      'in a block',
      { blocks: [span('04T09:30', '04T09:45')] },
      '04T09:00',
      '04T10:00',
      { kind: 'conflict', code: 'SLOT_BLOCKED' },
    ],
    [
      'overlapping a reservation',
      { reservations: [span('04T09:45', '04T10:30')] },
      '04T09:00',
      '04T10:00',
      { kind: 'conflict', code: 'SLOT_TAKEN' },
    ],
    ['in the past', { now: new Date(at('04T09:01')) }, '04T09:00', '04T10:00', { kind: 'invalid', field: 'startsAt' }],
    ['off the quarter hour (start)', {}, '04T09:10', '04T10:00', { kind: 'invalid', field: 'startsAt' }],
    ['off the quarter hour (end)', {}, '04T09:00', '04T10:05', { kind: 'invalid', field: 'endsAt' }],
    ['ends before it starts', {}, '04T10:00', '04T09:00', { kind: 'invalid', field: 'endsAt' }],
  ])('a request %s', (_, over, from, to, expected) => {
    const refusal = reservationRefusal(schedule(over), at(from), at(to));
    if (expected === null) expect(refusal).toBeNull();
    else expect(refusal).toMatchObject(expected as object);
  });

  it('accepts a quarter-hour slot exactly when availability shows it free (one computation)', () => {
    const s = schedule({
      openingHours: {
        ...DEFAULT_OPENING_HOURS,
        MON: [
          ['08:30', '12:00'],
          ['13:30', '17:30'],
        ],
      },
      reservations: [span('04T09:00', '04T10:15'), span('04T14:00', '04T14:30')],
      blocks: [span('04T16:45', '04T18:00')],
      now: new Date(at('04T08:40')),
    });
    const day = { from: at('04T00:00'), to: at('05T00:00') };
    const free = freeIntervals(s, day.from, day.to);
    for (let start = day.from; start < day.to; start += SLOT_MS) {
      for (const length of [1, 2, 5]) {
        const end = start + length * SLOT_MS;
        const shownFree = free.some((i) => i.start <= start && end <= i.end);
        expect({ start: new Date(start), length, accepted: reservationRefusal(s, start, end) === null }).toEqual({
          start: new Date(start),
          length,
          accepted: shownFree,
        });
      }
    }
  });

  it('subtracts busy time', () => {
    expect(
      subtract(
        [{ start: 0, end: 10 }],
        [
          { start: 2, end: 3 },
          { start: 8, end: 20 },
        ],
      ),
    ).toEqual([
      { start: 0, end: 2 },
      { start: 3, end: 8 },
    ]);
  });

  it('counts open minutes for utilisation', () => {
    // One working week: 5 × 9 h.
    expect(openMinutes(DEFAULT_OPENING_HOURS, at('04T00:00'), at('11T00:00'))).toBe(5 * 9 * 60);
  });

  it.each<[string, unknown, string | null]>([
    ['the default', DEFAULT_OPENING_HOURS, null],
    ['a missing day', { ...DEFAULT_OPENING_HOURS, SUN: undefined }, 'SUN'],
    ['an unknown key', { ...DEFAULT_OPENING_HOURS, HOL: [] }, 'HOL'],
    ['off the quarter hour', { ...DEFAULT_OPENING_HOURS, MON: [['08:10', '17:00']] }, 'MON.0'],
    ['backwards', { ...DEFAULT_OPENING_HOURS, MON: [['17:00', '08:00']] }, 'MON.0'],
    [
      'overlapping windows',
      {
        ...DEFAULT_OPENING_HOURS,
        MON: [
          ['08:00', '12:00'],
          ['11:00', '13:00'],
        ],
      },
      'MON.1',
    ],
    ['starting at 24:00', { ...DEFAULT_OPENING_HOURS, MON: [['24:00', '24:00']] }, 'MON.0'],
    ['not an object', [], 'must be an object'],
  ])('opening hours: %s', (_, value, problem) => {
    const problems = openingHoursProblems(value);
    if (problem === null) expect(problems).toEqual([]);
    else expect(problems.map((p) => `${p.field}: ${p.errors.join('; ')}`).join('\n')).toContain(problem);
  });
});
