/**
 * @module page-context
 * What every page needs from the request: the language, the signed-in person, the CSRF token for its
 * forms and whether this is the demo. The language comes from the `ly_lang` cookie, then the user's
 * own setting, then Dutch.
 */
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { html } from 'hono/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../http/context.ts';
import type { Actor, Locale } from '../core/roles.ts';
import { translator, type Translate } from './i18n.ts';

export const LANG_COOKIE = 'ly_lang';

export type PageContext = {
  locale: Locale;
  t: Translate;
  actor: Actor | undefined;
  csrfToken: string | undefined;
  demo: boolean;
  /** The path and query of this request, to come back to after switching language. */
  here: string;
};

export function pageContext(c: Context<AppEnv>): PageContext {
  const cookie = getCookie(c, LANG_COOKIE);
  const locale: Locale = cookie === 'en' || cookie === 'nl' ? cookie : (c.var.actor?.locale ?? 'nl');
  const url = new URL(c.req.url);
  return {
    locale,
    t: translator(locale),
    actor: c.var.actor,
    csrfToken: c.var.csrfToken,
    demo: c.var.services.config.mode === 'demo',
    here: url.pathname + url.search,
  };
}

/** Sends a full page; pages are plain JSX trees without async components. */
export async function render(
  c: Context<AppEnv>,
  page: unknown,
  status: ContentfulStatusCode = 200,
): Promise<Response> {
  return c.html(html`<!doctype html>${page}`, status);
}

/** htmx sends this header; such requests get a fragment instead of a redirect. */
export function isHtmx(c: Context<AppEnv>): boolean {
  return c.req.header('hx-request') === 'true';
}
