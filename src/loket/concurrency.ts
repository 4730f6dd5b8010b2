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

  /** Waits for a slot, or until `signal` aborts; call the returned function exactly once to free it. */
  async acquire(signal?: AbortSignal): Promise<() => void> {
    signal?.throwIfAborted();
    if (this.active >= this.limit) await this.wait(signal);
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

  /** Queues for a slot handed over by `release`; an abort leaves the queue without taking one. */
  private wait(signal: AbortSignal | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const granted = () => {
        signal?.removeEventListener('abort', aborted);
        resolve();
      };
      const aborted = () => {
        const index = this.waiting.indexOf(granted);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(signal?.reason);
      };
      this.waiting.push(granted);
      signal?.addEventListener('abort', aborted, { once: true });
    });
  }

  get inFlight(): number {
    return this.active;
  }
}
