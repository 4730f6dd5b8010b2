/**
 * @module routes/portal
 * GET /api/portals/{portalId} — a portal's domains and administrations, with what each link still misses.
 * Authorized as `portal.view`.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { getPortalOverview } from '../../../app/portals/get-portal-overview.ts';
import type { AppEnv } from '../../context.ts';
import { errorJson, errorResponses, NOT_FOUND } from '../../errors.ts';
import { refusal } from '../../authorize.ts';

const AdministrationStatus = z.object({
  id: z.uuid(),
  name: z.string(),
  isStandard: z.boolean(),
  relationCode: z.number().int().nullable(),
  yukiAdministrationId: z.string().nullable().describe("Yuki's id of the administration"),
  loketPayrollAdministrationName: z.string().nullable(),
  goneFromYuki: z.boolean(),
  missing: z.array(z.string()),
});

const PortalOverview = z
  .object({
    id: z.uuid(),
    name: z.string(),
    domains: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        yukiDomainId: z.string().nullable().describe("Yuki's id of the domain; null until synchronised"),
        goneFromYuki: z.boolean(),
        hasLoketFeature: z.boolean(),
        loketConnection: z.enum(['none', 'untested', 'ok', 'failed']),
        administrations: z.array(AdministrationStatus),
      }),
    ),
  })
  .openapi('PortalOverview');

const route = createRoute({
  method: 'get',
  path: '/api/portals/{portalId}',
  tags: ['portals'],
  summary: "A portal's domains and administrations, with what each link still misses",
  request: { params: z.object({ portalId: z.uuid() }) },
  responses: {
    200: { description: 'Overview', content: { 'application/json': { schema: PortalOverview } } },
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
  },
});

export function getPortal(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const { portalId } = c.req.valid('param');
    const refused = await refusal(c, 'portal.view', { kind: 'portal', portalId });
    if (refused) return refused;
    const overview = await getPortalOverview(c.var.services.db, c.var.actor!, portalId);
    if (!overview) return errorJson(c, 404, 'not_found', NOT_FOUND);
    return c.json({ id: overview.id, name: overview.name, domains: overview.domains }, 200);
  });
}
