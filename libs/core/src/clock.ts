import { Injectable } from '@nestjs/common';

/** Time behind an injectable seam so rules that depend on "now" can be tested without waiting. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
