import { Injectable } from '@nestjs/common';

/** Time behind an injectable seam so rules that depend on "now" can be tested without waiting. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

const CHINA_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });

/** The calendar date in China (YYYY-MM-DD): certificates and vouchers expire by Beijing time. */
export function chinaDate(at: Date): string {
  return CHINA_DATE.format(at);
}
