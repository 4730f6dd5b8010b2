/**
 * @module routes/me
 * GET /api/auth/me — who is signed in: the user, their roles per portal and per domain, and the session's
 * CSRF token; 401 when nobody is.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../context.ts';
import { DOMAIN_ROLES, PORTAL_ROLES } from '../../../core/roles.ts';
import { json, Problem, SignedInUser } from './schemas.ts';

const Me = z
  .object({
    user: SignedInUser.extend({ isOperator: z.boolean() }),
    portals: z.array(z.object({ portalId: z.uuid(), role: z.enum(PORTAL_ROLES) })),
    domains: z.array(z.object({ domainId: z.uuid(), portalId: z.uuid(), role: z.enum(DOMAIN_ROLES) })),
    csrfToken: z.string(),
  })
  .openapi('Me');

const route = createRoute({
  method: 'get',
  path: '/api/auth/me',
  tags: ['auth'],
  summary: 'Who is signed in, with their roles per portal and per domain',
  responses: {
    200: json(Me, 'The signed-in user'),
    401: json(Problem, 'Nobody is signed in'),
  },
});

export function getMe(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, (c) => {
    const { actor, csrfToken } = c.var;
    if (!actor || !csrfToken) {
      return c.json(
        {
          error: 'not_signed_in',
          message: { nl: 'U bent niet ingelogd.', en: 'You are not signed in.' },
        },
        401,
      );
    }
    return c.json(
      {
        user: {
          id: actor.userId,
          email: actor.email,
          name: actor.name,
          locale: actor.locale,
          isOperator: actor.isOperator,
        },
        portals: [...actor.portalRoles].map(([portalId, role]) => ({ portalId, role })),
        domains: [...actor.domainRoles].map(([domainId, { role, portalId }]) => ({
          domainId,
          portalId,
          role,
        })),
        csrfToken,
      },
      200,
    );
  });
}
