/**
 * @module request-count
 * Counts the /v2 requests the sandbox received, in total and per path with ids replaced by `{id}`, so a
 * test or benchmark can tell how many Loket calls a piece of the product made (`GET /_sandbox/requests`).
 */
import type { MiddlewareHandler } from 'hono';

const ID_SEGMENT = /^(?:\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?|\d+)$/i;

export class RequestCount {
  total = 0;
  readonly byPath = new Map<string, number>();

  middleware(): MiddlewareHandler {
    return async (c, next) => {
      const path = new URL(c.req.url).pathname
        .split('/')
        .map((segment) => (ID_SEGMENT.test(segment) ? '{id}' : segment))
        .join('/');
      const key = `${c.req.method} ${path}`;
      this.total += 1;
      this.byPath.set(key, (this.byPath.get(key) ?? 0) + 1);
      await next();
    };
  }

  snapshot(): { total: number; byPath: Record<string, number> } {
    return { total: this.total, byPath: Object.fromEntries(this.byPath) };
  }

  reset(): void {
    this.total = 0;
    this.byPath.clear();
  }
}
