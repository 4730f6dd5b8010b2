/**
 * @module faults
 * Test-only misbehaviour on /v2: latency, 503s, 429s with Retry-After, bodies cut off halfway, PDFs
 * that are none, and JSON answers padded to any size (streamed, never built in memory); and on
 * /oauth/token a countdown of 503s, hangs and garbled answers.
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
  private tokenFaultsLeft: { error: number; hang: number; garbled: number };
  /** Padding bytes the oversized-JSON fault has handed to the network so far (a client that stops reading stops it). */
  paddingSent = 0;

  constructor(faults: LoketFaults) {
    this.current = faults;
    this.tokenFaultsLeft = FaultState.tokenCounts(faults);
  }

  private static tokenCounts(faults: LoketFaults) {
    return { error: faults.tokenServerErrors, hang: faults.tokenTimeouts, garbled: faults.tokenGarbled };
  }

  /** The fault the next /oauth/token request gets, counting it down: 503s first, then hangs, then garbage. */
  tokenFault(): 'error' | 'hang' | 'garbled' | null {
    for (const kind of ['error', 'hang', 'garbled'] as const) {
      if (this.tokenFaultsLeft[kind] > 0) {
        this.tokenFaultsLeft[kind] -= 1;
        return kind;
      }
    }
    return null;
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
    this.tokenFaultsLeft = FaultState.tokenCounts(faults);
    this.paddingSent = 0;
  }

  /** The JSON answer, then `bytes` of spaces in 64 KiB chunks, produced only as the client reads. */
  private padded(response: Response, bytes: number): Response {
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const original = response.body;
    let left = bytes;
    let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
    const body = new ReadableStream<Uint8Array>({
      pull: async (controller) => {
        reader ??= original?.getReader();
        const next = reader ? await reader.read() : { done: true as const, value: undefined };
        if (!next.done) return controller.enqueue(next.value);
        if (left <= 0) return controller.close();
        const size = Math.min(left, chunk.byteLength);
        left -= size;
        this.paddingSent += size;
        controller.enqueue(chunk.subarray(0, size));
      },
    });
    const headers = new Headers(response.headers);
    headers.delete('Content-Length');
    return new Response(body, { status: response.status, headers });
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
      const type = c.res.headers.get('Content-Type') ?? '';
      if (c.res.status === 200 && this.faults.notPdf && type.startsWith('application/pdf'))
        c.res = notAPdf(c.res);
      if (c.res.status === 200 && this.faults.oversizedJsonBytes > 0 && type.startsWith('application/json'))
        c.res = this.padded(c.res, this.faults.oversizedJsonBytes);
    };
  }
}

/** What a proxy or a failing renderer might send: an HTML page, under the PDF's headers. */
function notAPdf(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.delete('Content-Length');
  return new Response('<!DOCTYPE html><html><body><h1>Service Unavailable</h1></body></html>', {
    status: 200,
    headers,
  });
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
