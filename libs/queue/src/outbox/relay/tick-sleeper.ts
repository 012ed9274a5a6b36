import { insertWakeDelay } from './relay-policy';

/**
 * The sleep between two ticks of a relay loop (the batch and the event lane share it). Shutdown ends it at
 * once; an insert — also one notified while the tick ran — ends it once `insertGapMs` have passed since the
 * tick began, so a stream of inserts is gathered into batches rather than one tick per commit.
 */
export class TickSleeper {
  private inserted = false;
  private tickStarted = 0;
  private wake?: () => void;
  private wakeOnInsert?: () => void;
  private stopped = false;

  constructor(private readonly insertGapMs: number) {}

  /** A tick begins: inserts notified from now on are the next tick's. */
  tickStarting(): void {
    this.inserted = false;
    this.tickStarted = Date.now();
  }

  onInsert(): void {
    this.inserted = true;
    this.wakeOnInsert?.();
  }

  /** Ends the current sleep and every later one at once (shutdown). */
  stop(): void {
    this.stopped = true;
    this.wake?.();
  }

  /** Sleeps `ms`; an insert cuts it short (after the gap) if `wakeable`. */
  sleep(ms: number, wakeable: boolean): Promise<void> {
    if (this.stopped || ms === 0) return Promise.resolve();
    return new Promise((resolve) => {
      let timer = setTimeout(() => done(), ms);
      const done = () => {
        clearTimeout(timer);
        this.wake = this.wakeOnInsert = undefined;
        resolve();
      };
      const insertWake = () => {
        clearTimeout(timer);
        timer = setTimeout(done, insertWakeDelay(Date.now() - this.tickStarted, this.insertGapMs));
      };
      this.wake = done;
      this.wakeOnInsert = wakeable ? insertWake : undefined;
      if (wakeable && this.inserted) insertWake();
    });
  }
}
