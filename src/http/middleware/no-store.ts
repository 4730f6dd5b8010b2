/**
 * @module no-store
 * Every answer except the static assets carries payroll data, settings or a session's state, so none
 * of it may sit in a browser or proxy cache: `Cache-Control: no-store` on all of them.
 */
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context.ts';

export const ASSETS_PREFIX = '/assets/';

export const noStore = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  if (!c.req.path.startsWith(ASSETS_PREFIX)) c.res.headers.set('Cache-Control', 'no-store');
});
