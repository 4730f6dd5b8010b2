import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../context.ts';
import { destroySession } from '../../../auth/sessions.ts';
import { recordAudit } from '../../../audit/record-audit.ts';
import { clearSessionCookie, readSessionToken } from '../../middleware/session.ts';

const route = createRoute({
  method: 'post',
  path: '/api/auth/logout',
  tags: ['auth'],
  summary: 'Sign out: ends this session and clears its cookie',
  responses: { 204: { description: 'Signed out (also when there was no session)' } },
});

export function postLogout(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const { db } = c.var.services;
    const token = readSessionToken(c);
    if (token) await destroySession(db, token);
    clearSessionCookie(c);
    const actor = c.var.actor;
    if (actor) {
      await recordAudit(db, {
        actorUserId: actor.userId,
        actorLabel: actor.email,
        action: 'auth.logout',
        outcome: 'ok',
        requestId: c.var.requestId,
      });
    }
    return c.body(null, 204);
  });
}
