import { describe, expect, it } from 'vitest';
import { Semaphore } from './concurrency.ts';

describe('Semaphore', () => {
  it('never lets more than the limit run at once, and runs everything', async () => {
    const semaphore = new Semaphore(3);
    let running = 0;
    let peak = 0;
    const task = async () => {
      const release = await semaphore.acquire();
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
      release();
    };
    await Promise.all(Array.from({ length: 20 }, task));
    expect(peak).toBe(3);
    expect(semaphore.inFlight).toBe(0);
  });

  it('ignores a second release of the same slot', async () => {
    const semaphore = new Semaphore(1);
    const release = await semaphore.acquire();
    release();
    release();
    expect(semaphore.inFlight).toBe(0);
  });

  it('lets a waiter give up when its signal aborts, without losing the slot it never got', async () => {
    const semaphore = new Semaphore(1);
    const release = await semaphore.acquire();
    const controller = new AbortController();
    const gaveUp = semaphore.acquire(controller.signal);
    const next = semaphore.acquire();
    controller.abort(new Error('deadline'));
    await expect(gaveUp).rejects.toThrow('deadline');
    release();
    const releaseNext = await next;
    expect(semaphore.inFlight).toBe(1);
    releaseNext();
    expect(semaphore.inFlight).toBe(0);
  });
});
