/**
 * @module routes/portals
 * GET /api/portals — the portals the signed-in person has a portal or domain role in (every portal for the
 * operator), by name.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { listPortals } from '../../../app/portals/list-portals.ts';
import type { AppEnv } from '../../context.ts';
import { errorJson, errorResponses } from '../../errors.ts';

const PortalSummary = z.object({ id: z.uuid(), name: z.string() }).openapi('PortalSummary');

const route = createRoute({
  method: 'get',
  path: '/api/portals',
  tags: ['portals'],
  summary: 'The portals the signed-in person belongs to (every portal for the operator)',
  responses: {
    200: { description: 'Portals', content: { 'application/json': { schema: z.array(PortalSummary) } } },
    401: errorResponses[401],
  },
});

export function getPortals(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const actor = c.var.actor;
    if (!actor)
      return errorJson(c, 401, 'not_signed_in', { nl: 'Log eerst in.', en: 'Please sign in first.' });
    return c.json(await listPortals(c.var.services.db, actor, { everyForOperator: true }), 200);
  });
}
