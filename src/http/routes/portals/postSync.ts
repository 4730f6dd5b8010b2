/**
 * @module routes/portal-sync
 * POST /api/portals/{portalId}/sync — bring the portal's domains and administrations in line with Yuki,
 * with the portal's access key, and answer what changed. Authorized as `portal.manage`.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { syncPortalFromYuki } from '../../../app/portals/sync-portal-from-yuki.ts';
import type { AppEnv } from '../../context.ts';
import { appErrorOrNotFound, errorResponses } from '../../errors.ts';
import { changedBy, refusal } from '../../authorize.ts';

const Counts = z.object({ seen: z.number().int(), added: z.number().int(), gone: z.number().int() });

const route = createRoute({
  method: 'post',
  path: '/api/portals/{portalId}/sync',
  tags: ['portals'],
  summary: "Bring the portal's domains and administrations in line with Yuki (portal's access key)",
  request: { params: z.object({ portalId: z.uuid() }) },
  responses: {
    200: {
      description: 'What changed',
      content: {
        'application/json': {
          schema: z.object({ domains: Counts, administrations: Counts }).openapi('SyncReport'),
        },
      },
    },
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    422: errorResponses[422],
    503: errorResponses[503],
  },
});

export function postSync(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const { portalId } = c.req.valid('param');
    const refused = await refusal(c, 'portal.manage', { kind: 'portal', portalId });
    if (refused) return refused;
    const { db, secrets, yuki } = c.var.services;
    try {
      return c.json(await syncPortalFromYuki({ db, secrets, yuki }, changedBy(c), portalId), 200);
    } catch (error) {
      return appErrorOrNotFound(c, error);
    }
  });
}
