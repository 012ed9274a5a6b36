/**
 * Digest periods (issue 21: "定期推送"): calendar weeks (Monday 00:00) or days in China time. Asia/Shanghai
 * has kept UTC+8 without daylight saving since 1991, so the offset is a constant and the arithmetic pure.
 */
export const DIGEST_FREQUENCIES = ['WEEKLY', 'DAILY'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];
/** An org's choice: how often, or not at all. No choice made means WEEKLY. */
export const DIGEST_SETTINGS = [...DIGEST_FREQUENCIES, 'OFF'] as const;
export type DigestSetting = (typeof DIGEST_SETTINGS)[number];

/** The frequency a period key belongs to (`W…` weekly, `D…` daily). */
export function frequencyOfPeriodKey(key: string): DigestFrequency {
  return key.startsWith('D') ? 'DAILY' : 'WEEKLY';
}

const CHINA_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

export interface DigestPeriod {
  frequency: DigestFrequency;
  /** Stable name of the period, part of the digest's job id and inbox key: `W2026-11-30`, `D2026-12-05`. */
  key: string;
  /** Inclusive. */
  start: Date;
  /** Exclusive: the next period's start. */
  end: Date;
}

/** The period `at` falls in. */
export function digestPeriodContaining(at: Date, frequency: DigestFrequency): DigestPeriod {
  const local = at.getTime() + CHINA_OFFSET_MS;
  const localMidnight = Math.floor(local / DAY_MS) * DAY_MS;
  // getUTCDay of the shifted time is the weekday in China; Monday starts the week (0 = Sunday → 6 days back).
  const daysSinceMonday = (new Date(localMidnight).getUTCDay() + 6) % 7;
  const localStart = frequency === 'WEEKLY' ? localMidnight - daysSinceMonday * DAY_MS : localMidnight;
  const length = frequency === 'WEEKLY' ? 7 * DAY_MS : DAY_MS;
  const date = new Date(localStart).toISOString().slice(0, 10);
  return {
    frequency,
    key: `${frequency === 'WEEKLY' ? 'W' : 'D'}${date}`,
    start: new Date(localStart - CHINA_OFFSET_MS),
    end: new Date(localStart - CHINA_OFFSET_MS + length),
  };
}

/** The last period that has ended by `at`: the one a digest sent at `at` reports on. */
export function lastCompleteDigestPeriod(at: Date, frequency: DigestFrequency): DigestPeriod {
  const current = digestPeriodContaining(at, frequency);
  return digestPeriodContaining(new Date(current.start.getTime() - 1), frequency);
}

/** In the period: start inclusive, end exclusive. */
export function inDigestPeriod(period: DigestPeriod, at: Date): boolean {
  return at.getTime() >= period.start.getTime() && at.getTime() < period.end.getTime();
}
