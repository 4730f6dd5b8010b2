/**
 * @module loket/concurrency
 * A counting semaphore: at most `limit` requests of one connection are in flight at once.
 */

export class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`concurrency limit must be at least 1: ${limit}`);
  }

  /** Waits for a slot; call the returned function exactly once to free it. */
  async acquire(): Promise<() => void> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // Hand the slot straight to the next waiter, so `active` never dips below the true count.
      if (next) next();
      else this.active -= 1;
    };
  }

  get inFlight(): number {
    return this.active;
  }
}
