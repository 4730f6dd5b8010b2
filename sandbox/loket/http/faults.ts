/**
 * @module faults
 * Test-only misbehaviour on /v2: latency, 503s, 429s with Retry-After, and bodies cut off halfway.
 * Rates are applied evenly (every n-th request) rather than at random, so tests are repeatable.
 */
import type { MiddlewareHandler } from 'hono';
import type { LoketFaults } from '../options.ts';

/** Fires on `rate` of the calls, spread evenly from the first: rate 0.5 fires on calls 1, 3, 5… */
export class EvenRate {
  private calls = 0;

  fires(rate: number): boolean {
    if (rate <= 0) return false;
    const before = Math.ceil(this.calls * rate);
    this.calls += 1;
    return Math.ceil(this.calls * rate) > before;
  }
}

export class FaultState {
  private serverErrors = new EvenRate();
  private rateLimits = new EvenRate();
  private truncations = new EvenRate();
  private current: LoketFaults;

  constructor(faults: LoketFaults) {
    this.current = faults;
  }

  get faults(): LoketFaults {
    return this.current;
  }

  /** New faults start their rates afresh, so a test sees the same pattern whatever ran before. */
  set faults(faults: LoketFaults) {
    this.current = faults;
    this.serverErrors = new EvenRate();
    this.rateLimits = new EvenRate();
    this.truncations = new EvenRate();
  }

  middleware(): MiddlewareHandler {
    return async (c, next) => {
      const { latencyMs, rateLimitRate, retryAfterSeconds, serverErrorRate, truncateRate } = this.faults;
      if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
      if (this.rateLimits.fires(rateLimitRate)) {
        return c.body(null, 429, { 'Retry-After': String(retryAfterSeconds) });
      }
      if (this.serverErrors.fires(serverErrorRate)) return c.body(null, 503);
      await next();
      if (this.faults.bracedGuids) c.res = await bracedGuids(c.res);
      if (c.res.status === 200 && this.truncations.fires(truncateRate)) c.res = await truncated(c.res);
    };
  }
}

const QUOTED_GUID = /"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"/g;

/** Rewrites every quoted GUID of a JSON answer as `{UPPER-CASE}`, another spelling the spec allows. */
async function bracedGuids(response: Response): Promise<Response> {
  if (!response.headers.get('content-type')?.startsWith('application/json')) return response;
  const text = (await response.text()).replace(
    QUOTED_GUID,
    (_match, guid: string) => `"{${guid.toUpperCase()}}"`,
  );
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(text, { status: response.status, headers });
}

/** Sends half the body under the full Content-Length, then breaks the stream: the client sees a drop. */
async function truncated(response: Response): Promise<Response> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const half = bytes.subarray(0, Math.floor(bytes.length / 2));
  let sent = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!sent) {
        sent = true;
        controller.enqueue(half);
        return;
      }
      // Let the headers and the first half reach the client before the connection drops.
      await new Promise((resolve) => setTimeout(resolve, 20));
      controller.error(new Error('sandbox fault: truncated body'));
    },
  });
  const headers = new Headers(response.headers);
  headers.set('Content-Length', String(bytes.length));
  return new Response(body, { status: response.status, headers });
}
