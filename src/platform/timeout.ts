/**
 * @module platform/timeout
 * A deadline whose timer ends with the work it guards. `AbortSignal.timeout` keeps its timer, and with
 * it the signal, until it fires: at a few hundred Loket and Yuki calls a second with a 60 s limit, tens
 * of thousands of finished calls' timers lived on (issue 13).
 */

export type Deadline = {
  /** Aborts with a `TimeoutError` DOMException once `ms` passed, as `AbortSignal.timeout` does. */
  signal: AbortSignal;
  /** The guarded work is over: the timer goes. */
  clear(): void;
};

export function deadlineIn(ms: number, what = 'The operation'): Deadline {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException(`${what} timed out after ${ms} ms`, 'TimeoutError')),
    ms,
  );
  timer.unref();
  return { signal: controller.signal, clear: () => clearTimeout(timer) };
}
