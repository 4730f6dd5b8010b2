/**
 * @module test-job-context
 * The context a job handler gets from the engine, for calling a handler directly: a first attempt whose
 * after-batch tasks run at once.
 */
import type { JobContext } from '../../src/jobs/engine.ts';

export function directJobContext(jobId: string): JobContext {
  return {
    jobId,
    attempt: 1,
    signal: new AbortController().signal,
    afterBatch: (_key, task) => void task(),
  };
}
