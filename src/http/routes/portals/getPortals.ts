/**
 * @module routes/portals
 * GET /api/portals — the portals the signed-in person has a portal or domain role in (every portal for the
 * operator), by name.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { inArray } from 'drizzle-orm';
import { portals } from '../../../store/schema/index.ts';
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
    const ids = new Set([
      ...actor.portalRoles.keys(),
      ...[...actor.domainRoles.values()].map((role) => role.portalId),
    ]);
    const query = c.var.services.db.select({ id: portals.id, name: portals.name }).from(portals);
    const rows = actor.isOperator
      ? await query
      : ids.size
        ? await query.where(inArray(portals.id, [...ids]))
        : [];
    return c.json(
      rows.sort((a, b) => a.name.localeCompare(b.name, 'nl')),
      200,
    );
  });
}
