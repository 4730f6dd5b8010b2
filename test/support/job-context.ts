/**
 * @module test-job-context
 * The context a job handler gets from the engine, for calling a handler directly: a first attempt whose
 * after-batch tasks run at once, and whose batch is the payloads given (none by default).
 */
import type { JobContext } from '../../src/jobs/engine.ts';

export function directJobContext<Payload = never>(
  jobId: string,
  batch: readonly Payload[] = [],
): JobContext<Payload> {
  return {
    jobId,
    attempt: 1,
    signal: new AbortController().signal,
    afterBatch: (_key, task) => void task(),
    forBatch: (_key, task) => task(batch),
  };
}
