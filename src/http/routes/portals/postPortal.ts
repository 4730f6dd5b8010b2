/**
 * @module routes/create-portal
 * POST /api/portals — create a portal for an accounting firm. Operator only.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { createPortal } from '../../../app/portals/create-portal.ts';
import { plainText } from '../../../core/text.ts';
import type { AppEnv } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { changedBy, refusal } from '../../authorize.ts';

const route = createRoute({
  method: 'post',
  path: '/api/portals',
  tags: ['operator'],
  summary: 'Create a portal for an accounting firm (operator only)',
  request: {
    body: {
      content: { 'application/json': { schema: z.object({ name: plainText(2, 200) }) } },
    },
  },
  responses: {
    201: {
      description: 'Created',
      content: { 'application/json': { schema: z.object({ id: z.uuid(), name: z.string() }) } },
    },
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
  },
});

export function postPortal(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const refused = await refusal(c, 'operator', { kind: 'service' });
    if (refused) return refused;
    const portal = await createPortal(c.var.services.db, changedBy(c), { name: c.req.valid('json').name });
    return c.json(portal, 201);
  });
}
