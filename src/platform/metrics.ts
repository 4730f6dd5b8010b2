/**
 * @module platform/metrics
 * The process's Prometheus registry (prom-client) and what this process itself measures: Loket and Yuki
 * call latency and errors. What the database knows (documents, waiting items, quota, queues) is read at
 * scrape time by `store/metrics-collector.ts`, so any process shows the whole installation's state.
 */
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'loket_yuki_' });

export type ExternalApi = 'loket' | 'yuki';

const callSeconds = new Histogram({
  name: 'loket_yuki_external_call_duration_seconds',
  help: 'Duration of HTTP calls to Loket and Yuki, by API and operation',
  labelNames: ['api', 'operation'] as const,
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  registers: [registry],
});

const callErrors = new Counter({
  name: 'loket_yuki_external_call_errors_total',
  help: 'Failed calls to Loket and Yuki, by API and error code (HTTP status, SOAP fault or network)',
  labelNames: ['api', 'code'] as const,
  registers: [registry],
});

/** Records one call: its duration, and its error code when it failed. */
export function observeCall(api: ExternalApi, operation: string, seconds: number, errorCode?: string): void {
  callSeconds.observe({ api, operation }, seconds);
  if (errorCode !== undefined) callErrors.inc({ api, code: errorCode });
}

/** Counts an error found in an answer that came back (a SOAP fault), by its code. */
export function countCallError(api: ExternalApi, code: string): void {
  callErrors.inc({ api, code });
}

/** Times `call`, recording a thrown error as code `network` unless `codeOf` names it. */
export async function timedCall<T>(
  api: ExternalApi,
  operation: string,
  call: () => Promise<T>,
  codeOf: (result: T) => string | undefined = () => undefined,
): Promise<T> {
  const started = performance.now();
  try {
    const result = await call();
    observeCall(api, operation, (performance.now() - started) / 1000, codeOf(result));
    return result;
  } catch (error) {
    observeCall(api, operation, (performance.now() - started) / 1000, 'network');
    throw error;
  }
}
