/**
 * @module home-and-language
 * `/` sends each person to where they work (their portal's overview, or the operator console);
 * `/language` switches between Dutch and English with a cookie and returns to the same page.
 */
import type { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import type { AppEnv } from '../../http/context.ts';
import { listPortals } from '../../app/portals/list-portals.ts';
import { LANG_COOKIE } from '../page-context.ts';
import { sameOriginPath } from '../safe-next.ts';
import { badRequestPage } from './error-pages.tsx';

const YEAR_SECONDS = 365 * 24 * 60 * 60;

export function homePages(app: Hono<AppEnv>): void {
  app.get('/', async (c) => {
    const actor = c.var.actor;
    if (!actor) return c.redirect('/login', 303);
    // The operator's own portals only: without one, the console is where they work.
    const [first] = await listPortals(c.var.services.db, actor, { everyForOperator: false });
    if (first) return c.redirect(`/portals/${first.id}`, 303);
    return c.redirect(actor.isOperator ? '/operator' : '/login', 303);
  });

  app.get('/language', (c) => {
    const back = c.req.query('back');
    const path = back === undefined ? '/' : sameOriginPath(back);
    // A link that leads off-site (or smuggles CR/LF) was not made by us: say so instead of following it.
    if (path === undefined) return badRequestPage(c, 'error.400.back');
    const to = c.req.query('to') === 'en' ? 'en' : 'nl';
    setCookie(c, LANG_COOKIE, to, { path: '/', sameSite: 'Lax', maxAge: YEAR_SECONDS });
    return c.redirect(path, 303);
  });
}
