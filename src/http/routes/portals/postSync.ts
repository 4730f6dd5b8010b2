import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { syncPortalFromYuki } from '../../../tenancy/sync-from-yuki.ts';
import { recordAudit } from '../../../audit/record-audit.ts';
import type { AppEnv } from '../../context.ts';
import { appErrorJson, errorResponses } from '../../errors.ts';
import { refusal } from '../../authorize.ts';

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
    if (refused) return refused as never;
    const { db, secrets, yuki } = c.var.services;
    const actor = c.var.actor!;
    try {
      const report = await syncPortalFromYuki({ db, secrets, yuki }, portalId);
      await recordAudit(db, {
        actorUserId: actor.userId,
        actorLabel: actor.email,
        portalId,
        action: 'portal.sync_from_yuki',
        details: report,
        requestId: c.var.requestId,
      });
      return c.json(report, 200);
    } catch (error) {
      return appErrorJson(c, error) as never;
    }
  });
}
