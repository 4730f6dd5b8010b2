/**
 * @module routes/operator-refusals
 * `GET /api/operator/refusals`: refused requests of the last week, counted per actor, action, route and
 * hour (operator only), so probing and guessing are visible even where no portal is involved.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { listRefusalCounts } from '../../../audit/record-refusal.ts';
import type { AppEnv } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { refusal } from '../../authorize.ts';

const RefusalCount = z
  .object({
    hour: z.string(),
    actor: z.string(),
    actorUserId: z.uuid().nullable(),
    action: z.string(),
    route: z.string(),
    portalId: z.uuid().nullable(),
    lastReason: z.string().nullable(),
    count: z.number().int(),
    firstAt: z.string(),
    lastAt: z.string(),
  })
  .openapi('RefusalCount');

const route = createRoute({
  method: 'get',
  path: '/api/operator/refusals',
  tags: ['operator'],
  summary: 'Refused requests of the last 7 days, per actor, action, route and hour (operator only)',
  responses: {
    200: { description: 'Counts', content: { 'application/json': { schema: z.array(RefusalCount) } } },
    401: errorResponses[401],
    403: errorResponses[403],
  },
});

export function operatorRefusals(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const refused = await refusal(c, 'operator', { kind: 'service' });
    if (refused) return refused;
    const rows = await listRefusalCounts(c.var.services.db);
    return c.json(
      rows.map((row) => ({
        hour: row.hour.toISOString(),
        actor: row.actorLabel,
        actorUserId: row.actorUserId,
        action: row.action,
        route: row.route,
        portalId: row.portalId,
        lastReason: row.lastReason,
        count: row.count,
        firstAt: row.firstAt.toISOString(),
        lastAt: row.lastAt.toISOString(),
      })),
      200,
    );
  });
}
