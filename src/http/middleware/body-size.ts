/**
 * @module body-size
 * Caps every request body (API and forms alike) at MAX_BODY_BYTES before anything reads it: larger
 * bodies get 413, as JSON for the API and as a page for the forms.
 */
import { bodyLimit } from 'hono/body-limit';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.ts';
import { errorJson } from '../errors.ts';

/** The page a form gets when its body is too large; given by src/main, since http never imports ui. */
export type TooLargePage = (c: Context<AppEnv>, limit: string) => Response | Promise<Response>;

/** 1048576 → "1 MB", 65536 → "64 kB": for the message only. */
export function readableSize(bytes: number): string {
  return bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0
    ? `${bytes / (1024 * 1024)} MB`
    : `${Math.floor(bytes / 1024)} kB`;
}

export function bodySizeLimit(maxBytes: number, tooLargePage: TooLargePage): MiddlewareHandler<AppEnv> {
  const limit = readableSize(maxBytes);
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) =>
      c.req.path.startsWith('/api/')
        ? errorJson(c, 413, 'payload_too_large', {
            nl: `Het verzoek is groter dan toegestaan (${limit}).`,
            en: `The request is larger than allowed (${limit}).`,
          })
        : tooLargePage(c, limit),
  });
}
