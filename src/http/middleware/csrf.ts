/**
 * @module csrf-middleware
 * Refuses forged state-changing requests (POST, PUT, PATCH, DELETE). Every one must come from our own
 * origin; one made with a session must also carry that session's CSRF token, in the X-CSRF-Token header
 * or the `_csrf` form field. Runs after the session middleware.
 */
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context.ts';
import { sameSecret } from '../../auth/tokens.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type CsrfOptions = {
  /** Paths used before there is a session (log-in, password reset): the origin check only. */
  sessionlessPaths: readonly string[];
};

export function csrfProtection({ sessionlessPaths }: CsrfOptions) {
  const sessionless = new Set(sessionlessPaths);
  return createMiddleware<AppEnv>(async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    if (!fromOwnOrigin(c)) {
      return refuse(c, {
        nl: 'Dit verzoek kwam niet van deze website en is geweigerd.',
        en: 'This request did not come from this website and was refused.',
      });
    }
    const expected = c.var.csrfToken;
    // Without a session there is no ambient authority to abuse; the routes themselves refuse 401.
    if (expected !== undefined && !sessionless.has(c.req.path)) {
      const sent = c.req.header('x-csrf-token') ?? (await formField(c, '_csrf'));
      if (sent === undefined || !sameSecret(sent, expected)) {
        return refuse(c, {
          nl: 'De beveiligingscode (CSRF) ontbreekt of klopt niet. Laad de pagina opnieuw en probeer het nog eens.',
          en: 'The security token (CSRF) is missing or wrong. Reload the page and try again.',
        });
      }
    }
    await next();
  });
}

/**
 * Browsers send Origin with every state-changing request and Sec-Fetch-Site with nearly all; a request
 * with neither did not come from a browser, so no victim's browser can have been tricked into it.
 */
function fromOwnOrigin(c: Context<AppEnv>): boolean {
  const origin = c.req.header('origin');
  if (origin !== undefined) return origin === new URL(c.var.services.config.publicUrl).origin;
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined) return site === 'same-origin';
  return true;
}

/** Reads one field of a form body; Hono caches the parsed body, so the route's validator still sees it. */
async function formField(c: Context<AppEnv>, name: string): Promise<string | undefined> {
  const value = (await c.req.parseBody())[name];
  return typeof value === 'string' ? value : undefined;
}

function refuse(c: Context<AppEnv>, message: { nl: string; en: string }) {
  return c.json({ error: 'csrf', message }, 403);
}
