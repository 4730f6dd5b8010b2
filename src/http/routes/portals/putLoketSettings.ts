/**
 * @module routes/put-loket-settings
 * PUT /api/portals/{portalId}/loket-settings — change the portal's Loket instellingen; omitted fields stay,
 * secrets are write-only. Authorized as `portal.manage`.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { getLoketSettings } from '../../../app/portals/get-loket-settings.ts';
import { changeLoketSettings, LoketSettingsInput } from '../../../app/portals/change-loket-settings.ts';
import type { AppEnv } from '../../context.ts';
import { NotFoundError } from '../../../core/errors.ts';
import { errorJson, errorResponses, NOT_FOUND } from '../../errors.ts';
import { changedBy, refusal } from '../../authorize.ts';
import { LoketSettings } from './getLoketSettings.ts';

const route = createRoute({
  method: 'put',
  path: '/api/portals/{portalId}/loket-settings',
  tags: ['portals'],
  summary: 'Change Loket instellingen; omitted fields stay, secrets are write-only',
  request: {
    params: z.object({ portalId: z.uuid() }),
    body: { content: { 'application/json': { schema: LoketSettingsInput.openapi('LoketSettingsInput') } } },
  },
  responses: {
    200: { description: 'Saved', content: { 'application/json': { schema: LoketSettings } } },
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
  },
});

export function putLoketSettings(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const { portalId } = c.req.valid('param');
    const refused = await refusal(c, 'portal.manage', { kind: 'portal', portalId });
    if (refused) return refused;
    const { db, secrets } = c.var.services;
    try {
      await changeLoketSettings({ db, secrets }, changedBy(c), { portalId, input: c.req.valid('json') });
    } catch (error) {
      // The operator may address any portal id; one that does not exist is simply not found.
      if (error instanceof NotFoundError) return errorJson(c, 404, 'not_found', NOT_FOUND);
      throw error;
    }
    const settings = await getLoketSettings(db, portalId);
    if (!settings) return errorJson(c, 404, 'not_found', NOT_FOUND);
    return c.json(settings, 200);
  });
}
