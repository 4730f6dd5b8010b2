/**
 * @module routes/loket-settings
 * GET /api/portals/{portalId}/loket-settings — the portal's Loket instellingen; secrets are never returned,
 * only whether they are set. Authorized as `portal.manage`.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { getLoketSettings as readSettings } from '../../../app/portals/get-loket-settings.ts';
import type { AppEnv } from '../../context.ts';
import { errorJson, errorResponses, NOT_FOUND } from '../../errors.ts';
import { refusal } from '../../authorize.ts';

export const LoketSettings = z
  .object({
    portalId: z.uuid(),
    name: z.string(),
    loketClientId: z.string().nullable(),
    hasLoketClientSecret: z.boolean(),
    loketEnvironment: z.enum(['production', 'acceptance']),
    loketPasswordFlow: z.boolean().openapi({
      description:
        "The portal's Loket client has the password flow (enabled by Loket only by exception): domains may then connect with a user name and password",
    }),
    hasYukiAccessKey: z.boolean(),
    autoImport: z.boolean(),
    lookbackPeriods: z.number().int(),
    documentKinds: z.array(z.enum(['payslips', 'journal', 'tax_return'])),
    notificationRecipients: z.array(z.string()),
    blockOnControlDifference: z.boolean(),
    importSchedule: z.string().nullable(),
  })
  .openapi('LoketSettings');

const route = createRoute({
  method: 'get',
  path: '/api/portals/{portalId}/loket-settings',
  tags: ['portals'],
  summary: 'Instellingen → Loket instellingen (secrets are never returned, only whether they are set)',
  request: { params: z.object({ portalId: z.uuid() }) },
  responses: {
    200: { description: 'Settings', content: { 'application/json': { schema: LoketSettings } } },
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
  },
});

export function getLoketSettings(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const { portalId } = c.req.valid('param');
    const refused = await refusal(c, 'portal.manage', { kind: 'portal', portalId });
    if (refused) return refused;
    const settings = await readSettings(c.var.services.db, portalId);
    if (!settings) return errorJson(c, 404, 'not_found', NOT_FOUND);
    return c.json(settings, 200);
  });
}
