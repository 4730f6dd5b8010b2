import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { portals } from '../../../store/schema/index.ts';
import { recordAudit } from '../../../audit/record-audit.ts';
import type { AppEnv } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { refusal } from '../../authorize.ts';

const route = createRoute({
  method: 'post',
  path: '/api/portals',
  tags: ['operator'],
  summary: 'Create a portal for an accounting firm (operator only)',
  request: {
    body: {
      content: { 'application/json': { schema: z.object({ name: z.string().trim().min(2).max(200) }) } },
    },
  },
  responses: {
    201: {
      description: 'Created',
      content: { 'application/json': { schema: z.object({ id: z.uuid(), name: z.string() }) } },
    },
    400: { description: 'Invalid input' },
    401: errorResponses[401],
    403: errorResponses[403],
  },
});

export function postPortal(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const refused = await refusal(c, 'operator', { kind: 'service' });
    if (refused) return refused as never;
    const db = c.var.services.db;
    const [portal] = await db
      .insert(portals)
      .values({ name: c.req.valid('json').name })
      .returning();
    const actor = c.var.actor!;
    await recordAudit(db, {
      actorUserId: actor.userId,
      actorLabel: actor.email,
      portalId: portal!.id,
      action: 'portal.create',
      targetType: 'portal',
      targetId: portal!.id,
      changedFields: ['name'],
      requestId: c.var.requestId,
    });
    return c.json({ id: portal!.id, name: portal!.name }, 201);
  });
}
