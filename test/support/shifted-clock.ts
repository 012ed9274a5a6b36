import type { INestApplicationContext } from '@nestjs/common';
import { Clock } from '@pilotlink/core';

const DAY_MS = 86_400_000;

/**
 * The test clock: moves the injected `Clock` of the API (and of any worker attached) by whole days, so
 * rules that depend on "today" — public notices, expiry, claim and award windows — are tested without
 * waiting. Time still runs; only the offset changes. Access tokens are checked against real time, so
 * sessions stay valid whatever the offset.
 */
export class ShiftedClock {
  private offsetMs = 0;
  private readonly restores: (() => void)[] = [];

  constructor(...apps: INestApplicationContext[]) {
    for (const app of apps) this.attach(app);
  }

  attach(app: INestApplicationContext): this {
    const clock = app.get(Clock);
    const spy = jest.spyOn(clock, 'now').mockImplementation(() => new Date(Date.now() + this.offsetMs));
    this.restores.push(() => spy.mockRestore());
    return this;
  }

  advanceDays(days: number): this {
    this.offsetMs += days * DAY_MS;
    return this;
  }

  /** Back to real time (the spies stay, with no offset). */
  reset(): this {
    this.offsetMs = 0;
    return this;
  }

  get days(): number {
    return this.offsetMs / DAY_MS;
  }

  restore(): void {
    for (const restore of this.restores.splice(0)) restore();
  }
}
