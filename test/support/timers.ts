/**
 * @module test-timers
 * Which timers of a given length some work set, and whether it cleared them again: a request's time
 * limit must end with the request, not when it would have fired.
 */
import { vi } from 'vitest';

export async function timersOf(
  ms: number,
  work: () => Promise<void>,
): Promise<{ set: number; leftRunning: number }> {
  const setTimer = vi.spyOn(globalThis, 'setTimeout');
  const clearTimer = vi.spyOn(globalThis, 'clearTimeout');
  try {
    await work();
    const started = setTimer.mock.calls.flatMap(([, delay], at) =>
      delay === ms ? [setTimer.mock.results[at]!.value as unknown] : [],
    );
    const cleared = new Set(clearTimer.mock.calls.map(([timer]) => timer as unknown));
    return { set: started.length, leftRunning: started.filter((timer) => !cleared.has(timer)).length };
  } finally {
    setTimer.mockRestore();
    clearTimer.mockRestore();
  }
}
