/**
 * @module routes/logout
 * POST /api/auth/logout — end this session and clear its cookie; 204 also when there was no session.
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../context.ts';
import { signOut } from '../../middleware/session.ts';

const route = createRoute({
  method: 'post',
  path: '/api/auth/logout',
  tags: ['auth'],
  summary: 'Sign out: ends this session and clears its cookie',
  responses: { 204: { description: 'Signed out (also when there was no session)' } },
});

export function postLogout(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    await signOut(c);
    return c.body(null, 204);
  });
}
